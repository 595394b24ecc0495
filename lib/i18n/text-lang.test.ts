import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectLang, hangulBigrams, hangulWords, likeContains, pickText, resolveLang } from "@/lib/i18n/text-lang";
import { koreanPlaceName, placeNameVariants } from "@/lib/geo/place-names";

const hangulSyllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c));
const hangulText = fc.array(hangulSyllable, { minLength: 1, maxLength: 40 }).map((a) => a.join(""));
const latinWord = fc.stringMatching(/^[A-Za-z]{1,12}$/);

describe("detectLang", () => {
  it("reads Korean and English reports", () => {
    expect(detectLang("중국 선양에서 탈북민 5명이 체포되었다")).toBe("ko");
    expect(detectLang("Five North Koreans were arrested in Shenyang")).toBe("en");
    // A Korean report naming English places stays Korean; an English one quoting a word stays English.
    expect(detectLang("Shenyang(선양)에서 탈북민 체포, 공안 발표")).toBe("ko");
    expect(detectLang("Five people were arrested in Shenyang (선양), activists said on Monday")).toBe("en");
    expect(detectLang("", "ko")).toBe("ko");
    expect(detectLang("2012 — 10!")).toBe("en");
  });

  it("is Korean for any all-Hangul text and English for any text without Hangul (property)", () => {
    fc.assert(fc.property(hangulText, (t) => detectLang(t) === "ko"));
    fc.assert(
      fc.property(fc.string(), (t) => {
        fc.pre(!/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u.test(t));
        return detectLang(t) === "en";
      }),
    );
  });

  it("does not depend on the order of the text, and never throws (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hangulText, latinWord, fc.string())), (parts) => {
        const a = detectLang(parts.join(" "));
        const b = detectLang([...parts].reverse().join(" "));
        return a === b && (a === "ko" || a === "en");
      }),
    );
  });

  it("keeps an editor's choice and detects only on auto", () => {
    expect(resolveLang("en", "선양에서 체포")).toBe("en");
    expect(resolveLang("auto", "선양에서 체포")).toBe("ko");
    expect(resolveLang(undefined, "Arrested in Shenyang", null)).toBe("en");
  });
});

describe("pickText", () => {
  it("shows the reader's form with the other beside it, else the other marked as a fallback", () => {
    expect(pickText("선양 5명 체포", "ko", "Five arrested in Shenyang", "en")).toEqual({
      text: "Five arrested in Shenyang",
      lang: "en",
      other: { text: "선양 5명 체포", lang: "ko" },
      fallback: false,
    });
    expect(pickText("선양 5명 체포", "ko", null, "en")).toEqual({
      text: "선양 5명 체포",
      lang: "ko",
      other: null,
      fallback: true,
    });
    expect(pickText("Five arrested", "en", "  ", "ko").fallback).toBe(true);
    expect(pickText("Five arrested", "en", "5명 체포", "ko-KR").text).toBe("5명 체포");
  });

  it("is never blank while either form has text, and marks a fallback only when the reader's is missing (property)", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom("ko", "en"),
        fc.option(fc.string()),
        fc.constantFrom("ko", "en", "ja"),
        (text, lang, alt, locale) => {
          const shown = pickText(text, lang, alt, locale);
          const any = text.trim() !== "" || (alt ?? "").trim() !== "";
          if (any && shown.text.trim() === "") return false;
          if (shown.fallback && shown.lang === (locale === "ko" ? "ko" : "en")) return false;
          return shown.other === null || shown.other.lang !== shown.lang;
        },
      ),
    );
  });
});

describe("Hangul search helpers", () => {
  it("splits a query into Hangul words and a word into syllable pairs", () => {
    expect(hangulWords("탈북민 체포 Shenyang 체포")).toEqual(["탈북민", "체포"]);
    expect(hangulBigrams("탈북민")).toEqual(["탈북", "북민"]);
    expect(hangulBigrams("선양")).toEqual(["선양"]);
    expect(hangulBigrams("김")).toEqual([]);
  });

  it("pairs: one fewer than the syllables (distinct), each two syllables of the word (property)", () => {
    fc.assert(
      fc.property(hangulText, (w) => {
        const pairs = hangulBigrams(w);
        return (
          pairs.length <= Math.max(0, [...w].length - 1) && pairs.every((p) => [...p].length === 2 && w.includes(p))
        );
      }),
    );
  });

  it("escapes LIKE's wildcards (property: the pattern's unescaped % are only the two ends)", () => {
    expect(likeContains("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    fc.assert(
      fc.property(fc.string(), (s) => {
        const inner = likeContains(s).slice(1, -1);
        return !/(^|[^\\])(\\\\)*[%_]/.test(inner);
      }),
    );
  });
});

describe("place names in two languages", () => {
  it("gives the gazetteer's Korean name of the border places", () => {
    const expected: Record<string, string> = {
      Shenyang: "선양",
      Dandong: "단둥",
      Tumen: "투먼",
      Yanji: "옌지",
      Hunchun: "훈춘",
      Changbai: "창바이",
      Longjing: "룽징",
      Sinuiju: "신의주",
      Hyesan: "혜산",
      Namyang: "남양",
      Beijing: "베이징",
      Shanghai: "상하이",
      Qingdao: "칭다오",
      Kunming: "쿤밍",
    };
    for (const [en, ko] of Object.entries(expected)) expect(koreanPlaceName(en), en).toBe(ko);
    expect(koreanPlaceName("Nowhereville")).toBeNull();
  });

  it("expands a place name both ways, with the Sino-Korean reading and 시 suffix", () => {
    expect(placeNameVariants("선양").english).toContain("Shenyang");
    expect(placeNameVariants("선양시").english).toContain("Shenyang");
    expect(placeNameVariants("Shenyang").korean).toEqual(expect.arrayContaining(["선양", "심양"]));
    expect(placeNameVariants("심양").english).toContain("Shenyang");
    expect(placeNameVariants("체포")).toEqual({ english: [], korean: [] });
    // A country is no place to expand: it would match nearly every case.
    expect(placeNameVariants("China").english).toEqual([]);
  });
});
