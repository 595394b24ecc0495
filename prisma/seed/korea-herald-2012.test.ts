import { describe, expect, it } from "vitest";
import { ARRIVALS_SERIES, Q, REPORT_CASES, REPORT_CONTACTS, readReport } from "./korea-herald-2012";

const { text, sha256 } = readReport();
const weekday = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });

describe("the seed report as data", () => {
  it("quotes only passages that are in the report, verbatim", () => {
    const quotes = [
      ...Object.values(Q),
      ...REPORT_CASES.flatMap((c) => [c.size.quote, ...c.events.map((e) => e.quote)]),
      ...REPORT_CONTACTS.map((c) => c.quote),
    ];
    for (const quote of quotes) expect(text, quote).toContain(quote);
  });

  it("hashes the captured text", () => {
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("has three groups of 10, 9 and 5 adding up to the report's 'at least 24'", () => {
    expect(REPORT_CASES.map((c) => c.size.min)).toEqual([10, 9, 5]);
    expect(REPORT_CASES.reduce((n, c) => n + c.size.min, 0)).toBe(24);
    expect(text).toContain("at least 24 North Korean defectors");
  });

  it("resolves 'last Wednesday' and 'four days later' to a Wednesday and the Sunday after", () => {
    const [first, second, third] = REPORT_CASES.map((c) => c.events.find((e) => e.type === "ARRESTED")!);
    expect(first.dateEarliest).toBe(second.dateEarliest);
    expect(weekday(first.dateEarliest)).toBe("Wednesday");
    expect(weekday(third.dateEarliest)).toBe("Sunday");
    expect((Date.parse(third.dateEarliest) - Date.parse(first.dateEarliest)) / 86_400_000).toBe(4);
    for (const e of [first, second, third]) expect(e.precision === "DAY" && e.dateEarliest === e.dateLatest).toBe(true);
  });

  it("puts the talks on 'last Sunday and this Monday'", () => {
    const talks = REPORT_CASES[0].events.find((e) => e.type === "REPATRIATION_TALKS")!;
    expect([weekday(talks.dateEarliest), weekday(talks.dateLatest)]).toEqual(["Sunday", "Monday"]);
  });

  it("has the annual arrivals 2005–2011 with every figure in the report", () => {
    expect(ARRIVALS_SERIES.points.map((p) => p.period)).toEqual([
      "2005",
      "2006",
      "2007",
      "2008",
      "2009",
      "2010",
      "2011",
    ]);
    for (const p of ARRIVALS_SERIES.points) expect(p.quote).toContain(p.value.toLocaleString("en"));
  });
});
