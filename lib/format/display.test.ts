import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import {
  formatCodeRanges,
  formatDay,
  formatPlace,
  formatRange,
  formatUncertainDate,
  type Speech,
} from "@/lib/format/display";
import ko from "@/lib/i18n/messages/ko.json";

const koFormat = createTranslator({ locale: "ko", messages: ko, namespace: "format" });
const KOREAN: Speech = { locale: "ko", t: (key, values) => koFormat(key as Parameters<typeof koFormat>[0], values) };

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

describe("formatUncertainDate: parts of a month, and in Korean", () => {
  it("names the thirds of a month that import and intake read (1–10, 11–20, 21–end)", () => {
    expect(formatUncertainDate(d("2012-02-01"), d("2012-02-10"), "MONTH")).toBe("early February 2012");
    expect(formatUncertainDate(d("2012-02-11"), d("2012-02-20"), "MONTH")).toBe("mid-February 2012");
    expect(formatUncertainDate(d("2012-02-21"), d("2012-02-29"), "MONTH")).toBe("late February 2012");
    expect(formatUncertainDate(d("2012-02-01"), d("2012-02-29"), "MONTH")).toBe("February 2012");
  });
  it("reads naturally in Korean", () => {
    expect(formatDay(d("2012-02-08"), KOREAN)).toBe("2012년 2월 8일");
    expect(formatUncertainDate(d("2012-02-08"), d("2012-02-08"), "DAY", KOREAN)).toBe("2012년 2월 8일");
    expect(formatUncertainDate(d("2012-02-01"), d("2012-02-10"), "MONTH", KOREAN)).toBe("2012년 2월 초");
    expect(formatUncertainDate(d("2012-02-11"), d("2012-02-20"), "MONTH", KOREAN)).toBe("2012년 2월 중순");
    expect(formatUncertainDate(d("2012-02-21"), d("2012-02-29"), "MONTH", KOREAN)).toBe("2012년 2월 말");
    expect(formatUncertainDate(d("2012-03-01"), d("2012-03-31"), "MONTH", KOREAN)).toBe("2012년 3월");
    expect(formatUncertainDate(d("2011-01-01"), d("2011-12-31"), "YEAR", KOREAN)).toBe("2011년");
    expect(formatUncertainDate(d("2012-02-12"), d("2012-02-13"), "WEEK", KOREAN)).toBe(
      "2012년 2월 12일~2012년 2월 13일",
    );
    expect(formatRange(3, null, KOREAN)).toBe("최소 3");
    expect(formatRange(null, null, KOREAN)).toBe("알 수 없음");
    expect(formatPlace({ country: "CN", province: "Jilin", cityArea: "Yanji" }, "ko")).toBe("Yanji, Jilin, 중국");
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
