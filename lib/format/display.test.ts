import { describe, expect, it } from "vitest";
import { formatCodeRanges, formatPlace, formatRange, formatUncertainDate } from "@/lib/format/display";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("formatUncertainDate", () => {
  it("shows a day-precise date as one day", () => {
    expect(formatUncertainDate(d("2012-02-08"), d("2012-02-08"), "DAY")).toBe("8 Feb 2012");
  });
  it("shows a whole month as the month, not an invented day", () => {
    expect(formatUncertainDate(d("2012-03-01"), d("2012-03-31"), "MONTH")).toBe("March 2012");
  });
  it("shows a whole year as the year", () => {
    expect(formatUncertainDate(d("2011-01-01"), d("2011-12-31"), "YEAR")).toBe("2011");
  });
  it("shows other ranges as a range", () => {
    expect(formatUncertainDate(d("2012-02-12"), d("2012-02-13"), "WEEK")).toBe("between 12 Feb 2012 and 13 Feb 2012");
  });
});

describe("formatRange", () => {
  it.each([
    [10, 10, "10"],
    [9, 12, "9–12"],
    [3, null, "at least 3"],
    [null, 4, "at most 4"],
    [null, null, "unknown"],
  ])("%s..%s → %s", (min, max, expected) => {
    expect(formatRange(min, max)).toBe(expected);
  });
});

describe("formatPlace", () => {
  it("joins the known parts, most specific first", () => {
    expect(formatPlace({ country: "CN", province: "Jilin", cityArea: "Yanji" })).toBe("Yanji, Jilin, China");
    expect(formatPlace({ country: "CN" })).toBe("China");
  });
});

describe("formatCodeRanges", () => {
  it("joins runs of consecutive codes and lists the rest in order", () => {
    expect(formatCodeRanges(["CN-2012-0003", "CN-2012-0001", "CN-2012-0002"])).toBe("CN-2012-0001..0003");
    expect(formatCodeRanges(["CN-2012-0001", "CN-2012-0003", "CN-2013-0004", "CN-2013-0005", "CN-2012-0001"])).toBe(
      "CN-2012-0001, CN-2012-0003, CN-2013-0004..0005",
    );
    expect(formatCodeRanges(["CN-2012-0009", "CN-2013-0001"])).toBe("CN-2012-0009, CN-2013-0001");
    expect(formatCodeRanges([])).toBe("");
  });
});
