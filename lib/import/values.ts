/**
 * One spreadsheet cell → one honest value, or a reason in words. Uncertain values keep their wording:
 * a date cell ("2012", "2012-02", "early Feb 2012", "2012-02-01 to 2012-02-10") becomes a range with
 * a precision, read by report intake's date rules (lib/intake/dates.ts); a size cell ("about 30",
 * "10-12", "20+") becomes min/max/best by intake's size rules (lib/intake/numbers.ts). Statuses and
 * places are matched to the project's vocabularies and gazetteer; an unknown one is refused, never guessed.
 */
import { findDateMentions, isRealDay, precisionOfLength, resolveMention } from "@/lib/intake/dates";
import { lookupAll, normalizeName, type PlaceEntry } from "@/lib/intake/gazetteer";
import { lexiconEn } from "@/lib/intake/lexicon-en";
import { lexiconKo } from "@/lib/intake/lexicon-ko";
import type { Lexicon } from "@/lib/intake/lexicon";
import { quantityPatterns, sizeFrom } from "@/lib/intake/numbers";
import type { Precision } from "@/lib/intake/types";
import type { CaseStatus, Verification } from "@/lib/generated/prisma/enums";

export type Refused = { error: string };
export type DateValue = { earliest: string; latest: string; precision: Precision; wording: string | null };
export type SizeValue = { min: number; max: number | null; best: number | null; wording: string | null };
export type PlaceValue = { country: string; province: string | null; cityArea: string | null };

const ORDER: Precision[] = ["DAY", "WEEK", "MONTH", "YEAR"];
const coarser = (a: Precision, b: Precision) => ORDER[Math.max(ORDER.indexOf(a), ORDER.indexOf(b))];
const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Years an event of a case can be in. */
const YEARS = { min: 1900, max: 2100 };

/** One date written with digits: YYYY, YYYY-MM, YYYY-MM-DD (also with . or /), or Korean 2012년 2월 14일. */
function digitDate(text: string): DateValue | Refused | null {
  const m =
    /^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?\.?$/.exec(text) ??
    /^(\d{4})\s*년(?:\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)?$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (y < YEARS.min || y > YEARS.max) return { error: "is not a date between 1900 and 2100" };
  if (month === null) return { earliest: `${y}-01-01`, latest: `${y}-12-31`, precision: "YEAR", wording: text };
  if (month < 1 || month > 12) return { error: "is not a date" };
  if (day === null)
    return {
      earliest: `${y}-${pad(month)}-01`,
      latest: `${y}-${pad(month)}-${pad(lastDay(y, month))}`,
      precision: "MONTH",
      wording: text,
    };
  const iso = `${y}-${pad(month)}-${pad(day)}`;
  if (!isRealDay(iso)) return { error: "is not a date" };
  return { earliest: iso, latest: iso, precision: "DAY", wording: text === iso ? null : text };
}

/** Words a date cell may hold around the date itself ("in", "around"). */
const FILLER = /^[\s,.;:()]*(?:in|on|around|about|circa|c\.|approx\.?|approximately)?[\s,.;:()]*$/i;

/** A date in words, read by report intake's rules; only a date standing alone in the cell, with a year. */
function wordDate(text: string, lex: Lexicon): DateValue | Refused | null {
  const mentions = findDateMentions(lex, text);
  if (mentions.length !== 1) return null;
  const m = mentions[0];
  if (!FILLER.test(text.slice(0, m.start) + " " + text.slice(m.end))) return null;
  const resolved = resolveMention(m, null, null);
  if ("unresolved" in resolved) return { error: "needs a year (a spreadsheet has no publication date to count from)" };
  const year = Number(resolved.earliest.slice(0, 4));
  if (year < YEARS.min || Number(resolved.latest.slice(0, 4)) > YEARS.max)
    return { error: "is not a date between 1900 and 2100" };
  return { earliest: resolved.earliest, latest: resolved.latest, precision: resolved.precision, wording: text };
}

/**
 * "early Feb 2012", "mid-2012-03", "late February 2012": a part of a month, as report intake reads
 * it (days 1–10, 11–20, 21–end), for month names intake's phrase rules leave to chrono ("Feb").
 */
function partOfMonth(text: string): DateValue | Refused | null {
  const m = /^(early|mid|middle of|late|(?:the )?(?:beginning|start) of|(?:the )?end of)[-\s]+(.+)$/i.exec(text);
  if (!m) return null;
  const month = digitDate(m[2]) ?? wordDate(m[2], lexiconEn);
  if (!month || "error" in month || month.precision !== "MONTH" || month.earliest.slice(8) !== "01") return null;
  const word = m[1].toLowerCase();
  const [a, b] = /^(early|.*beginning|.*start)/.test(word)
    ? [1, 10]
    : /^mid/.test(word)
      ? [11, 20]
      : [21, Number(month.latest.slice(8))];
  const ym = month.earliest.slice(0, 8);
  return { earliest: `${ym}${pad(a)}`, latest: `${ym}${pad(b)}`, precision: "MONTH", wording: text };
}

function singleDate(text: string): DateValue | Refused | null {
  return digitDate(text) ?? partOfMonth(text) ?? wordDate(text, lexiconEn) ?? wordDate(text, lexiconKo);
}

// ":" between two digit dates is Uwazi's date range (from:to).
const RANGE = /^(.+?)\s*(?:~|–|—|\s-\s|\bto\b|\buntil\b|\bthrough\b|부터|(?<=\d):(?=\d{4}))\s*(.+?)(?:\s*까지)?$/i;

/** A date cell: one date, or a range of two, as earliest/latest/precision with the wording kept. */
export function parseDateCell(raw: string): DateValue | Refused {
  const text = raw.trim().replace(/\s+/g, " ");
  if (text.length > 300) return { error: "is too long for a date (300 characters at most)" };
  const digits = digitDate(text);
  if (digits && !("error" in digits)) return digits;
  // Two dates joined ("2012-03-01 to 2012-03-05") are read apart, so a range written backwards is refused.
  const range = RANGE.exec(text);
  if (range) {
    const a = singleDate(range[1]);
    const b = singleDate(range[2]);
    if (a && b && !("error" in a) && !("error" in b)) {
      if (a.earliest > b.latest) return { error: "is a range that ends before it starts" };
      return {
        earliest: a.earliest,
        latest: b.latest,
        precision: coarser(coarser(a.precision, b.precision), precisionOfLength(a.earliest, b.latest)),
        wording: text,
      };
    }
  }
  const single = singleDate(text);
  if (single) return single;
  return { error: "is not a date (write e.g. 2012-02-14, 2012-02, 2012, early Feb 2012, or a range with “to”)" };
}

/** A size cell: "12", "about 30", "10-12", "20+", "at least 5", "약 30명". */
export function parseSizeCell(raw: string): SizeValue | Refused {
  const text = raw.trim().replace(/\s+/g, " ");
  if (text.length > 300) return { error: "is too long for a group size (300 characters at most)" };
  const plain = /^\d{1,3}(?:,\d{3})*$|^\d+$/.exec(text);
  if (plain) {
    const n = Number(text.replaceAll(",", ""));
    return { min: n, max: n, best: n, wording: null };
  }
  const plus = /^(\d[\d,]*)\s*\+$/.exec(text);
  if (plus) {
    const bounds = sizeFrom("atLeast", Number(plus[1].replaceAll(",", "")));
    return { ...bounds, wording: text };
  }
  const bare = text.replace(/\s*(?:명|people|persons|individuals)$/i, "");
  for (const lex of [lexiconEn, lexiconKo]) {
    for (const candidate of [text, bare]) {
      const q = quantityPatterns(lex).parse(candidate);
      if (q && q.rule !== "unknown") return { min: q.min, max: q.max, best: q.best, wording: text };
    }
  }
  return { error: "is not a group size (write e.g. 12, about 30, 10-12 or 20+)" };
}

/** Compares words the way people write a vocabulary term: case, spaces and punctuation ignored. */
const term = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.,;:'’()]+/g, "");

const STATUS_WORDS: Record<CaseStatus, string[]> = {
  REPORTED_DETAINED: [
    "Reported detained",
    "detained",
    "arrested",
    "held",
    "in detention",
    "구금",
    "체포",
    "억류",
    "구금중",
  ],
  AT_RISK_OF_REPATRIATION: [
    "At risk of repatriation",
    "at risk",
    "facing repatriation",
    "북송위기",
    "강제북송위기",
    "송환위기",
  ],
  REPATRIATED: ["Repatriated", "returned", "deported", "sent back", "forcibly returned", "북송", "강제북송", "송환"],
  RELEASED: ["Released", "freed", "석방"],
  REACHED_SAFETY: ["Reached safety", "safe", "in south korea", "reached south korea", "안전", "입국", "한국입국"],
  DIED: ["Died", "dead", "deceased", "사망"],
  UNKNOWN: ["Unknown", "미상", "불명", "알수없음"],
};
const VERIFICATION_WORDS: Record<Verification, string[]> = {
  CONFIRMED: ["Confirmed", "verified", "확인", "확인됨"],
  LIKELY: ["Likely", "probable", "가능성높음", "유력"],
  POSSIBLE: ["Possible", "가능", "가능성있음"],
  UNVERIFIED: ["Unverified", "미확인"],
};

function vocabulary<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, string[]][])
    for (const w of [value, ...words]) map.set(term(w), value);
  return map;
}
const STATUSES = vocabulary(STATUS_WORDS);
const VERIFICATIONS = vocabulary(VERIFICATION_WORDS);

/** A status matched to the project's statuses (their names, labels and common English and Korean words). */
export function matchStatus(raw: string): CaseStatus | Refused {
  return (
    STATUSES.get(term(raw)) ?? {
      error: `is not a status this project knows (use one of: ${Object.values(STATUS_WORDS)
        .map((w) => w[0])
        .join(", ")})`,
    }
  );
}

export function matchVerification(raw: string): Verification | Refused {
  return (
    VERIFICATIONS.get(term(raw)) ?? {
      error: `is not a verification level (use one of: ${Object.values(VERIFICATION_WORDS)
        .map((w) => w[0])
        .join(", ")})`,
    }
  );
}

const LEVELS = { country: 0, province: 1, city: 2 } as const;

/**
 * A place cell ("Shenyang", "Shenyang, Liaoning", "선양", "Tumen, Jilin, China") matched to the
 * gazetteer: every part must be a known place, and the parts must agree (a city inside the province
 * named beside it). The most specific part gives country, province and city.
 */
export function matchPlace(raw: string): PlaceValue | Refused {
  const parts = raw
    .split(/[,，、/]|\s+-\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 4) return { error: "is not a place (write e.g. Shenyang, Liaoning)" };
  const found: PlaceEntry[][] = [];
  for (const part of parts) {
    const entries = lookupAll(part);
    if (entries.length === 0)
      return {
        error: `is not a place the gazetteer knows ("${part.slice(0, 60)}"); write a city, province or country it lists`,
      };
    found.push(entries);
  }
  // One name: the gazetteer's most likely place of that name (a province over a city of its name: "Jilin").
  if (found.length === 1) {
    const e = found[0][0];
    return { country: e.country, province: e.province, cityArea: e.level === "city" ? e.city : null };
  }
  // A few parts (≤ 4): keep the most specific entry consistent with all the others.
  const candidates = found.flat().sort((a, b) => LEVELS[b.level] - LEVELS[a.level]);
  for (const c of candidates) {
    const fits = found.every((entries) =>
      entries.some(
        (e) =>
          e === c ||
          (e.country === c.country &&
            (e.level === "country" ||
              (e.level === "province" && normalizeName(e.province ?? "") === normalizeName(c.province ?? "")) ||
              (e.level === "city" && c.level === "city" && e.city === c.city))),
      ),
    );
    if (fits) return { country: c.country, province: c.province, cityArea: c.level === "city" ? c.city : null };
  }
  return { error: "names places that do not go together (a city outside the province named beside it)" };
}

/** A country cell: a two-letter code or a country's name. */
export function matchCountry(raw: string): string | Refused {
  const text = raw.trim();
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  const entry = lookupAll(text).find((e) => e.level === "country");
  return entry ? entry.country : { error: "is not a country (write a two-letter code such as CN, or its name)" };
}
