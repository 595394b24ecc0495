/**
 * Dates: a report's date wording becomes a range (earliest, latest) with an honest precision.
 *
 * The lexicon finds the phrases (chrono-node reads calendar dates such as "Feb. 4" or "3 March
 * 2013"); this module resolves them. Relative wording is resolved against the publication date,
 * never against today: "last Wednesday" in a report of Tuesday 2012-02-14 is 2012-02-08. Chains
 * ("Four days later") count from the previous event of the report, not from publication.
 *
 * | wording                                        | range                                         | precision |
 * |------------------------------------------------|-----------------------------------------------|-----------|
 * | "on Aug. 2", "3 March 2013", "Feb. 4"          | that day                                      | DAY       |
 * | "yesterday", "today", "three days ago"         | that day                                      | DAY       |
 * | "last Wednesday"                               | the latest Wednesday before publication       | DAY       |
 * | "this Monday"                                  | the Monday of the publication's week (Mon–Sun)| DAY       |
 * | "on Monday", "Monday" (bare weekday)           | the latest Monday on or before publication    | DAY       |
 * | "Four days later", "the next day"              | previous event's range moved by N days        | as previous event |
 * | "two weeks later"                              | previous event moved by 14 days, ±3 days      | WEEK (or coarser) |
 * | "last week"                                    | Monday–Sunday of the week before publication  | WEEK      |
 * | "this week", "earlier this week"               | Monday of the publication's week–publication  | WEEK      |
 * | "two weeks ago"                                | Monday–Sunday of the week holding pub − 14 days | WEEK    |
 * | "earlier this month", "this month"             | 1st of the publication's month–publication    | MONTH     |
 * | "last month", "two months ago"                 | that calendar month                           | MONTH     |
 * | "in May", "in May 2013"                        | the whole month                               | MONTH     |
 * | "in early / mid / late May"                    | days 1–10 / 11–20 / 21–end of May             | MONTH     |
 * | "last year", "in 2010"                         | the whole year                                | YEAR      |
 * | "on the 16th", "지난 8일" (day of month)        | that day of the publication month, or of the month before if it is later than publication | DAY |
 * | "early this month", "이달 초", "지난달"          | that part of this or an earlier month, never past publication | MONTH |
 * | "last January" (in a March report)             | the latest January before publication         | MONTH     |
 * | "late last week" / "early last week"           | Thursday–Sunday / Monday–Wednesday of last week | WEEK    |
 * | "this year", "earlier this year"               | 1 January–publication                         | YEAR      |
 * | "last Sunday and this Monday" (two joined)     | earliest of both–latest of both               | from the length: 1 day DAY, ≤ 7 WEEK, ≤ 31 MONTH, else YEAR |
 *
 * A date written without a year ("on Aug. 2") takes the publication's year, or the year before if
 * that would put it after publication (reports tell what has happened): the confidence drops to
 * medium when the year had to be moved. Without a publication date, only dates that carry their
 * own year can be resolved; the rest are reported as unresolved.
 */
import type { DatePhrase, DateRule, Lexicon } from "./lexicon";
import type { Confidence, Precision } from "./types";

export type DateRange = { earliest: string; latest: string; precision: Precision };
export type Resolved = DateRange & { confidence: Confidence; why: string };
export type Unresolved = { unresolved: string };
/** The previous event, for chains. */
export type Anchor = DateRange & { confidence: Confidence; wording: string };

// --- calendar helpers on YYYY-MM-DD -----------------------------------------------------------------

const DAY_MS = 24 * 3600 * 1000;
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
export function isRealDay(iso: string): boolean {
  if (!ISO_DAY.test(iso)) return false;
  const d = toDate(iso);
  return !Number.isNaN(d.getTime()) && toIso(d) === iso;
}
export function addDays(iso: string, n: number): string {
  return toIso(new Date(toDate(iso).getTime() + n * DAY_MS));
}
function ymd(y: number, m: number, d: number): string {
  return toIso(new Date(Date.UTC(y, m - 1, d)));
}
function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
/** The days of a month that "early", "mid" and "late" cover (the whole month without a part). */
function daysOfPart(part: "early" | "mid" | "late" | undefined | null, last: number): [number, number] {
  if (part === "early") return [1, 10];
  if (part === "mid") return [11, 20];
  if (part === "late") return [21, last];
  return [1, last];
}
/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(iso: string): number {
  return toDate(iso).getUTCDay();
}
/** Monday of the (Monday–Sunday) week holding the day. */
function mondayOf(iso: string): string {
  return addDays(iso, -((weekdayOf(iso) + 6) % 7));
}
function addMonths(y: number, m: number, n: number): [number, number] {
  const index = y * 12 + (m - 1) + n;
  return [Math.floor(index / 12), (index % 12) + 1];
}
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY_MS);
}

const PRECISION_ORDER: Precision[] = ["DAY", "WEEK", "MONTH", "YEAR"];
function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_ORDER[Math.max(PRECISION_ORDER.indexOf(a), PRECISION_ORDER.indexOf(b))];
}
/** The precision a range's length supports: one day, a week, a month, or more. */
export function precisionOfLength(earliest: string, latest: string): Precision {
  const days = daysBetween(earliest, latest) + 1;
  return days <= 1 ? "DAY" : days <= 7 ? "WEEK" : days <= 31 ? "MONTH" : "YEAR";
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// --- resolution -------------------------------------------------------------------------------------

function needsPub(pub: string | null, wording: string): Unresolved | null {
  return pub ? null : { unresolved: `"${wording}" cannot be resolved without a publication date.` };
}

function absolute(
  rule: Extract<DateRule, { kind: "absolute" }>,
  pub: string | null,
  wording: string,
): Resolved | Unresolved {
  const { month, day, part } = rule;
  let year = rule.year;
  let confidence: Confidence = "high";
  let note = "";
  if (year === null && month !== null) {
    if (!pub) return { unresolved: `"${wording}" has no year and there is no publication date to take it from.` };
    year = Number(pub.slice(0, 4));
    const first =
      day !== null ? ymd(year, month, day) : ymd(year, month, part === "mid" ? 11 : part === "late" ? 21 : 1);
    if (first > pub) {
      year -= 1;
      confidence = "medium";
      note = `; no year given and ${MONTH_NAMES[month - 1]} ${year + 1} would be after publication, so ${year}`;
    } else note = `; no year given, so the publication's (${year})`;
  }
  if (year === null) return { unresolved: `"${wording}" has no month or year.` };
  if (month === null)
    return {
      earliest: ymd(year, 1, 1),
      latest: ymd(year, 12, 31),
      precision: "YEAR",
      confidence,
      why: `the year ${year}${note}`,
    };
  if (day !== null) {
    if (day > lastDayOfMonth(year, month)) return { unresolved: `"${wording}" is not a real date.` };
    const d = ymd(year, month, day);
    return { earliest: d, latest: d, precision: "DAY", confidence, why: `calendar date ${d}${note}` };
  }
  const last = lastDayOfMonth(year, month);
  const [a, b] = part === "early" ? [1, 10] : part === "mid" ? [11, 20] : part === "late" ? [21, last] : [1, last];
  const partWhy = part
    ? `${part} ${MONTH_NAMES[month - 1]} read as days ${a}–${b}`
    : `the month of ${MONTH_NAMES[month - 1]} ${year}`;
  return {
    earliest: ymd(year, month, a),
    latest: ymd(year, month, b),
    precision: "MONTH",
    confidence,
    why: `${partWhy}${note}`,
  };
}

function resolveRule(
  rule: DateRule,
  wording: string,
  pub: string | null,
  anchor: Anchor | null,
): Resolved | Unresolved {
  if (rule.kind === "absolute") return absolute(rule, pub, wording);
  if (rule.kind === "chain") {
    if (!anchor) return { unresolved: `"${wording}" counts from an earlier event, and none was found before it.` };
    const sign = rule.direction;
    const unitWord = `${rule.n} ${rule.unit}${rule.n === 1 ? "" : "s"} ${sign > 0 ? "after" : "before"}`;
    const why = `${unitWord} the previous event ("${anchor.wording}", ${anchor.earliest === anchor.latest ? anchor.earliest : `${anchor.earliest} to ${anchor.latest}`})`;
    if (rule.unit === "day") {
      return {
        earliest: addDays(anchor.earliest, sign * rule.n),
        latest: addDays(anchor.latest, sign * rule.n),
        precision: anchor.precision,
        confidence: anchor.confidence,
        why,
      };
    }
    const shift = rule.unit === "week" ? 7 * rule.n : 30 * rule.n;
    const slack = rule.unit === "week" ? 3 : 7;
    const earliest = addDays(anchor.earliest, sign * shift - slack);
    const latest = addDays(anchor.latest, sign * shift + slack);
    return {
      earliest,
      latest,
      precision: coarser(anchor.precision, precisionOfLength(earliest, latest)),
      confidence: anchor.confidence === "high" ? "medium" : anchor.confidence,
      why: `${why}, give or take ${slack} days`,
    };
  }
  const missing = needsPub(pub, wording);
  if (missing || !pub) return missing ?? { unresolved: "" };
  const y = Number(pub.slice(0, 4));
  const m = Number(pub.slice(5, 7));
  const rel = `relative to publication on ${pub}`;
  switch (rule.kind) {
    case "yesterday":
      return {
        earliest: addDays(pub, -1),
        latest: addDays(pub, -1),
        precision: "DAY",
        confidence: "high",
        why: `the day before publication (${pub})`,
      };
    case "today":
      return { earliest: pub, latest: pub, precision: "DAY", confidence: "high", why: `the publication day` };
    case "daysAgo":
      return {
        earliest: addDays(pub, -rule.n),
        latest: addDays(pub, -rule.n),
        precision: "DAY",
        confidence: "high",
        why: `${rule.n} days before publication (${pub})`,
      };
    case "weeksAgo": {
      const monday = mondayOf(addDays(pub, -7 * rule.n));
      return {
        earliest: monday,
        latest: addDays(monday, 6),
        precision: "WEEK",
        confidence: "medium",
        why: `the Monday–Sunday week holding the day ${rule.n * 7} days before publication (${pub})`,
      };
    }
    case "monthsAgo": {
      const [yy, mm] = addMonths(y, m, -rule.n);
      return {
        earliest: ymd(yy, mm, 1),
        latest: ymd(yy, mm, lastDayOfMonth(yy, mm)),
        precision: "MONTH",
        confidence: "medium",
        why: `the calendar month ${rule.n} months before publication (${pub})`,
      };
    }
    case "lastWeek": {
      const monday = addDays(mondayOf(pub), -7);
      return {
        earliest: monday,
        latest: addDays(monday, 6),
        precision: "WEEK",
        confidence: "high",
        why: `the Monday–Sunday week before the week of publication (${pub})`,
      };
    }
    case "thisWeek":
      return {
        earliest: mondayOf(pub),
        latest: pub,
        precision: "WEEK",
        confidence: "high",
        why: `from the Monday of the publication week to publication (${pub})`,
      };
    case "lastMonth": {
      const [yy, mm] = addMonths(y, m, -1);
      return {
        earliest: ymd(yy, mm, 1),
        latest: ymd(yy, mm, lastDayOfMonth(yy, mm)),
        precision: "MONTH",
        confidence: "high",
        why: `the calendar month before publication (${pub})`,
      };
    }
    case "thisMonth":
      return {
        earliest: ymd(y, m, 1),
        latest: pub,
        precision: "MONTH",
        confidence: "high",
        why: `from the 1st of the publication month to publication (${pub})`,
      };
    case "lastYear":
      return {
        earliest: ymd(y - 1, 1, 1),
        latest: ymd(y - 1, 12, 31),
        precision: "YEAR",
        confidence: "high",
        why: `the year before publication (${pub})`,
      };
    case "thisYear":
      return {
        earliest: ymd(y, 1, 1),
        latest: pub,
        precision: "YEAR",
        confidence: "high",
        why: `from 1 January to publication (${pub})`,
      };
    case "dayOfMonth": {
      const d = Math.min(rule.day, 31);
      const back = rule.monthOffset === -1 || (rule.monthOffset === null && d > Number(pub.slice(8, 10)));
      const [yy, mm] = back ? addMonths(y, m, -1) : [y, m];
      if (d > lastDayOfMonth(yy, mm) || d < 1) return { unresolved: `"${wording}" is not a real date.` };
      const iso = ymd(yy, mm, d);
      const guessed = rule.monthOffset === null && back;
      return {
        earliest: iso,
        latest: iso,
        precision: "DAY",
        confidence: guessed ? "medium" : "high",
        why: `day ${d} of ${back ? "the month before publication" : "the publication month"} (${pub})${guessed ? ", since that day had not yet come in the publication month" : ""}`,
      };
    }
    case "monthOf": {
      const [yy, mm] = addMonths(y, m, rule.offset);
      const last = lastDayOfMonth(yy, mm);
      const [a, b] = daysOfPart(rule.part, last);
      let latest = ymd(yy, mm, b);
      if (latest > pub) latest = pub;
      const earliest = ymd(yy, mm, a);
      if (earliest > pub) return { unresolved: `"${wording}" falls after publication (${pub}).` };
      return {
        earliest,
        latest,
        precision: "MONTH",
        confidence: "high",
        why: `${rule.part ? `the ${rule.part} part (days ${a}–${b}) of ` : ""}${rule.offset === 0 ? "the publication month" : `the month ${-rule.offset} months before publication`} (${pub})`,
      };
    }
    case "yearMonth": {
      const yy = y + rule.yearOffset;
      const last = lastDayOfMonth(yy, rule.month);
      const [a, b] = daysOfPart(rule.part, last);
      return {
        earliest: ymd(yy, rule.month, a),
        latest: ymd(yy, rule.month, b),
        precision: "MONTH",
        confidence: "high",
        why: `${rule.part ? `the ${rule.part} part of ` : ""}${MONTH_NAMES[rule.month - 1]} ${yy} (${rule.yearOffset === 0 ? "the publication year" : "the year before publication"}, ${pub})`,
      };
    }
    case "lastNamedMonth": {
      const yy = rule.month < m ? y : y - 1;
      return {
        earliest: ymd(yy, rule.month, 1),
        latest: ymd(yy, rule.month, lastDayOfMonth(yy, rule.month)),
        precision: "MONTH",
        confidence: "high",
        why: `the latest ${MONTH_NAMES[rule.month - 1]} before publication (${pub}): ${yy}`,
      };
    }
    case "pastSpan": {
      const days = rule.n * (rule.unit === "day" ? 1 : rule.unit === "week" ? 7 : 30);
      const earliest = addDays(pub, -days);
      return {
        earliest,
        latest: pub,
        precision: precisionOfLength(earliest, pub),
        confidence: "medium",
        why: `the ${rule.n} ${rule.unit}${rule.n === 1 ? "" : "s"} up to publication (${pub})`,
      };
    }
    case "lastWeekPart": {
      const monday = addDays(mondayOf(pub), -7);
      const [a, b] = rule.part === "early" ? [0, 2] : [3, 6];
      return {
        earliest: addDays(monday, a),
        latest: addDays(monday, b),
        precision: "WEEK",
        confidence: "medium",
        why: `the ${rule.part} part of the Monday–Sunday week before publication (${pub})`,
      };
    }
    case "weekday": {
      const name = WEEKDAY_NAMES[rule.weekday];
      const wd = weekdayOf(pub);
      if (rule.which === "this") {
        const d = addDays(mondayOf(pub), (rule.weekday + 6) % 7);
        return {
          earliest: d,
          latest: d,
          precision: "DAY",
          confidence: "high",
          why: `the ${name} of the publication week (${rel})`,
        };
      }
      if (rule.which === "next") {
        const d = addDays(pub, ((rule.weekday - wd + 6) % 7) + 1);
        return {
          earliest: d,
          latest: d,
          precision: "DAY",
          confidence: "high",
          why: `the first ${name} after publication (${pub})`,
        };
      }
      if (rule.which === "last") {
        const d = addDays(pub, -(((wd - rule.weekday + 6) % 7) + 1));
        const sameWeek = d >= mondayOf(pub);
        return {
          earliest: d,
          latest: d,
          precision: "DAY",
          confidence: sameWeek ? "medium" : "high",
          why: sameWeek
            ? `the latest ${name} before publication (${pub}); it falls in the publication week, and some writers would mean the week before`
            : `the latest ${name} before publication (${pub})`,
        };
      }
      const d = addDays(pub, -((wd - rule.weekday + 7) % 7));
      return {
        earliest: d,
        latest: d,
        precision: "DAY",
        confidence: "medium",
        why: `a weekday without "last" or "this" read, as news style does, as the latest ${name} on or before publication (${pub})`,
      };
    }
  }
}

/** A date mention: one phrase, or two joined into a range ("last Sunday and this Monday"). Offsets relative to the text searched. */
export type DateMention = { start: number; end: number; wording: string; parts: DateRule[] };

/** The date mentions in a piece of text (a sentence), joined into ranges where the lexicon says so. */
export function findDateMentions(lex: Lexicon, text: string): DateMention[] {
  const phrases: DatePhrase[] = lex.findDatePhrases(text);
  const join = new RegExp(lex.dateJoinSource, "i");
  const out: DateMention[] = [];
  for (const p of phrases) {
    const parts = p.until ? [p.rule, p.until] : [p.rule];
    const prev = out[out.length - 1];
    if (prev && join.test(text.slice(prev.end, p.start))) {
      prev.end = p.end;
      prev.wording = text.slice(prev.start, p.end);
      prev.parts.push(...parts);
    } else out.push({ start: p.start, end: p.end, wording: p.wording, parts });
  }
  return out;
}

/** Resolves a mention against the publication date and the previous event. */
export function resolveMention(mention: DateMention, pub: string | null, anchor: Anchor | null): Resolved | Unresolved {
  const resolved: Resolved[] = [];
  for (const part of mention.parts) {
    const r = resolveRule(part, mention.wording, pub, anchor);
    if ("unresolved" in r) return r;
    resolved.push(r);
  }
  if (resolved.length === 1) return resolved[0];
  const earliest = resolved.map((r) => r.earliest).sort()[0];
  const latest = resolved.map((r) => r.latest).sort()[resolved.length - 1];
  const precision = resolved.reduce<Precision>((p, r) => coarser(p, r.precision), precisionOfLength(earliest, latest));
  const confidence: Confidence = resolved.some((r) => r.confidence === "low")
    ? "low"
    : resolved.some((r) => r.confidence === "medium")
      ? "medium"
      : "high";
  return {
    earliest,
    latest,
    precision,
    confidence,
    why: `a range from ${earliest} to ${latest}: ${resolved.map((r) => r.why).join("; ")}`,
  };
}
