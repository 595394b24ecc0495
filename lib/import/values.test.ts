import { describe, expect, it } from "vitest";
import { matchCountry, matchPlace, matchStatus, parseDateCell, parseSizeCell } from "@/lib/import/values";

describe("date cells become honest ranges, wording kept", () => {
  it.each([
    ["2012-02-14", { earliest: "2012-02-14", latest: "2012-02-14", precision: "DAY", wording: null }],
    ["2012", { earliest: "2012-01-01", latest: "2012-12-31", precision: "YEAR", wording: "2012" }],
    ["2012-02", { earliest: "2012-02-01", latest: "2012-02-29", precision: "MONTH", wording: "2012-02" }],
    ["2012.2.8", { earliest: "2012-02-08", latest: "2012-02-08", precision: "DAY", wording: "2012.2.8" }],
    ["2012년 2월", { earliest: "2012-02-01", latest: "2012-02-29", precision: "MONTH", wording: "2012년 2월" }],
    ["early Feb 2012", { earliest: "2012-02-01", latest: "2012-02-10", precision: "MONTH", wording: "early Feb 2012" }],
    ["3 March 2013", { earliest: "2013-03-03", latest: "2013-03-03", precision: "DAY", wording: "3 March 2013" }],
    [
      "2012-02-01 to 2012-02-05",
      { earliest: "2012-02-01", latest: "2012-02-05", precision: "WEEK", wording: "2012-02-01 to 2012-02-05" },
    ],
    ["2011 ~ 2012", { earliest: "2011-01-01", latest: "2012-12-31", precision: "YEAR", wording: "2011 ~ 2012" }],
  ])("%s", (cell, expected) => {
    expect(parseDateCell(cell)).toEqual(expected);
  });

  it.each(["2012-13-40", "2012-02-30", "yesterday", "last Wednesday", "soon", "=TODAY()", "1850"])(
    "refuses %s with a reason",
    (cell) => {
      const parsed = parseDateCell(cell);
      expect(parsed).toHaveProperty("error");
    },
  );

  it("says a date is not a date", () => {
    expect(parseDateCell("2012-13-40")).toEqual({ error: expect.stringMatching(/^is not a date/) });
    expect(parseDateCell("2012-03-01 to 2012-02-01")).toEqual({ error: "is a range that ends before it starts" });
  });
});

describe("size cells become min/max/best, wording kept", () => {
  it.each([
    ["12", { min: 12, max: 12, best: 12, wording: null }],
    ["1,200", { min: 1200, max: 1200, best: 1200, wording: null }],
    ["about 30", { min: 25, max: 35, best: 30, wording: "about 30" }],
    ["10-12", { min: 10, max: 12, best: null, wording: "10-12" }],
    ["20+", { min: 20, max: null, best: 20, wording: "20+" }],
    ["at least 5", { min: 5, max: null, best: 5, wording: "at least 5" }],
    ["more than 20", { min: 21, max: null, best: null, wording: "more than 20" }],
    ["약 30명", { min: 25, max: 35, best: 30, wording: "약 30명" }],
  ])("%s", (cell, expected) => {
    expect(parseSizeCell(cell)).toEqual(expected);
  });

  it.each(["many", "abc", "", "-5 people"])("refuses %j", (cell) => {
    expect(parseSizeCell(cell)).toHaveProperty("error");
  });
});

describe("statuses and places are matched, never guessed", () => {
  it("matches names, labels and common words in English and Korean", () => {
    expect(matchStatus("REPATRIATED")).toBe("REPATRIATED");
    expect(matchStatus("at risk of repatriation")).toBe("AT_RISK_OF_REPATRIATION");
    expect(matchStatus("강제북송")).toBe("REPATRIATED");
    expect(matchStatus("석방")).toBe("RELEASED");
    expect(matchStatus("escaped to the moon")).toHaveProperty("error");
  });

  it("matches places to the gazetteer, most specific part first", () => {
    expect(matchPlace("Shenyang")).toEqual({ country: "CN", province: "Liaoning", cityArea: "Shenyang" });
    expect(matchPlace("Shenyang, Liaoning")).toEqual({ country: "CN", province: "Liaoning", cityArea: "Shenyang" });
    expect(matchPlace("선양")).toEqual({ country: "CN", province: "Liaoning", cityArea: "Shenyang" });
    expect(matchPlace("Jilin")).toMatchObject({ country: "CN", province: "Jilin" });
    expect(matchPlace("Atlantis")).toEqual({ error: expect.stringContaining("is not a place the gazetteer knows") });
    for (const place of ["Yanji", "Tumen, Jilin", "Dandong", "Hunchun", "Changbai, Jilin", "Helong", "China"])
      expect(matchPlace(place), place).not.toHaveProperty("error");
    expect(matchCountry("cn")).toBe("CN");
    expect(matchCountry("China")).toBe("CN");
    expect(matchCountry("Narnia")).toHaveProperty("error");
  });
});
