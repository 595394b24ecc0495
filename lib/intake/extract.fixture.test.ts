/**
 * The seed report (Korea Herald, 2012-02-14) against what a person made of it
 * (prisma/seed/korea-herald-2012.ts): the extractor must propose the same groups, dates, people
 * and appeal, each pointing at its passage.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport, type Extraction, type Span } from "@/lib/intake/extract";

const FIXTURE = path.resolve(
  import.meta.dirname,
  "..",
  "..",
  "fixtures",
  "korea-herald-2012-nk-defectors-face-repatriation.txt",
);
const text = readFileSync(FIXTURE, "utf8");
const x: Extraction = extractReport(text, { publishedAt: "2012-02-14", now: new Date("2026-01-01T00:00:00Z") });

function passage(span: Span | null | undefined): string {
  expect(span).toBeTruthy();
  const s = span as Span;
  expect(s.start).toBeGreaterThanOrEqual(0);
  expect(s.end).toBeLessThanOrEqual(text.length);
  expect(s.end).toBeGreaterThan(s.start);
  return text.slice(s.start, s.end);
}

describe("extractReport on the Korea Herald seed report", () => {
  it("reads the source metadata from the page", () => {
    expect(x.source.title?.value).toBe("N.K. defectors in China face repatriation");
    expect(passage(x.source.title?.span)).toBe("N.K. defectors in China face repatriation");
    expect(x.source.title?.why).toContain("Back To Top");

    expect(x.source.author?.value).toBe("Song Sang-ho");
    expect(x.source.author?.confidence).toBe("high");
    expect(passage(x.source.author?.span)).toBe("Song Sang-ho");

    expect(x.source.outlet?.value).toBe("The Korea Herald");
    expect(passage(x.source.outlet?.span)).toContain("Korea Herald");

    expect(x.source.publishedAt).toMatchObject({ value: "2012-02-14", span: null, confidence: "high" });
    expect(x.publishedAt).toBe("2012-02-14");
    expect(x.source.language.value).toBe("en");
    expect(x.warnings).toEqual([]);
  });

  it("finds exactly three groups: 10, 9 and 5 people, in China", () => {
    expect(x.groups.map((g) => g.size.value)).toEqual([
      { min: 10, max: 10, best: 10, wording: "Two groups of 10 and nine people" },
      { min: 9, max: 9, best: 9, wording: "Two groups of 10 and nine people" },
      { min: 5, max: 5, best: 5, wording: "another group of five people" },
    ]);
    for (const g of x.groups) {
      expect(g.size.confidence).toBe("high");
      expect(g.place?.value).toEqual({ country: "CN", province: null, city: null });
      expect(g.place?.confidence).toBe("high");
      expect(passage(g.place?.span)).toBe("China");
    }
    expect(passage(x.groups[0].size.span)).toContain("10");
    expect(passage(x.groups[1].size.span)).toContain("nine");
    expect(x.groups[1].size.why).toContain("number word 'nine'");
    expect(passage(x.groups[2].size.span)).toContain("five people");
  });

  it("dates the arrests: last Wednesday for 10 and 9, four days later for 5", () => {
    const arrested = x.groups.map((g) => g.events.filter((e) => e.type === "ARRESTED"));
    for (const [i, events] of arrested.entries()) expect(events, `group ${i}`).toHaveLength(1);
    for (const e of [arrested[0][0], arrested[1][0]]) {
      expect(e).toMatchObject({
        dateEarliest: "2012-02-08",
        dateLatest: "2012-02-08",
        precision: "DAY",
        dateWording: "last Wednesday",
        confidence: "high",
      });
      expect(passage(e.span)).toContain("were caught in China last Wednesday");
    }
    expect(arrested[2][0]).toMatchObject({
      dateEarliest: "2012-02-12",
      dateLatest: "2012-02-12",
      precision: "DAY",
      dateWording: "Four days later",
      confidence: "high",
    });
    expect(passage(arrested[2][0].span)).toContain(
      "Four days later, another group of five people was arrested in China",
    );
    expect(arrested[2][0].why).toContain("2012-02-08");
  });

  it("attaches the repatriation talks of last Sunday and this Monday to every group", () => {
    for (const g of x.groups) {
      const talks = g.events.filter((e) => e.type === "REPATRIATION_TALKS");
      expect(talks).toHaveLength(1);
      expect(talks[0]).toMatchObject({
        dateEarliest: "2012-02-12",
        dateLatest: "2012-02-13",
        precision: "WEEK",
        dateWording: "last Sunday and this Monday",
        confidence: "medium",
      });
      expect(passage(talks[0].span)).toContain("reportedly met last Sunday and this Monday");
    }
  });

  it("proposes 'at risk of repatriation' for every group", () => {
    for (const g of x.groups) {
      expect(g.status?.value).toBe("AT_RISK_OF_REPATRIATION");
      expect(passage(g.status?.span)).toMatch(/face repatriation|handed over to Pyongyang/);
    }
  });

  it("reads 'at least 24' and 'at least two dozen' as totals that the groups add up to", () => {
    const wordings = x.statedTotals.map((t) => t.value.wording);
    expect(wordings).toContain("at least 24");
    expect(wordings).toContain("At least two dozen");
    const atLeast24 = x.statedTotals.find((t) => t.value.wording === "at least 24");
    expect(atLeast24?.value).toEqual({ min: 24, max: null, wording: "at least 24" });
    expect(passage(atLeast24?.span)).toContain("at least 24 North Korean defectors");
    for (const t of x.statedTotals) expect(t.value.min).toBe(24);
    expect(x.totalCheck).toEqual({
      stated: 24,
      sumOfGroups: 24,
      consistent: true,
      message: "Stated at least 24 = 10 + 9 + 5",
    });
  });

  it("names the three people quoted, with roles, organisations and kinds", () => {
    const byName = Object.fromEntries(x.people.map((p) => [p.value.name, p]));
    expect(Object.keys(byName)).toEqual(["Park Sun-young", "Byun Chul-hwan", "Nam Chang-hee"]);

    expect(byName["Park Sun-young"].value).toEqual({
      name: "Park Sun-young",
      role: "lawmaker",
      organisation: "Liberty Forward Party",
      kind: "LAWMAKER",
    });
    expect(passage(byName["Park Sun-young"].span)).toBe("Rep. Park Sun-young of the minority Liberty Forward Party");

    expect(byName["Byun Chul-hwan"].value).toMatchObject({
      role: "director of the ministry’s Northeast Asia Division 2",
      organisation: "Foreign Ministry",
      kind: "GOVERNMENT_OFFICIAL",
    });
    expect(passage(byName["Byun Chul-hwan"].span)).toBe(
      "Byun Chul-hwan, director of the ministry’s Northeast Asia Division 2",
    );
    expect(byName["Byun Chul-hwan"].why).toContain("Foreign Ministry");

    expect(byName["Nam Chang-hee"].value).toEqual({
      name: "Nam Chang-hee",
      role: "political science professor",
      organisation: "Inha University",
      kind: "ACADEMIC",
    });
    expect(passage(byName["Nam Chang-hee"].span)).toContain(
      "Nam Chang-hee, political science professor at Inha University",
    );
  });

  it("reads the appeal of ten defectors to the human rights watchdog", () => {
    const ten = x.appeals.find((a) => a.value.count === 10);
    expect(ten?.value).toEqual({
      askedFor: "help save them",
      by: "Ten of the defectors, through an activist group",
      to: "Seoul’s state human rights watchdog",
      count: 10,
    });
    expect(ten?.confidence).toBe("high");
    expect(passage(ten?.span)).toContain("Ten of the defectors have requested through an activist group");
    // Calls on governments are appeals too; a U.N. resolution on Syria is not one about these people.
    expect(x.appeals.map((a) => a.value.to)).toEqual([
      "Beijing",
      "the government",
      "Seoul’s state human rights watchdog",
    ]);
    expect(x.appeals.find((a) => a.value.to === "the government")?.value.by).toBe("activists");
  });

  it("gives every proposal a span inside the text and a reason", () => {
    const proposals = [
      ...Object.values(x.source).filter((p) => p !== null),
      ...x.groups.flatMap((g) => [g.size, g.place, g.status, ...g.events]).filter((p) => p !== null),
      ...x.statedTotals,
      ...x.people,
      ...x.appeals,
    ];
    for (const p of proposals) {
      expect(p.why.length).toBeGreaterThan(5);
      expect(["high", "medium", "low"]).toContain(p.confidence);
      if (p.span) expect(text.slice(p.span.start, p.span.end).trim().length).toBeGreaterThan(0);
    }
  });

  it("is deterministic", () => {
    expect(extractReport(text, { publishedAt: "2012-02-14", now: new Date("2026-01-01T00:00:00Z") })).toEqual(x);
  });

  it("without a publication date, still finds the groups but leaves relative dates unresolved and says so", () => {
    const y = extractReport(text);
    expect(y.publishedAt).toBeNull();
    expect(y.groups.map((g) => g.size.value.min)).toEqual([10, 9, 5]);
    expect(y.groups.flatMap((g) => g.events)).toEqual([]);
    expect(y.warnings[0]).toContain("No publication date");
    expect(y.warnings.some((w) => w.includes("last Wednesday"))).toBe(true);
  });

  it("still reads the report when it was pasted with Windows line breaks", () => {
    const crlf = text.replace(/\n/g, "\r\n");
    const y = extractReport(crlf, { publishedAt: "2012-02-14" });
    expect(y.groups.map((g) => g.size.value.min)).toEqual([10, 9, 5]);
    expect(y.source.title?.value).toBe("N.K. defectors in China face repatriation");
    const e = y.groups[2].events[0];
    expect(crlf.slice(e.span.start, e.span.end)).toContain("Four days later");
  });
});
