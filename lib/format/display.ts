/** Display helpers shared by pages and exports. Dates are calendar dates in UTC. */
import type { CaseStatus, DatePrecision, EventType, Verification, Visibility } from "@/lib/generated/prisma/enums";

const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** ISO calendar date (YYYY-MM-DD) of a date-only column. */
export function isoDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export function formatDay(date: Date | null | undefined): string {
  return date ? dayMonthYear.format(date) : "—";
}

/**
 * An uncertain date as a person would say it: "8 Feb 2012" when known to the day, otherwise the
 * range ("between 12 Feb 2012 and 13 Feb 2012", "February 2012", "2012"). Never a single invented day.
 */
export function formatUncertainDate(earliest: Date, latest: Date, precision: DatePrecision): string {
  if (isoDay(earliest) === isoDay(latest)) return formatDay(earliest);
  if (precision === "YEAR" && earliest.getUTCFullYear() === latest.getUTCFullYear())
    return String(earliest.getUTCFullYear());
  const sameMonth =
    earliest.getUTCFullYear() === latest.getUTCFullYear() && earliest.getUTCMonth() === latest.getUTCMonth();
  if (precision === "MONTH" && sameMonth && earliest.getUTCDate() === 1) return monthYear.format(earliest);
  return `between ${formatDay(earliest)} and ${formatDay(latest)}`;
}

/** "10", "9–12", "at least 3" from a min/max pair. */
export function formatRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return "unknown";
  if (min !== null && max !== null) return min === max ? String(min) : `${min}–${max}`;
  return min !== null ? `at least ${min}` : `at most ${max}`;
}

const words = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, " ");

export const STATUS_LABEL: Record<CaseStatus, string> = {
  REPORTED_DETAINED: "Reported detained",
  AT_RISK_OF_REPATRIATION: "At risk of repatriation",
  REPATRIATED: "Repatriated",
  RELEASED: "Released",
  REACHED_SAFETY: "Reached safety",
  DIED: "Died",
  UNKNOWN: "Unknown",
};

export const EVENT_LABEL: Record<EventType, string> = {
  CROSSED_BORDER: "Crossed the border",
  ARRESTED: "Arrested",
  DETAINED: "Detained",
  TRANSFERRED: "Transferred",
  REPATRIATION_TALKS: "Repatriation talks",
  REPATRIATED: "Repatriated",
  RELEASED: "Released",
  REACHED_SAFETY: "Reached safety",
  APPEAL_MADE: "Appeal made",
  OUTCOME_REPORTED: "Outcome reported",
  OTHER: "Other",
};

export function verificationLabel(v: Verification): string {
  return words(v);
}

export function visibilityLabel(v: Visibility): string {
  return { PUBLIC: "Public", INTERNAL: "Internal (signed-in users)", RESTRICTED: "Restricted (staff only)" }[v];
}

/** Human label for an enum value we have no dedicated table for. */
export function enumLabel(value: string): string {
  return words(value);
}

/** Country names from the runtime's CLDR data (Intl), so every language the app speaks has them. */
const regionNames = new Map<string, Intl.DisplayNames>();

/** The name of a two-letter country code ("KP" → "North Korea"), or the code when it is not one. */
export function countryName(code: string | null | undefined, locale = "en"): string {
  if (!code) return "—";
  if (!/^[A-Z]{2}$/.test(code)) return code;
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" })));
  return names.of(code) ?? code;
}

/** "Yanji, Jilin, China" from the parts that are known. */
export function formatPlace(p: { country: string | null; province?: string | null; cityArea?: string | null }): string {
  return [p.cityArea, p.province, countryName(p.country)].filter(Boolean).join(", ");
}

/**
 * Case codes as a person lists them: runs of consecutive codes of one country and year joined
 * ("CN-2012-0001..0003"), the rest separated by commas, in order.
 */
export function formatCodeRanges(codes: readonly string[]): string {
  const parsed = [...new Set(codes)]
    .map((code) => ({ code, m: /^([A-Z]{2,3}-\d{4}-)(\d{4})$/.exec(code) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const parts: string[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const start = parsed[i];
    let j = i;
    while (
      start.m &&
      j + 1 < parsed.length &&
      parsed[j + 1].m?.[1] === start.m[1] &&
      Number(parsed[j + 1].m![2]) === Number(parsed[j].m![2]) + 1
    )
      j++;
    parts.push(j > i ? `${start.code}..${parsed[j].m![2]}` : start.code);
    i = j;
  }
  return parts.join(", ");
}
