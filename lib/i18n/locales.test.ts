import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLocale, LOCALES, localeName, negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale (Accept-Language)", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["ko", "ko"],
    ["ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"],
    ["en-US,en;q=0.9,ko;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,ko;q=0.5", "ko"],
    ["en;q=0.4, ko;q=0.6", "ko"],
    ["KO-kr", "ko"],
    ["ja, zh-CN", "en"],
    ["*", "en"],
    ["en;q=0, *", "ko"],
    ["ko;q=0", "en"],
    ["ko;q=abc, en;q=0.1", "en"],
    ["ko;q=1.5", "ko"],
    ["de;q=0.9, ko;q=0.9", "ko"],
    ["en;q=0.9, ko;q=0.9", "en"],
    [";;,,ko", "ko"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("gives a supported language for any header, and never throws", () => {
    const tag = fc.stringMatching(/^(?:\*|[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8}){0,2})$/);
    const weight = fc.oneof(
      fc.constant(""),
      fc.double({ min: 0, max: 1, noNaN: true }).map((q) => `;q=${q.toFixed(3)}`),
      fc.string({ maxLength: 8 }).map((s) => `;q=${s}`),
    );
    const structured = fc
      .array(
        fc.tuple(tag, weight).map(([t, w]) => t + w),
        { maxLength: 8 },
      )
      .map((r) => r.join(", "));
    fc.assert(
      fc.property(
        fc.oneof(
          structured,
          fc.string(),
          fc.string({ unit: fc.constantFrom(..."koKREN-en,;q=0.9*1 \t\u0000é한\uD800"), maxLength: 200 }),
        ),
        (header) => {
          expect(LOCALES).toContain(negotiateLocale(header));
        },
      ),
      { numRuns: 500 },
    );
    expect(negotiateLocale(`${"x-".repeat(3000)}ko`)).toBe("en");
  });

  it("picks the highest-weighted supported language when the header names one", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom("fr", "de", "ja", "zh-Hant"),
        (wanted, lower, other) => {
          const header = `${other};q=0.${String(lower).padStart(3, "0")}, ${wanted}`;
          expect(negotiateLocale(header)).toBe(wanted);
          expect(negotiateLocale(`${wanted}-XX;q=1, ${other};q=0.5`)).toBe(wanted);
        },
      ),
    );
  });
});

describe("locales", () => {
  it("name each language in itself", () => {
    expect(localeName("ko")).toBe("한국어");
    expect(localeName("en")).toBe("English");
    expect(isLocale("ko")).toBe(true);
    expect(isLocale("xx")).toBe(false);
    expect(isLocale("constructor")).toBe(false);
  });
});
