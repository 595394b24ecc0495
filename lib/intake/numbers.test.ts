import { describe, expect, it } from "vitest";
import { lexiconEn } from "@/lib/intake/lexicon-en";
import { describeSize, quantityPatterns, sizeFrom } from "@/lib/intake/numbers";

const { parse, source } = quantityPatterns(lexiconEn);

describe("number words", () => {
  it.each([
    ["nine", 9],
    ["Ten", 10],
    ["nineteen", 19],
    ["twenty-four", 24],
    ["twenty four", 24],
    ["a dozen", 12],
    ["two dozen", 24],
    ["half a dozen", 6],
    ["a hundred", 100],
    ["three hundred", 300],
    ["two thousand", 2000],
    ["24", 24],
    ["1,383", 1383],
  ])("%s is %i", (words, n) => {
    expect(lexiconEn.parseNumber(words)).toBe(n);
  });

  it("refuses what is not a number", () => {
    expect(lexiconEn.parseNumber("dozens")).toBeNull();
    expect(lexiconEn.parseNumber("several")).toBeNull();
    expect(lexiconEn.parseNumber("")).toBe(0);
  });
});

describe("size wording → min / max / best (the rules table in numbers.ts)", () => {
  it.each([
    ["24", 24, 24, 24, "exact"],
    ["nine", 9, 9, 9, "exact"],
    ["two dozen", 24, 24, 24, "exact"],
    ["twenty-four", 24, 24, 24, "exact"],
    ["at least 24", 24, null, 24, "atLeast"],
    ["at least two dozen", 24, null, 24, "atLeast"],
    ["10 or more", 10, null, 10, "atLeast"],
    ["more than 20", 21, null, null, "moreThan"],
    ["over 100", 101, null, null, "moreThan"],
    ["some 30", 25, 35, 30, "about"],
    ["about a dozen", 10, 14, 12, "about"],
    ["around five", 4, 6, 5, "about"],
    ["an estimated 1,000", 850, 1150, 1000, "about"],
    ["nearly 10", 8, 9, null, "nearly"],
    ["almost 22,000", 18700, 21999, null, "nearly"],
    ["up to 40", 1, 40, null, "upTo"],
    ["as many as 30", 1, 30, null, "upTo"],
    ["fewer than 10", 1, 9, null, "fewerThan"],
    ["between 10 and 12", 10, 12, null, "range"],
    ["10 to 12", 10, 12, null, "range"],
    ["10-12", 10, 12, null, "range"],
    ["dozens of", 24, null, null, "dozens"],
    ["hundreds of", 200, null, null, "hundreds"],
    ["several", 3, null, null, "several"],
    ["a few", 2, null, null, "few"],
    ["a number of", 1, null, null, "unknown"],
  ])("%s → min %s, max %s, best %s (%s)", (wording, min, max, best, rule) => {
    expect(parse(wording)).toMatchObject({ min, max, best, rule });
    // The combined pattern matches the whole wording.
    expect(new RegExp(`^(?:${source})$`, "i").test(wording)).toBe(true);
  });

  it("keeps every minimum at least 1 and every maximum at least the minimum", () => {
    expect(sizeFrom("about", 1)).toEqual({ min: 1, max: 2, best: 1 });
    expect(sizeFrom("nearly", 1)).toEqual({ min: 1, max: 1, best: null });
    expect(sizeFrom("fewerThan", 1)).toEqual({ min: 1, max: 1, best: null });
    expect(sizeFrom("exact", 0)).toEqual({ min: 1, max: 1, best: 0 });
  });

  it("describes sizes for messages", () => {
    expect(describeSize({ min: 24, max: null })).toBe("at least 24");
    expect(describeSize({ min: 24, max: 24 })).toBe("24");
    expect(describeSize({ min: 10, max: 14, best: 12 })).toBe("10–14 (about 12)");
    expect(describeSize({ min: 1000, max: 1200 })).toBe("1,000–1,200");
  });
});
