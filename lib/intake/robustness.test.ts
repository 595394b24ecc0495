/**
 * The extractor must never throw, whatever it is given, and every span it returns must lie inside
 * the text. Seeded pseudo-random inputs keep the fuzzing reproducible.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport, MAX_REPORT_CHARS, type Extraction, type Span } from "@/lib/intake/extract";

const FIXTURE = readFileSync(
  path.resolve(import.meta.dirname, "..", "..", "fixtures", "korea-herald-2012-nk-defectors-face-repatriation.txt"),
  "utf8",
);

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spans(x: Extraction): Span[] {
  const out: Array<Span | null | undefined> = [
    ...Object.values(x.source).map((p) => p?.span),
    ...x.groups.flatMap((g) => [g.size.span, g.place?.span, g.status?.span, ...g.events.map((e) => e.span)]),
    ...x.statedTotals.map((p) => p.span),
    ...x.people.map((p) => p.span),
    ...x.appeals.map((p) => p.span),
  ];
  return out.filter((s): s is Span => !!s);
}

function checkShape(text: string, x: Extraction) {
  for (const s of spans(x)) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.start).toBeLessThanOrEqual(s.end);
  }
  for (const g of x.groups) {
    expect(g.size.value.min).toBeGreaterThanOrEqual(1);
    if (g.size.value.max !== null) expect(g.size.value.max).toBeGreaterThanOrEqual(g.size.value.min);
    for (const e of g.events) expect(e.dateEarliest <= e.dateLatest).toBe(true);
  }
  expect(x.warnings.some((w) => w.startsWith("The extractor could not read"))).toBe(false);
}

describe("robustness", () => {
  it("empty and blank text: nothing, with a warning", () => {
    for (const text of ["", " ", "\n\n\t  \r\n"]) {
      const x = extractReport(text);
      expect(x.groups).toEqual([]);
      expect(x.warnings).toEqual(["The text is empty. Nothing was extracted."]);
    }
  });

  it("more than 200,000 characters: refused, not read", () => {
    const text = "North Koreans were arrested. ".repeat(7000);
    expect(text.length).toBeGreaterThan(MAX_REPORT_CHARS);
    const x = extractReport(text, { publishedAt: "2012-02-14" });
    expect(x.groups).toEqual([]);
    expect(x.warnings[0]).toMatch(/^The text is 203,000 characters long; the extractor reads at most 200,000\./);
  });

  it("binary junk: refused as not text", () => {
    const r = prng(7);
    const bytes = Array.from({ length: 5000 }, () => String.fromCharCode(Math.floor(r() * 256))).join("");
    for (const text of [bytes, "PK\u0003\u0004\u0000\u0000 some zip", "\ufffd".repeat(200) + "abc"]) {
      const x = extractReport(text);
      expect(x.groups).toEqual([]);
      expect(x.warnings[0]).toMatch(/^This does not look like text/);
    }
  });

  it("200,000 characters of random text: no throw, in reasonable time", () => {
    const r = prng(42);
    const alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:!?'\"“”-–\n\n0123456789 한국 中国";
    let text = "";
    while (text.length < MAX_REPORT_CHARS) text += alphabet[Math.floor(r() * alphabet.length)];
    text = text.slice(0, MAX_REPORT_CHARS);
    const started = performance.now();
    const x = extractReport(text, { publishedAt: "2012-02-14", now: new Date("2026-01-01") });
    expect(performance.now() - started).toBeLessThan(15_000);
    checkShape(text, x);
  });

  it("200,000 characters of report-like word soup: no throw, spans inside the text", () => {
    const r = prng(3);
    const words =
      "the North Korean defectors were arrested caught released in China Shenyang Yanji, Jilin last Wednesday Four days later Feb. 4 at least 24 some 30 two dozen Two groups of 10 and nine people another group of five said Rep. Park Sun-young of the Liberty Forward Party , . “ ” By Kim Ji-won ( urged Beijing to release them face repatriation".split(
        " ",
      );
    let text = "";
    while (text.length < MAX_REPORT_CHARS - 40)
      text += words[Math.floor(r() * words.length)] + (r() < 0.06 ? ".\n\n" : " ");
    const x = extractReport(text, { publishedAt: "2012-02-14", now: new Date("2026-01-01") });
    checkShape(text, x);
    expect(x.groups.length).toBeGreaterThan(0);
  });

  it("random cuts and mutations of the seed report: no throw, spans inside the text", () => {
    const r = prng(2012);
    const inserts = [
      "\u0007",
      "”",
      "“",
      "\r\n",
      ".",
      "  ",
      "ünïcödé",
      "\ud83d\ude00",
      "\ud800",
      "1,000,000",
      "-",
      "\t",
    ];
    for (let i = 0; i < 150; i++) {
      const a = Math.floor(r() * FIXTURE.length);
      const b = a + Math.floor(r() * (FIXTURE.length - a));
      let text = FIXTURE.slice(a, b);
      for (let k = 0; k < 5; k++) {
        const at = Math.floor(r() * (text.length + 1));
        text = text.slice(0, at) + inserts[Math.floor(r() * inserts.length)] + text.slice(at);
      }
      const x = extractReport(text, { publishedAt: r() < 0.7 ? "2012-02-14" : undefined, now: new Date("2026-01-01") });
      checkShape(text, x);
    }
  });

  it("odd options do not throw", () => {
    const odd = [
      { publishedAt: "tomorrow" },
      { publishedAt: "2012-13-45" },
      { url: "not a url" },
      { url: "javascript:alert(1)" },
      { now: new Date("invalid") },
      { outlet: "   " },
      // Values a caller in plain JavaScript might pass.
      { publishedAt: 20120214 as unknown as string },
      null as unknown as object,
    ];
    for (const opts of odd) expect(() => extractReport(FIXTURE, opts as never)).not.toThrow();
    expect(() => extractReport(undefined as unknown as string)).not.toThrow();
    expect(() => extractReport(42 as unknown as string)).not.toThrow();
  });
});
