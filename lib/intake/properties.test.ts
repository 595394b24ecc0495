/**
 * Properties of the extractor on generated text (fast-check): it never throws, every span points into
 * the text, sizes and date ranges are well formed, and the same input always gives the same output.
 * Generated from report-like words in English and Korean as well as from arbitrary strings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractReport, type Extraction, type Span } from "@/lib/intake/extract";

const EN =
  "the North Korean defectors were arrested caught detained moved to transferred handed over to North Korean authorities sent back released in near Shenyang Dandong Tumen, Jilin Yanji last Wednesday Four days later on Feb. 8 early this month at least 24 some 30 two dozen more than 20 Two groups of 10 and nine people another five three others a family of four could be returned face repatriation it is not clear whether said Rep. Park Sun-young urged China to release them . , “ ”".split(
    " ",
  );
const KO =
  '탈북자 탈북민 10명 열 명 30여 명 20명 이상 일가족 4명 여성 13명과 어린이 2명 활동가 6명 지난 8일 나흘 뒤 이달 초 지난주 지난 수요일 선양에서 심양 단둥 투먼으로 옌지 연길 쿤밍 체포됐다 붙잡혔다 구금 이송돼 강제북송됐다 북송될 위기 북송될 예정 확인되지 않은 이들은 박선영 의원은 에게 긴급조치를 요청했다 . , " 중국 공안이'.split(
    " ",
  );

function spans(x: Extraction): Span[] {
  const out: Array<Span | null | undefined> = [
    ...Object.values(x.source).map((p) => p?.span),
    ...x.groups.flatMap((g) => [g.size.span, g.place?.span, g.status?.span, ...g.events.map((e) => e.span)]),
    ...x.statedTotals.map((p) => p.span),
    ...x.aggregates.map((p) => p.span),
    ...x.people.map((p) => p.span),
    ...x.appeals.map((p) => p.span),
  ];
  return out.filter((s): s is Span => !!s);
}

function wellFormed(text: string, x: Extraction) {
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

const words = (vocab: string[]) =>
  fc.array(fc.constantFrom(...vocab), { minLength: 0, maxLength: 80 }).map((ws) => ws.join(" "));
const pub = fc.option(
  fc
    .date({ min: new Date("2000-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: undefined },
);

describe("extractor properties", () => {
  it("never throws and keeps every span inside the text: English report words", () => {
    fc.assert(
      fc.property(words(EN), pub, (text, publishedAt) => wellFormed(text, extractReport(text, { publishedAt }))),
      { numRuns: 150, seed: 14 },
    );
  });

  it("never throws and keeps every span inside the text: Korean report words", () => {
    fc.assert(
      fc.property(words(KO), pub, (text, publishedAt) => wellFormed(text, extractReport(text, { publishedAt }))),
      { numRuns: 150, seed: 41 },
    );
  });

  it("never throws on arbitrary strings, including mixed scripts and odd code points", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: "grapheme", maxLength: 300 }),
          fc.tuple(words(EN), words(KO)).map(([a, b]) => `${a}\n\n${b}`),
        ),
        pub,
        (text, publishedAt) => wellFormed(text, extractReport(text, { publishedAt })),
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it("is deterministic: the same text and options give the same proposals", () => {
    fc.assert(
      fc.property(fc.oneof(words(EN), words(KO)), pub, (text, publishedAt) => {
        expect(extractReport(text, { publishedAt })).toEqual(extractReport(text, { publishedAt }));
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
