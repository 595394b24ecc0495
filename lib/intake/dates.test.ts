import { describe, expect, it } from "vitest";
import { findDateMentions, precisionOfLength, resolveMention, type Anchor } from "@/lib/intake/dates";
import { lexiconEn } from "@/lib/intake/lexicon-en";

// Tuesday 14 February 2012, the seed report's publication date.
const PUB = "2012-02-14";

function resolve(sentence: string, pub: string | null = PUB, anchor: Anchor | null = null) {
  const mentions = findDateMentions(lexiconEn, sentence);
  expect(mentions, `a date in "${sentence}"`).toHaveLength(1);
  const r = resolveMention(mentions[0], pub, anchor);
  return { wording: mentions[0].wording, ...r };
}

describe("date wording → range and precision (the rules table in dates.ts)", () => {
  it.each([
    ["They were caught last Wednesday.", "last Wednesday", "2012-02-08", "2012-02-08", "DAY"],
    ["Officials met last Sunday and this Monday.", "last Sunday and this Monday", "2012-02-12", "2012-02-13", "WEEK"],
    ["They were caught on Monday.", "Monday", "2012-02-13", "2012-02-13", "DAY"],
    ["They were caught on Tuesday.", "Tuesday", "2012-02-14", "2012-02-14", "DAY"],
    ["They were caught yesterday.", "yesterday", "2012-02-13", "2012-02-13", "DAY"],
    ["They were caught three days ago.", "three days ago", "2012-02-11", "2012-02-11", "DAY"],
    ["They were captured last week.", "last week", "2012-02-06", "2012-02-12", "WEEK"],
    ["They were captured earlier this week.", "earlier this week", "2012-02-13", "2012-02-14", "WEEK"],
    ["They were caught two weeks ago.", "two weeks ago", "2012-01-30", "2012-02-05", "WEEK"],
    ["They were caught earlier this month.", "earlier this month", "2012-02-01", "2012-02-14", "MONTH"],
    ["They were caught last month.", "last month", "2012-01-01", "2012-01-31", "MONTH"],
    ["They were caught in early February.", "early February", "2012-02-01", "2012-02-10", "MONTH"],
    ["They were caught in late January.", "late January", "2012-01-21", "2012-01-31", "MONTH"],
    ["They were caught in mid-May 2010.", "mid-May 2010", "2010-05-11", "2010-05-20", "MONTH"],
    ["They were caught in January 2011.", "January 2011", "2011-01-01", "2011-01-31", "MONTH"],
    ["They were caught on Feb. 4.", "Feb. 4", "2012-02-04", "2012-02-04", "DAY"],
    ["They were caught on 3 March 2013.", "3 March 2013", "2013-03-03", "2013-03-03", "DAY"],
    ["They were caught on August 2.", "August 2", "2011-08-02", "2011-08-02", "DAY"],
    ["They were caught last year.", "last year", "2011-01-01", "2011-12-31", "YEAR"],
    ["It dropped in 2010.", "in 2010", "2010-01-01", "2010-12-31", "YEAR"],
    ["They were caught earlier this year.", "earlier this year", "2012-01-01", "2012-02-14", "YEAR"],
    ["They have been held since March.", "since March", "2011-03-01", "2012-02-14", "YEAR"],
    ["They were caught from Aug. 2 to Aug. 5, 2011.", "Aug. 2 to Aug. 5, 2011", "2011-08-02", "2011-08-05", "WEEK"],
  ])("%s", (sentence, wording, earliest, latest, precision) => {
    expect(resolve(sentence)).toMatchObject({ wording, earliest, latest, precision });
  });

  it("'this Monday' is the Monday of the publication week, not the next one", () => {
    expect(resolve("They met this Monday.")).toMatchObject({ earliest: "2012-02-13", confidence: "high" });
  });

  it("'last Monday' said on a Tuesday is ambiguous: medium confidence, and the reason says why", () => {
    const r = resolve("They met last Monday.");
    expect(r).toMatchObject({ earliest: "2012-02-13", confidence: "medium" });
    expect("why" in r && r.why).toContain("some writers would mean the week before");
  });

  it("a yearless date after publication moves to the year before, with medium confidence", () => {
    const r = resolve("They were caught on August 2.");
    expect(r).toMatchObject({ earliest: "2011-08-02", confidence: "medium" });
  });

  it("chains count from the previous event and keep its precision", () => {
    const day: Anchor = {
      earliest: "2012-02-08",
      latest: "2012-02-08",
      precision: "DAY",
      confidence: "high",
      wording: "last Wednesday",
    };
    expect(resolve("Four days later, another group was arrested.", PUB, day)).toMatchObject({
      earliest: "2012-02-12",
      latest: "2012-02-12",
      precision: "DAY",
      confidence: "high",
    });
    expect(resolve("The next day they were moved.", PUB, day)).toMatchObject({
      earliest: "2012-02-09",
      precision: "DAY",
    });
    expect(resolve("Two days earlier they had crossed.", PUB, day)).toMatchObject({
      earliest: "2012-02-06",
      precision: "DAY",
    });
    expect(resolve("Two weeks later they were sent back.", PUB, day)).toMatchObject({
      earliest: "2012-02-19",
      latest: "2012-02-25",
      precision: "WEEK",
      confidence: "medium",
    });
    const week: Anchor = {
      earliest: "2012-02-06",
      latest: "2012-02-12",
      precision: "WEEK",
      confidence: "high",
      wording: "last week",
    };
    expect(resolve("A day later they were moved.", PUB, week)).toMatchObject({
      earliest: "2012-02-07",
      latest: "2012-02-13",
      precision: "WEEK",
    });
  });

  it("leaves relative dates unresolved without a publication date or an earlier event, and says why", () => {
    expect(resolve("They were caught last Wednesday.", null)).toEqual({
      wording: "last Wednesday",
      unresolved: '"last Wednesday" cannot be resolved without a publication date.',
    });
    expect(resolve("They were caught on August 2.", null)).toMatchObject({
      unresolved: expect.stringContaining("no year"),
    });
    expect(resolve("Four days later, they were moved.")).toMatchObject({
      unresolved: expect.stringContaining("none was found before it"),
    });
    // A date with its own year needs neither.
    expect(resolve("They were caught on 3 March 2013.", null)).toMatchObject({
      earliest: "2013-03-03",
      precision: "DAY",
    });
  });

  it("does not read statistics or times as dates", () => {
    expect(findDateMentions(lexiconEn, "1,383 in 2005, 2,018 in 2006 and 2,927 in 2009").map((m) => m.wording)).toEqual(
      ["in 2005", "in 2006", "in 2009"],
    );
    expect(findDateMentions(lexiconEn, "since the 1950-53 Korean War")).toEqual([]);
    expect(findDateMentions(lexiconEn, "They met at 10 and left.")).toEqual([]);
    expect(findDateMentions(lexiconEn, "Around 70 percent of those arrested")).toEqual([]);
  });

  it("derives precision from a range's length", () => {
    expect(precisionOfLength("2012-02-08", "2012-02-08")).toBe("DAY");
    expect(precisionOfLength("2012-02-06", "2012-02-12")).toBe("WEEK");
    expect(precisionOfLength("2012-02-01", "2012-02-29")).toBe("MONTH");
    expect(precisionOfLength("2012-01-01", "2012-12-31")).toBe("YEAR");
  });
});
