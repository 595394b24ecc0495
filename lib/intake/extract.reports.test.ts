/**
 * The extractor on report-like texts written for the tests (fixtures.test-data.ts): one rule or
 * more per report, every proposal checked against the passage it points at.
 */
import { describe, expect, it } from "vitest";
import { extractReport, type Extraction, type Span } from "@/lib/intake/extract";
import { REPORTS, type TestReport } from "@/lib/intake/fixtures.test-data";

const NOW = new Date("2026-01-01T00:00:00Z");

function run(r: TestReport): { x: Extraction; at: (span: Span | null | undefined) => string } {
  const x = extractReport(r.text, { publishedAt: r.publishedAt, url: r.url, outlet: r.outlet, now: NOW });
  const at = (span: Span | null | undefined) => {
    expect(span, "a span").toBeTruthy();
    const s = span as Span;
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(r.text.length);
    return r.text.slice(s.start, s.end);
  };
  return { x, at };
}

describe("extractReport on written reports", () => {
  it("two places in one report, one count with its noun left out, and a quoted Korean-named director", () => {
    const { x, at } = run(REPORTS.twoCities);
    expect(x.source.title?.value).toBe("North Koreans held in two Chinese cities");
    expect(x.source.author?.value).toBe("Lee Ji-won");
    expect(x.groups).toHaveLength(2);
    const [shenyang, yanji] = x.groups;

    expect(shenyang.size.value).toEqual({ min: 25, max: 35, best: 30, wording: "Some 30 North Koreans" });
    expect(at(shenyang.size.span)).toBe("Some 30 North Koreans");
    expect(shenyang.place?.value).toEqual({ country: "CN", province: "Liaoning", city: "Shenyang" });
    expect(at(shenyang.place?.span)).toBe("Shenyang, Liaoning");

    expect(yanji.size.value).toEqual({ min: 10, max: 14, best: 12, wording: "about a dozen" });
    expect(yanji.size.confidence).toBe("medium");
    expect(at(yanji.size.span)).toBe("about a dozen");
    expect(yanji.place?.value).toEqual({ country: "CN", province: "Jilin", city: "Yanji" });
    expect(at(yanji.place?.span)).toBe("Yanji, Jilin");

    for (const g of x.groups) {
      // "activists said on Monday" dates the telling, not an event.
      expect(g.events).toHaveLength(1);
      expect(g.events[0]).toMatchObject({
        type: "DETAINED",
        dateEarliest: "2013-08-02",
        dateLatest: "2013-08-02",
        precision: "DAY",
        dateWording: "August 2",
      });
      expect(g.status?.value).toBe("AT_RISK_OF_REPATRIATION");
      expect(at(g.status?.span)).toContain("face forced repatriation");
    }
    expect(x.totalCheck).toMatchObject({ stated: null, sumOfGroups: 42, consistent: null });

    expect(x.people).toHaveLength(1);
    expect(x.people[0].value).toEqual({
      name: "Kim Hee-tae",
      role: "director",
      organisation: "North Korean Human Rights Campaign",
      kind: "NGO",
    });
    expect(at(x.people[0].span)).toBe("Kim Hee-tae, director of the North Korean Human Rights Campaign");
  });

  it("a release: detained in early May (a MONTH range), freed on Friday, status RELEASED", () => {
    const { x, at } = run(REPORTS.release);
    expect(x.groups).toHaveLength(1);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 7, max: 7, best: 7, wording: "a group of seven North Korean women" });
    expect(g.place?.value).toEqual({ country: "CN", province: "Liaoning", city: "Dandong" });
    expect(g.events.map((e) => [e.type, e.dateEarliest, e.dateLatest, e.precision, e.dateWording])).toEqual([
      ["DETAINED", "2013-05-01", "2013-05-10", "MONTH", "early May"],
      ["RELEASED", "2013-08-02", "2013-08-02", "DAY", "Friday"],
    ]);
    // A bare weekday is read by news convention: medium confidence, and the reason says so.
    expect(g.events[1].confidence).toBe("medium");
    expect(g.events[1].why).toContain("latest Friday on or before publication");
    expect(at(g.events[1].span)).toContain("The women were freed on Friday");
    expect(g.status).toMatchObject({ value: "RELEASED", confidence: "high" });
    expect(x.source.title).toBeNull();
    expect(x.warnings).toContain("No headline found: the first line reads like body text. Give the title by hand.");
  });

  it("no number anywhere: one group of unknown size, a warning, and the date from a sentence pointing back", () => {
    const { x, at } = run(REPORTS.noSize);
    expect(x.groups).toHaveLength(1);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 1, max: null, best: null, wording: "North Korean defectors" });
    expect(g.size.confidence).toBe("low");
    expect(at(g.size.span)).toBe("North Korean defectors");
    expect(x.warnings.some((w) => w.startsWith("No group size found"))).toBe(true);
    expect(g.place?.value).toEqual({ country: "CN", province: "Jilin", city: "Tumen" });
    expect(g.events).toHaveLength(1);
    expect(g.events[0]).toMatchObject({
      type: "ARRESTED",
      dateEarliest: "2014-03-01",
      dateLatest: "2014-03-20",
      precision: "MONTH",
      dateWording: "earlier this month",
      confidence: "medium",
    });
    expect(at(g.events[0].span)).toContain("The arrests took place earlier this month");
    expect(g.status?.value).toBe("REPORTED_DETAINED");
    expect(x.totalCheck.consistent).toBeNull();
    expect(x.appeals.map((a) => a.value)).toEqual([
      { askedFor: "release them", by: "Human rights groups", to: "Beijing", count: null },
    ]);
  });

  it("a stated total the groups do not add up to is flagged", () => {
    const { x, at } = run(REPORTS.inconsistentTotal);
    expect(x.groups.map((g) => g.size.value)).toEqual([
      { min: 8, max: 8, best: 8, wording: "A group of eight" },
      { min: 6, max: 6, best: 6, wording: "another group of six" },
    ]);
    expect(x.statedTotals).toHaveLength(1);
    expect(x.statedTotals[0].value).toEqual({ min: 20, max: 20, wording: "A total of 20" });
    expect(at(x.statedTotals[0].span)).toBe("A total of 20 North Koreans");
    expect(x.totalCheck.stated).toBe(20);
    expect(x.totalCheck.sumOfGroups).toBe(14);
    expect(x.totalCheck.consistent).toBe(false);
    expect(x.totalCheck.message).toBe(
      "Stated 20 ('A total of 20'), but the groups add up to 14 (8 + 6), short of the total: a group may be missing or a size misread.",
    );
    // The groups' sentence has no date: they take the total's ("in late May"), with medium confidence.
    for (const g of x.groups) {
      expect(g.events).toEqual([
        expect.objectContaining({
          type: "ARRESTED",
          dateEarliest: "2015-05-21",
          dateLatest: "2015-05-31",
          precision: "MONTH",
          dateWording: "late May",
          confidence: "medium",
        }),
      ]);
      // Their sentences name no place: like the date, they take the place of the total that covers them.
      expect(g.place).toMatchObject({
        value: { country: "CN", province: "Jilin", city: "Hunchun" },
        confidence: "medium",
      });
      expect(g.place?.why).toContain("stated total");
      expect(g.status?.value).toBe("REPORTED_DETAINED");
    }
    // A report quoting another outlet is not necessarily from it.
    expect(x.source.outlet).toMatchObject({ value: "Daily NK", confidence: "low" });
  });

  it("page furniture is skipped, and a date after publication is flagged", () => {
    const { x, at } = run(REPORTS.clutterAndFuture);
    expect(x.source.title?.value).toBe("Five North Korean restaurant workers detained in Shenyang");
    expect(x.source.title?.why).toContain("Share this article");
    expect(x.source.author?.value).toBe("Jane Doe");
    expect(x.groups).toHaveLength(1);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 5, max: 5, best: 5, wording: "Five North Korean workers" });
    expect(at(g.size.span)).toBe("Five North Korean workers");
    expect(g.place?.value).toEqual({ country: "CN", province: "Liaoning", city: "Shenyang" });
    expect(g.events).toHaveLength(1);
    expect(g.events[0]).toMatchObject({
      type: "DETAINED",
      dateEarliest: "2016-04-20",
      precision: "DAY",
      dateWording: "April 20, 2016",
      confidence: "low",
    });
    expect(g.events[0].why).toContain("after the publication date 2016-04-12");
    expect(x.warnings).toContain(
      'DETAINED "April 20, 2016" resolves to 2016-04-20, after the publication date 2016-04-12: check the date.',
    );
  });

  it("'two weeks ago' is a WEEK range, and 'three days later' counts from it", () => {
    const { x } = run(REPORTS.weeksAgoChain);
    expect(x.groups).toHaveLength(1);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 10, max: 10, best: 10, wording: "10 North Korean defectors" });
    expect(g.place?.value).toEqual({ country: "CN", province: "Liaoning", city: "Dandong" });
    expect(g.events.map((e) => [e.type, e.dateEarliest, e.dateLatest, e.precision, e.dateWording])).toEqual([
      ["ARRESTED", "2017-10-30", "2017-11-05", "WEEK", "Two weeks ago"],
      ["TRANSFERRED", "2017-11-02", "2017-11-08", "WEEK", "Three days later"],
    ]);
    expect(g.status?.value).toBe("REPORTED_DETAINED");
    expect(x.source.outlet).toMatchObject({ value: "Radio Free Asia", confidence: "medium" });
  });

  it("'more than 20' has no maximum and no best guess; 'at least 15' keeps 15 as best", () => {
    const { x } = run(REPORTS.moreThanAtLeast);
    expect(x.groups.map((g) => g.size.value)).toEqual([
      { min: 21, max: null, best: null, wording: "More than 20 North Koreans" },
      { min: 15, max: null, best: 15, wording: "at least 15 defectors" },
    ]);
    expect(x.groups.map((g) => g.place?.value)).toEqual([
      { country: "CN", province: "Yunnan", city: "Kunming" },
      { country: "CN", province: "Jilin", city: "Tumen" },
    ]);
    expect(x.groups[0].events[0]).toMatchObject({
      type: "ARRESTED",
      dateEarliest: "2018-04-30",
      dateLatest: "2018-05-06",
      precision: "WEEK",
      dateWording: "last week",
    });
    expect(x.groups[1].events[0]).toMatchObject({
      type: "ARRESTED",
      dateEarliest: "2018-05-06",
      dateLatest: "2018-05-06",
      precision: "DAY",
      dateWording: "Sunday",
    });
  });

  it("'a group of about a dozen' on '3 March 2013', at risk, with lawmakers' appeal", () => {
    const { x, at } = run(REPORTS.aboutADozen);
    expect(x.groups).toHaveLength(1);
    const [g] = x.groups;
    expect(g.size.value).toEqual({
      min: 10,
      max: 14,
      best: 12,
      wording: "A group of about a dozen North Korean refugees",
    });
    expect(g.size.why).toContain("'a dozen'");
    expect(g.place?.value).toEqual({ country: "CN", province: "Jilin", city: "Yanji" });
    expect(g.events).toEqual([
      expect.objectContaining({
        type: "ARRESTED",
        dateEarliest: "2013-03-03",
        dateLatest: "2013-03-03",
        precision: "DAY",
        dateWording: "3 March 2013",
        confidence: "high",
      }),
    ]);
    expect(g.status).toMatchObject({ value: "AT_RISK_OF_REPATRIATION", confidence: "high" });
    expect(at(g.status?.span)).toContain("The refugees face forced repatriation");
    expect(x.appeals.map((a) => a.value)).toEqual([
      { askedFor: "raise the case with China", by: "lawmakers", to: "the Foreign Ministry", count: null },
    ]);
    expect(at(x.appeals[0].span)).toBe("lawmakers urged the Foreign Ministry to raise the case with China");
  });

  it("'nearly 10' is at most 9; 'earlier this month' is a MONTH range; an undated release sets the status", () => {
    const { x, at } = run(REPORTS.nearlyTen);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 8, max: 9, best: null, wording: "nearly 10 North Korean women" });
    expect(g.place?.value).toEqual({ country: "CN", province: "Jilin", city: "Changbai" });
    // The release has no date of its own: it is proposed between the detention and publication, and says so.
    expect(g.events).toEqual([
      expect.objectContaining({
        type: "DETAINED",
        dateEarliest: "2019-07-01",
        dateLatest: "2019-07-25",
        precision: "MONTH",
        dateWording: "earlier this month",
      }),
      expect.objectContaining({
        type: "RELEASED",
        dateEarliest: "2019-07-01",
        dateLatest: "2019-07-25",
        precision: "MONTH",
        dateWording: "",
        confidence: "medium",
      }),
    ]);
    expect(g.events[1].why).toContain("no date given");
    expect(at(g.events[1].span)).toContain("were later released");
    expect(g.status).toMatchObject({ value: "RELEASED" });
    expect(at(g.status?.span)).toContain("were later released");
    expect(x.source.outlet).toMatchObject({ value: "Daily NK", confidence: "medium" });
  });

  it("a date without a year that would fall after publication takes the year before", () => {
    const { x } = run(REPORTS.yearless);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 3, max: 3, best: 3, wording: "Three North Korean defectors" });
    expect(g.events[0]).toMatchObject({
      type: "ARRESTED",
      dateEarliest: "2011-12-28",
      dateLatest: "2011-12-28",
      precision: "DAY",
      dateWording: "Dec. 28",
      confidence: "medium",
    });
    expect(g.events[0].why).toContain("so 2011");
    expect(x.appeals.map((a) => a.value)).toEqual([
      { askedFor: "help", by: "Their families in Seoul", to: "the government", count: null },
    ]);
  });

  it("one person: 'A North Korean woman'", () => {
    const { x } = run(REPORTS.onePerson);
    expect(x.groups).toHaveLength(1);
    expect(x.groups[0].size).toMatchObject({
      value: { min: 1, max: 1, best: 1, wording: "A North Korean woman" },
      confidence: "medium",
    });
    expect(x.groups[0].place?.value).toEqual({ country: "CN", province: "Shandong", city: "Qingdao" });
    expect(x.groups[0].events[0]).toMatchObject({ type: "ARRESTED", dateEarliest: "2020-08-30", precision: "DAY" });
    expect(x.source.outlet).toMatchObject({ value: "The Korea Times", confidence: "medium" });
  });

  it("a repatriation of 'between 10 and 12': a range with no best guess, status REPATRIATED, no place in North Korea", () => {
    const { x } = run(REPORTS.repatriated);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 10, max: 12, best: null, wording: "Between 10 and 12 North Korean defectors" });
    expect(g.events[0]).toMatchObject({
      type: "REPATRIATED",
      dateEarliest: "2014-09-25",
      precision: "DAY",
      dateWording: "Sept. 25",
    });
    expect(g.status).toMatchObject({ value: "REPATRIATED", confidence: "high" });
    // "sources in Hyesan" is in North Korea: where people came from, not where the group was.
    expect(g.place).toBeNull();
    expect(x.totalCheck.sumOfGroups).toBe(10);
  });

  it("without a publication date given, the dateline is used", () => {
    const { x, at } = run(REPORTS.dateline);
    expect(x.publishedAt).toBe("2012-02-14");
    expect(x.source.publishedAt).toMatchObject({ value: "2012-02-14", confidence: "high" });
    expect(at(x.source.publishedAt?.span)).toContain("Feb 14, 2012");
    expect(x.source.title?.value).toBe("Six caught in Yanji");
    expect(x.groups[0].events[0]).toMatchObject({
      type: "ARRESTED",
      dateEarliest: "2012-02-08",
      dateWording: "last Wednesday",
    });
    expect(x.warnings).toEqual([]);
  });

  it("the outlet from the web address; an organisation and role before a name", () => {
    const { x, at } = run(REPORTS.urlAndRolePrefix);
    expect(x.source.outlet).toMatchObject({ value: "NK News", confidence: "high", span: null });
    expect(x.people.map((p) => p.value)).toEqual([
      { name: "Phil Robertson", role: "researcher", organisation: "Human Rights Watch", kind: "NGO" },
    ]);
    expect(at(x.people[0].span)).toBe("Human Rights Watch researcher Phil Robertson");
    expect(x.groups[0].size.value.min).toBe(4);
    expect(x.groups[0].place?.value).toEqual({ country: "CN", province: "Shanghai", city: "Shanghai" });
  });

  it("the outlet as given wins, pointing at its mention when there is one", () => {
    const r = REPORTS.weeksAgoChain;
    const x = extractReport(r.text, { publishedAt: r.publishedAt, outlet: "Radio Free Asia" });
    expect(x.source.outlet).toMatchObject({
      value: "Radio Free Asia",
      confidence: "high",
      why: "given with the report",
    });
    expect(r.text.slice(x.source.outlet?.span?.start, x.source.outlet?.span?.end)).toBe("Radio Free Asia");
  });

  it("a Korean text: read with the Korean lexicon, Korean wording kept", () => {
    const { x, at } = run(REPORTS.korean);
    expect(x.source.language.value).toBe("ko");
    expect(x.warnings.some((w) => w.includes("there are rules only for"))).toBe(false);
    expect(x.groups).toHaveLength(1);
    const [g] = x.groups;
    expect(g.size.value).toEqual({ min: 10, max: 10, best: 10, wording: "탈북자 10명" });
    expect(at(g.size.span)).toBe("탈북자 10명");
    expect(g.place?.value).toEqual({ country: "CN", province: "Liaoning", city: "Shenyang" });
    expect(at(g.place?.span)).toBe("선양");
    expect(g.status).toMatchObject({ value: "AT_RISK_OF_REPATRIATION" });
    expect(at(g.status?.span)).toContain("강제 북송될 위기");
  });

  it("flags a publication date after today, and ignores a malformed one", () => {
    const r = REPORTS.release;
    const future = extractReport(r.text, { publishedAt: "2013-08-06", now: new Date("2013-08-01T00:00:00Z") });
    expect(future.warnings).toContain(
      "The publication date 2013-08-06 is in the future (today is 2013-08-01): check it.",
    );
    const bad = extractReport(r.text, { publishedAt: "2013-02-30" });
    expect(bad.publishedAt).toBeNull();
    expect(bad.warnings.some((w) => w.includes("not a real date"))).toBe(true);
    expect(bad.groups[0].events).toEqual([]);
  });
});
