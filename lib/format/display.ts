/** Display helpers shared by pages and exports. Dates are calendar dates in UTC. */
import type { CaseStatus, DatePrecision, EventType, Verification, Visibility } from "@/lib/generated/prisma/enums";
import english from "@/lib/i18n/messages/en.json";

/**
 * How the formatters speak: the reader's language (an Intl locale) and the `format` messages of that
 * language (lib/i18n/messages/<locale>.json). Pages pass getSpeech() / useSpeech()
 * (lib/i18n/speech.ts); without one, English as the project writes it ("8 Feb 2012").
 */
export type Speech = { locale: string; t: (key: string, values?: Record<string, string | number>) => string };

/**
 * English as the project has always written it, for exports and callers that pass no language. The
 * phrases these formatters use are plain "{name}" templates, so they are filled in here directly:
 * next-intl itself cannot be loaded by the command-line scripts (its react-server build needs Next).
 */
export const ENGLISH: Speech = {
  locale: "en",
  t: (key, values = {}) => {
    const template = (english.format as Record<string, string>)[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  },
};

/** Intl's locale for a language: British English's "8 Feb 2012" for English, the language itself otherwise. */
const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, kind: "day" | "month" | "year"): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "day"
        ? { day: "numeric", month: "short", year: "numeric" }
        : kind === "month"
          ? { month: "long", year: "numeric" }
          : { year: "numeric" };
    formats.set(key, (format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: "UTC" })));
  }
  return format;
}

/** ISO calendar date (YYYY-MM-DD) of a date-only column. */
export function isoDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** "8 Feb 2012", "2012년 2월 8일". */
export function formatDay(date: Date | null | undefined, speech: Speech = ENGLISH): string {
  return date ? dateFormat(speech.locale, "day").format(date) : "—";
}

/** The last day of a date's month. */
const lastDayOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();

/**
 * An uncertain date as a person would say it: "8 Feb 2012" when known to the day, otherwise the
 * range ("between 12 Feb 2012 and 13 Feb 2012", "February 2012", "early February 2012", "2012"),
 * in the reader's language ("2012년 2월 초"). Never a single invented day.
 */
export function formatUncertainDate(
  earliest: Date,
  latest: Date,
  precision: DatePrecision,
  speech: Speech = ENGLISH,
): string {
  if (isoDay(earliest) === isoDay(latest)) return formatDay(earliest, speech);
  if (precision === "YEAR" && earliest.getUTCFullYear() === latest.getUTCFullYear())
    return dateFormat(speech.locale, "year").format(earliest);
  const sameMonth =
    earliest.getUTCFullYear() === latest.getUTCFullYear() && earliest.getUTCMonth() === latest.getUTCMonth();
  if (precision === "MONTH" && sameMonth) {
    const month = dateFormat(speech.locale, "month").format(earliest);
    const [from, to, last] = [earliest.getUTCDate(), latest.getUTCDate(), lastDayOfMonth(earliest)];
    // The thirds of a month that spreadsheet import and report intake read ("early Feb 2012": 1–10).
    if (from === 1 && to === 10) return speech.t("earlyMonth", { month });
    if (from === 11 && to === 20) return speech.t("midMonth", { month });
    if (from === 21 && to === last) return speech.t("lateMonth", { month });
    if (from === 1) return month;
  }
  return speech.t("between", { from: formatDay(earliest, speech), to: formatDay(latest, speech) });
}

/** "10", "9–12", "at least 3" from a min/max pair. */
export function formatRange(min: number | null, max: number | null, speech: Speech = ENGLISH): string {
  if (min === null && max === null) return speech.t("unknown");
  if (min !== null && max !== null) return min === max ? String(min) : `${min}–${max}`;
  return min !== null ? speech.t("atLeast", { min }) : speech.t("atMost", { max: max! });
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

/** "Yanji, Jilin, China" from the parts that are known, the country named in the reader's language. */
export function formatPlace(
  p: { country: string | null; province?: string | null; cityArea?: string | null },
  locale = "en",
): string {
  return [p.cityArea, p.province, countryName(p.country, locale)].filter(Boolean).join(", ");
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
