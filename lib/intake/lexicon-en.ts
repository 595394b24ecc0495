/**
 * English: the word tables and phrase patterns the extractor needs for reports in English.
 *
 * Written from the way English-language news about North Koreans in China is phrased (the Korea
 * Herald, Yonhap, Daily NK, Reuters): "Two groups of 10 and nine people", "at least two dozen",
 * "were caught in China last Wednesday", "said Nam Chang-hee, political science professor at Inha
 * University". Patterns are regex sources so that the modules using them can combine them
 * (a size is an approximator, a number and a people noun); they must stay free of nested unbounded
 * repetition so that a 200,000-character paste cannot make them backtrack for long.
 */
import * as chrono from "chrono-node";
import type { DatePhrase, DateRule, Lexicon, PersonTitle, SizeRule } from "./lexicon";

// --- numbers ------------------------------------------------------------------------------------

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ONES = "one|two|three|four|five|six|seven|eight|nine";
const UNIT_WORDS = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const TEN_WORDS = Object.keys(TENS).join("|");
const SMALL = `(?:(?:${TEN_WORDS})(?:[-\\s](?:${ONES}))?|${UNIT_WORDS})`;

/** One number: digits ("24", "1,383"), dozens ("two dozen", "half a dozen") or words up to the thousands. */
const NUMBER = [
  `\\d{1,3}(?:,\\d{3})+`,
  `\\d+`,
  `(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|half\\s+a)\\s+)?dozen(?!s)`,
  `(?:a|${SMALL})\\s+(?:hundred|thousand)(?:\\s+(?:and\\s+)?${SMALL})?`,
  SMALL,
]
  .map((s) => `(?:${s})`)
  .join("|");
const NUMBER_SOURCE = `(?<![\\w,.])(?:${NUMBER})(?![\\w])`;

function parseWords(words: string): number | null {
  const tokens = words.split(/[\s-]+/).filter((t) => t && t !== "and");
  let total = 0;
  let current = 0;
  for (const t of tokens) {
    if (t === "a") current += 1;
    else if (t in UNITS) current += UNITS[t];
    else if (t in TENS) current += TENS[t];
    else if (t === "hundred") current = (current || 1) * 100;
    else if (t === "thousand") {
      total += (current || 1) * 1000;
      current = 0;
    } else return null;
  }
  return total + current;
}

function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(s)) {
    const n = Number(s.replace(/,/g, ""));
    return Number.isSafeInteger(n) ? n : null;
  }
  const dozen = /^(?:(.+)\s)?dozen$/.exec(s);
  if (dozen) {
    if (!dozen[1]) return 12;
    if (dozen[1] === "half a") return 6;
    const n = parseWords(dozen[1]);
    return n === null ? null : n * 12;
  }
  return parseWords(s);
}

const APPROXIMATORS: Array<{ source: string; rule: SizeRule }> = [
  {
    source: "at\\s+least|no\\s+fewer\\s+than|no\\s+less\\s+than|not\\s+less\\s+than|a\\s+minimum\\s+of",
    rule: "atLeast",
  },
  { source: "more\\s+than|over|upwards\\s+of|in\\s+excess\\s+of", rule: "moreThan" },
  { source: "nearly|almost|close\\s+to|just\\s+under|just\\s+short\\s+of", rule: "nearly" },
  { source: "about|around|some|roughly|approximately|an\\s+estimated|an\\s+approximate|estimated", rule: "about" },
  { source: "up\\s+to|as\\s+many\\s+as", rule: "upTo" },
  { source: "fewer\\s+than|less\\s+than|under", rule: "fewerThan" },
];

const VAGUE: Array<{ source: string; rule: SizeRule }> = [
  { source: "dozens\\s+of|scores\\s+of", rule: "dozens" },
  { source: "hundreds\\s+of", rule: "hundreds" },
  { source: "several", rule: "several" },
  { source: "a\\s+few|a\\s+handful\\s+of|a\\s+couple\\s+of", rule: "few" },
  { source: "a\\s+number\\s+of|an\\s+unknown\\s+number\\s+of|an\\s+unspecified\\s+number\\s+of", rule: "unknown" },
];

const PEOPLE_MODIFIER = `(?:(?:North\\s+Korean|N\\.\\s?K\\.|NK|female|male|young|elderly|teenage|other|more|suspected|undocumented|fleeing|escaped|fellow)\\s+)`;
const PEOPLE_NOUN = `${PEOPLE_MODIFIER}{0,3}(?:defectors|refugees|escapees|North\\s+Koreans|people|persons|individuals|women|men|children|minors|teenagers|girls|boys|migrants|asylum[-\\s]seekers|family\\s+members|relatives|detainees|workers|nationals|citizens)(?![\\w])`;
/** One person, only when the words say it is a North Korean or an escapee ("a North Korean woman", "a defector"). */
const PERSON_NOUN = `(?:North\\s+Korean\\s+(?:(?:female|male|young|elderly|teenage)\\s+)?(?:defector|refugee|escapee|woman|man|girl|boy|teenager|child|national)|(?:(?:female|male|young|elderly|teenage)\\s+)?(?:defector|refugee|escapee))(?![\\w-])`;

const GROUPS_LEAD = `(?:(?:two|three|four|five|six|2|3|4|5|6|several)\\s+)?(?:separate\\s+|different\\s+|smaller\\s+)?(?:groups|families)\\s+of`;
const GROUP_LEAD = `(?:another|a|one|the\\s+first|the\\s+second|the\\s+third|the\\s+other|a\\s+second|a\\s+third|a\\s+fourth|a\\s+further|a\\s+separate|a\\s+new)\\s+(?:(?:separate|small|smaller|large|larger|new|further)\\s+)?(?:group|family)\\s+of`;

// --- dates --------------------------------------------------------------------------------------

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_NAME = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)`;
const WEEKDAY_NAME = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const UNIT = (u: string) => (u.startsWith("day") ? "day" : u.startsWith("week") ? "week" : "month");

type OwnRule = { re: RegExp; rule: (m: RegExpExecArray) => DateRule | null };

/** Relative date phrases, resolved by rules in dates.ts (chrono-node resolves them against "now", which is not what a report means). */
const OWN_DATE_RULES: OwnRule[] = [
  {
    // "after"/"before" only at the end of a clause: "a week after people are taken into custody" is no date.
    re: new RegExp(
      `\\b(?:(${NUMBER})|an?|one)\\s+(days?|weeks?|months?)\\s+(later|afterwards|earlier|after(?=\\s*[,.;)]|\\s*$)|before(?=\\s*[,.;)]|\\s*$))`,
      "gi",
    ),
    rule: (m) => {
      const n = m[1] ? parseNumber(m[1]) : 1;
      if (n === null) return null;
      return {
        kind: "chain",
        n,
        unit: UNIT(m[2].toLowerCase()),
        direction: /^(?:earlier|before)$/i.test(m[3]) ? -1 : 1,
      };
    },
  },
  {
    re: /\bthe\s+(?:(next|following)\s+(day|week|month)|day\s+(after|before)|same\s+day)\b/gi,
    rule: (m) =>
      m[1]
        ? { kind: "chain", n: 1, unit: UNIT(m[2].toLowerCase()), direction: 1 }
        : m[3]
          ? { kind: "chain", n: 1, unit: "day", direction: m[3].toLowerCase() === "after" ? 1 : -1 }
          : { kind: "chain", n: 0, unit: "day", direction: 1 },
  },
  {
    re: /\b(?:at\s+the\s+same\s+time|on\s+the\s+same\s+day)\b/gi,
    rule: () => ({ kind: "chain", n: 0, unit: "day", direction: 1 }),
  },
  {
    re: new RegExp(`\\b(?:(${NUMBER})|an?|one)\\s+(days?|weeks?|months?)\\s+ago\\b`, "gi"),
    rule: (m) => {
      const n = m[1] ? parseNumber(m[1]) : 1;
      if (n === null) return null;
      const unit = UNIT(m[2].toLowerCase());
      return unit === "day"
        ? { kind: "daysAgo", n }
        : unit === "week"
          ? { kind: "weeksAgo", n }
          : { kind: "monthsAgo", n };
    },
  },
  {
    re: /\b(early|mid|late)[-\s]+last\s+month\b/gi,
    rule: (m) => ({
      kind: "monthOf",
      offset: -1,
      part: m[1].toLowerCase() === "early" ? "early" : m[1].toLowerCase() === "mid" ? "mid" : "late",
    }),
  },
  { re: /\bthe\s+previous\s+day\b/gi, rule: () => ({ kind: "chain", n: 1, unit: "day", direction: -1 }) },
  {
    // "over the past two weeks", "in the last few days": from that long before publication to publication.
    re: new RegExp(
      `\\b(?:over|in|during|within)\\s+the\\s+(?:past|last)\\s+(?:(${NUMBER}|few|couple\\s+of)\\s+)?(days?|weeks?|months?)\\b`,
      "gi",
    ),
    rule: (m) => {
      const n = !m[1] ? 1 : /^few$/i.test(m[1]) ? 3 : /^couple/i.test(m[1]) ? 2 : parseNumber(m[1]);
      if (n === null) return null;
      return { kind: "pastSpan", n, unit: UNIT(m[2].toLowerCase()) };
    },
  },
  {
    re: /\b(early|late)\s+last\s+week\b/gi,
    rule: (m) => ({ kind: "lastWeekPart", part: m[1].toLowerCase() === "early" ? "early" : "late" }),
  },
  {
    re: /\b(?:(early|mid|late)[-\s]+this\s+month|(?:at\s+)?the\s+(beginning|start|middle|end)\s+of\s+this\s+month)\b/gi,
    rule: (m) => {
      const w = (m[1] ?? m[2]).toLowerCase();
      return {
        kind: "monthOf",
        offset: 0,
        part:
          w === "early" || w === "beginning" || w === "start"
            ? "early"
            : w === "mid" || w === "middle"
              ? "mid"
              : "late",
      };
    },
  },
  {
    re: new RegExp(`\\b[Ll]ast\\s+(${MONTH_NAME})(?![\\w.])`, "g"),
    rule: (m) => ({ kind: "lastNamedMonth", month: MONTHS[m[1].toLowerCase().replace(".", "")] }),
  },
  {
    re: /\bthe\s+(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(this|last)\s+month)?\b/gi,
    rule: (m) => ({
      kind: "dayOfMonth",
      day: Number(m[1]),
      monthOffset: m[2] ? (m[2].toLowerCase() === "last" ? -1 : 0) : null,
    }),
  },
  { re: /\byesterday\b/gi, rule: () => ({ kind: "yesterday" }) },
  { re: /\btoday\b/gi, rule: () => ({ kind: "today" }) },
  { re: /\b(?:last|past)\s+week(?:end)?\b/gi, rule: () => ({ kind: "lastWeek" }) },
  { re: /\b(?:earlier\s+)?this\s+week\b/gi, rule: () => ({ kind: "thisWeek" }) },
  { re: /\blast\s+month\b/gi, rule: () => ({ kind: "lastMonth" }) },
  { re: /\b(?:earlier\s+)?this\s+month\b/gi, rule: () => ({ kind: "thisMonth" }) },
  { re: /\b(?:last|past)\s+year\b/gi, rule: () => ({ kind: "lastYear" }) },
  { re: /\b(?:earlier\s+)?this\s+year\b/gi, rule: () => ({ kind: "thisYear" }) },
  {
    re: new RegExp(`(?:\\b([Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\\s+|\\b)(${WEEKDAY_NAME})\\b`, "g"),
    rule: (m) => {
      const w = m[1]?.toLowerCase();
      const which = w === "last" || w === "past" ? "last" : w === "this" ? "this" : w === "next" ? "next" : "bare";
      return { kind: "weekday", weekday: WEEKDAYS[m[2].toLowerCase()], which };
    },
  },
  {
    re: new RegExp(
      `\\b(?:(early|mid|late)[-\\s]+|the\\s+(beginning|start|middle|end)\\s+of\\s+)(${MONTH_NAME})(?:,?\\s+(\\d{4}))?(?![\\w])`,
      "gi",
    ),
    rule: (m) => {
      const word = (m[1] ?? m[2]).toLowerCase();
      const part =
        word === "early" || word === "beginning" || word === "start"
          ? "early"
          : word === "mid" || word === "middle"
            ? "mid"
            : "late";
      return {
        kind: "absolute",
        year: m[4] ? Number(m[4]) : null,
        month: MONTHS[m[3].toLowerCase().replace(".", "")],
        day: null,
        part,
      };
    },
  },
  {
    re: /\bin\s+((?:19|20)\d\d)\b(?![-–]\d)/g,
    rule: (m) => ({ kind: "absolute", year: Number(m[1]), month: null, day: null, part: null }),
  },
];

/** "between July 15 and 17", "July 15-17", "15 to 17 July": one month, two days. */
const DAY_RANGE = new RegExp(
  `\\b(?:between\\s+)?(?:(${MONTH_NAME})\\s+(\\d{1,2})\\s*(?:-|–|to|and|through)\\s*(\\d{1,2})|(\\d{1,2})\\s*(?:-|–|to|and)\\s*(\\d{1,2})\\s+(${MONTH_NAME}))(?:,?\\s+(\\d{4}))?(?![\\w])`,
  "g",
);
function dayRanges(text: string): DatePhrase[] {
  const out: DatePhrase[] = [];
  for (const m of text.matchAll(DAY_RANGE)) {
    const month = MONTHS[(m[1] ?? m[6]).toLowerCase().replace(".", "")];
    const a = Number(m[2] ?? m[4]);
    const b = Number(m[3] ?? m[5]);
    if (!month || a >= b || b > 31) continue;
    const year = m[7] ? Number(m[7]) : null;
    const lead = /^between\s+/i.exec(m[0])?.[0].length ?? 0;
    out.push({
      start: (m.index ?? 0) + lead,
      end: (m.index ?? 0) + m[0].length,
      wording: m[0].slice(lead),
      rule: { kind: "absolute", year, month, day: a, part: null },
      until: { kind: "absolute", year, month, day: b, part: null },
    });
  }
  return out;
}

/** Words that make a chrono-node result relative (handled by the rules above, never by chrono). */
const RELATIVE_WORDS =
  /\b(?:yesterday|today|tonight|tomorrow|now|ago|later|last|next|this|past|earlier|after|before|week|weekend)\b/i;

/** Calendar dates written out: "Feb. 4", "on 3 March 2013", "in May", "Aug. 2 to Aug. 5" (chrono-node). */
function chronoPhrases(text: string): DatePhrase[] {
  // Only the components chrono is certain of are used, so the reference date does not matter.
  const results = chrono.en.parse(text, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 });
  const out: DatePhrase[] = [];
  for (const r of results) {
    if (!r.start.isCertain("month") && !r.start.isCertain("year")) continue;
    if (RELATIVE_WORDS.test(r.text) || r.tags().has("result/relativeDate")) continue;
    // Bare numbers ("10/9") are too often not dates in a report; keep written months and ISO dates.
    if (!/[A-Za-z]/.test(r.text) && !/^\d{4}-\d{2}-\d{2}/.test(r.text)) continue;
    // "the end of July, of 11 people": a count after a month is not its day.
    if (/,\s*of\s+\d/.test(r.text)) continue;
    // "On July 10, 21 North Koreans …": a number after the comma is a count, not a two-digit year.
    const count = /,\s*\d{1,3}$/.exec(r.text);
    if (count && r.start.isCertain("day")) {
      const text2 = r.text.slice(0, count.index);
      const lead2 = /^(?:on|in|at|from)\s+/i.exec(text2)?.[0].length ?? 0;
      out.push({
        start: r.index + lead2,
        end: r.index + text2.length,
        wording: text2.slice(lead2),
        rule: {
          kind: "absolute",
          year: null,
          month: r.start.get("month") ?? null,
          day: r.start.get("day") ?? null,
          part: null,
        },
      });
      continue;
    }
    const rule = (c: chrono.ParsedComponents): DateRule => ({
      kind: "absolute",
      year: c.isCertain("year") ? (c.get("year") ?? null) : null,
      month: c.isCertain("month") ? (c.get("month") ?? null) : null,
      day: c.isCertain("day") ? (c.get("day") ?? null) : null,
      part: null,
    });
    // chrono includes a leading "on " in some matches ("on 3 March 2013"); the wording starts at the date.
    const lead = /^(?:on|in|at|from)\s+/i.exec(r.text)?.[0].length ?? 0;
    const trail = /[\s,.;:]+$/.exec(r.text)?.[0].length ?? 0;
    const phrase: DatePhrase = {
      start: r.index + lead,
      end: r.index + r.text.length - trail,
      wording: r.text.slice(lead, r.text.length - trail),
      rule: rule(r.start),
    };
    if (r.end && r.end.isCertain("month")) phrase.until = rule(r.end);
    // "since March": from then until the report.
    const since = /\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?$/i.exec(
      text.slice(Math.max(0, phrase.start - 30), phrase.start),
    );
    if (since && !phrase.until) {
      phrase.start -= since[0].length;
      phrase.wording = text.slice(phrase.start, phrase.end);
      phrase.until = { kind: "today" };
    }
    out.push(phrase);
  }
  return out;
}

function findDatePhrases(text: string): DatePhrase[] {
  const own: DatePhrase[] = [];
  for (const { re, rule } of OWN_DATE_RULES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const r = rule(m);
      if (r) own.push({ start: m.index, end: m.index + m[0].length, wording: m[0], rule: r });
    }
  }
  const all = [...own, ...dayRanges(text), ...chronoPhrases(text)];
  // Overlaps: the longer phrase wins ("Monday, Feb. 13" over "Monday"); on a tie, the rules above.
  all.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: DatePhrase[] = [];
  for (const p of all) if (!kept.some((k) => p.start < k.end && k.start < p.end)) kept.push(p);
  return kept.sort((a, b) => a.start - b.start);
}

// --- people -------------------------------------------------------------------------------------

const TITLES: Record<string, PersonTitle> = {
  rep: { role: "lawmaker", kind: "LAWMAKER" },
  representative: { role: "lawmaker", kind: "LAWMAKER" },
  lawmaker: { role: "lawmaker", kind: "LAWMAKER" },
  assemblyman: { role: "lawmaker", kind: "LAWMAKER" },
  assemblywoman: { role: "lawmaker", kind: "LAWMAKER" },
  sen: { role: "senator", kind: "LAWMAKER" },
  senator: { role: "senator", kind: "LAWMAKER" },
  mp: { role: "member of parliament", kind: "LAWMAKER" },
  dr: { role: null, kind: null },
  prof: { role: "professor", kind: "ACADEMIC" },
  professor: { role: "professor", kind: "ACADEMIC" },
  mr: { role: null, kind: null },
  ms: { role: null, kind: null },
  mrs: { role: null, kind: null },
  minister: { role: "minister", kind: "GOVERNMENT_OFFICIAL" },
  ambassador: { role: "ambassador", kind: "EMBASSY" },
  pastor: { role: "pastor", kind: "NGO" },
  rev: { role: "pastor", kind: "NGO" },
  activist: { role: "activist", kind: "NGO" },
  lawyer: { role: "lawyer", kind: "LAWYER" },
  attorney: { role: "lawyer", kind: "LAWYER" },
};
const TITLE_SOURCE = `(?:Rep\\.|Representative|Sen\\.|Senator|[Ll]awmaker|Assemblyman|Assemblywoman|MP|Dr\\.|Prof\\.|Professor|Mr\\.|Ms\\.|Mrs\\.|Minister|Ambassador|Pastor|Rev\\.|[Aa]ctivist|[Ll]awyer|[Aa]ttorney)`;

/** Two or three capitalised words; Korean given names are hyphenated ("Park Sun-young", "Kim Jong-un"). */
const NAME_TOKEN = `[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?`;
const NAME_SOURCE = `${NAME_TOKEN}(?:\\s${NAME_TOKEN}){1,2}(?![\\w-])`;

const NAME_STOPWORDS = new Set(
  (
    "The A An In On At By For But And Or If As He She They We It This That These Those His Her Their Its Our " +
    "North South Korea Korean Koreans China Chinese Seoul Beijing Pyongyang Japan Russia United States Nations " +
    "Ministry Foreign Unification Justice Party University Institute Herald Times News Daily Post Agency Group Rights Human Watch " +
    "Security Council National Assembly Office Commission Government Police Officials Experts Observers Activists Liberty Forward " +
    "Democratic Saenuri Grand Rep Sen Dr Mr Ms Mrs Prof Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February " +
    "March April May June July August September October November December Reporters Convention Refugees War Division Asia Northeast " +
    "Southeast East West Red Cross Amnesty International Campaign Coalition Alliance Citizens Association Foundation Network Center Centre"
  ).split(" "),
);

const SPEECH_VERB = `(?:said|says|told|added|explained|noted|stated|wrote|argued|warned|claimed|insisted|according\\s+to)`;
const ROLE_NOUN = `(?:spokes(?:man|woman|person)|researcher|director|official|professor|lawmaker|activist|analyst|minister|ambassador|lawyer|attorney|pastor|head|chief|chairman|chairwoman|president|founder|representative|coordinator|secretary-general|rapporteur)`;
const ORG_WORD = `[A-Z](?:[\\w’'&-]|\\.(?=[A-Z]))*`;
const ORGANISATION = `${ORG_WORD}(?:\\s+(?:(?:of|for|on|and|the|in)\\s+){0,2}(?:${ORG_WORD}|\\d+(?![\\w])))*`;

// --- the lexicon ----------------------------------------------------------------------------------

export const lexiconEn: Lexicon = {
  language: "en",

  abbreviations: new Set(
    (
      "rep reps sen dr mr mrs ms prof gen col lt sgt capt gov pres rev st jr sr inc co corp ltd no nos vol vs etc approx est dept univ " +
      "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun u.s u.n n.k s.k r.o.k d.p.r.k"
    ).split(" "),
  ),
  clutterLine:
    /^(?:back\s+to\s+top|share\s+this\s+(?:article|story|page)|share(?:\s+on\s+\w+)?|advertisement|sponsored(?:\s+content)?|print(?:\s+this(?:\s+article)?)?|e-?mail(?:\s+this(?:\s+article)?)?|tweet|facebook|twitter|kakaotalk|linkedin|subscribe\b.*|sign\s+up\b.*|related\s+(?:articles?|stories|news)|most\s+(?:popular|read|viewed)|read\s+more\b.*|click\s+here\b.*|font\s+size\b.*|[+-]?\s*text\s+size\b.*|comments?(?:\s*\(\d+\))?|\d+\s+comments?|top|home|menu|skip\s+to\s+(?:main\s+)?content|loading\.*|copyright\b.*|©.*|all\s+rights\s+reserved\.?|photo\s*:.*|\(?yonhap\)?|(?:AP|AFP|Reuters|Yonhap)\s+photo\b.*|list|more|close|search|log\s*in|listen|\[[^\]]*\])$/i,
  bylineLine:
    /^By\s+(?<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,3}(?:\s*(?:,|and|&)\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,3})*)/,
  datelinePrefix: /\b(?:published|updated|posted|first\s+published|date)\b\s*:?/i,

  numberSource: NUMBER_SOURCE,
  parseNumber,
  approximators: APPROXIMATORS,
  orMoreSource: `or\\s+more`,
  // "10 to 12", "ten to twelve"; a hyphen only between digits ("10-12"): "twenty-four" is one number.
  rangeSource: (num) =>
    `(?:between\\s+(?<lo>${num})\\s+and\\s+(?<hi>${num})|(?<lo2>${num})\\s+to\\s+(?<hi2>${num})|(?<lo3>\\d+)\\s*[-–]\\s*(?<hi3>\\d+)(?![\\w]))`,
  vagueQuantities: VAGUE,
  peopleNounSource: PEOPLE_NOUN,
  personNounSource: PERSON_NOUN,
  groupsLeadSource: GROUPS_LEAD,
  groupLeadSource: GROUP_LEAD,
  totalCueSource: `a\\s+total\\s+of|in\\s+total|in\\s+all|altogether|all\\s+told|combined|total\\s+of`,
  partitiveSource: `of\\s+(?:the|them|those|these|whom)\\b`,
  // ", and about a dozen in Yanji", "were caught: nine in a raid … and six at a checkpoint".
  ellipsisJoinSource: `(?:(?:,\\s*(?:and|while)|\\s+and|\\s+while|;)\\s+|\\s*[:—–]\\s*|,\\s+including\\s+)(?:another\\s+)?`,
  placePrepositionSource: `(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Aa]round|[Ii]nside|[Ff]rom|[Tt]o|[Ii]nto|[Aa]cross|[Vv]ia|[Tt]owards?|[Tt]hrough)\\s+(?:(?:the|a)\\s+(?:(?:north-?eastern|northeastern|southern|northern|southwestern|eastern|western|border|nearby|Chinese|North\\s+Korean)\\s+){0,2}(?:city|town|border\\s+city|border\\s+town|province|region|county|area|prefecture|port|village)\\s+of\\s+)?(?:(?:China|North\\s+Korea)['’]s\\s+(?:(?:north-?eastern|northeastern|southern|southwestern|northern|eastern|western|border)\\s+)?)?`,

  groupPatterns: (Q) => ({
    plural: `(?<![\\w])(?:${GROUPS_LEAD})\\s+(?<list>${Q}(?:\\s*,\\s*${Q}){0,6}(?:,?\\s+(?:and|or)\\s+${Q})?)(?:\\s+(?:${PEOPLE_NOUN}))?`,
    singular: `(?<![\\w])(?:${GROUP_LEAD})(?:\\s+(?<qty>${Q}))?(?:\\s+(?<noun>${PEOPLE_NOUN}|${PERSON_NOUN}))?`,
    count: `(?<![\\w])(?<qty>${Q})\\s+(?<noun>${PEOPLE_NOUN})`,
    bare: `(?<![\\w])(?:(?:[Aa]nother|[Aa]\\s+further)\\s+(?<qty>${Q})(?![\\w-])(?!\\s+(?:days?|weeks?|months?|years?|of|times|percent|per)\\b)|(?<qty2>${Q})\\s+(?:more|others)\\b(?!\\s+(?:days?|weeks?|months?|years?|than)\\b)|(?<=\\b(?:[Tt]he|[Aa]ll|[Bb]oth|[Aa]ll\\s+the)\\s)(?<qty3>${NUMBER_SOURCE})(?![\\w-])(?!\\s+(?:days?|weeks?|months?|years?|percent|of|to|and|or)\\b)|(?<qty4>${Q})\\s+(?=(?:(?:who|that)\\s+)?(?:were|have\\s+been|had\\s+been)\\s+(?:arrested|caught|detained|seized|picked|taken|sent|returned|repatriated|handed|rounded|stopped|held|nabbed|captured|apprehended|intercepted|deported|released|freed)\\b)|(?<=\\b[Tt]he\\s+other\\s)(?<qty5>${NUMBER_SOURCE})(?![\\w-])(?!\\s+(?:days?|weeks?|months?|years?|percent|of)\\b)|(?<qty6>${NUMBER_SOURCE})\\s+of\\s+the\\s+(?:${PEOPLE_NOUN})(?=[^.;]{0,120}\\b[Tt]he\\s+other\\s+${NUMBER_SOURCE})|(?<others>[Oo]thers)(?=\\s+(?:held|were|have|had)\\b))`,
    person: `(?<![\\w])(?:an?|one)\\s+(?<noun>${PERSON_NOUN})`,
    unsizedGroups: `\\bin\\s+(?<n>two|three|four|five|2|3|4|5)\\s+(?:separate\\s+)?groups\\b(?!\\s+of)`,
    unknown: `(?<![\\w])(?:(?:the|some|many)\\s+)?(?<noun>${PEOPLE_NOUN})`,
  }),
  helperNoun:
    /\b(?:guides?|brokers?|helpers?|handlers?|informants?|spies|agents?|activists?|missionar(?:y|ies)|smugglers?|officials?|officers?|diplomats?|sources?|collaborators?)\b/i,
  compositionAfter: /(?!)/,
  helperAfter:
    /^[\s,]*(?:(?:who|which)\s+(?:had\s+|has\s+|now\s+)*(?:reached|arrived|lives|settled|helped|guided|looked\s+after|holds|spoke|asked)|with\s+South\s+Korean\s+(?:citizenship|nationality|passport)|holding\s+(?:a\s+)?South\s+Korean|close\s+to|familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|(?:in|from)\s+(?:the\s+South\b|Seoul|South\s+Korea))/i,
  compositionNoun:
    /^(?:(?:young|elderly|teenage|small|little|adult)\s+)*(?:women|men|children|girls|boys|babies|infants|minors|teenagers|woman|man|child|girl|boy|baby)$/i,
  aggregateCue:
    /\b(?:since\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter|last\s+year|the\s+start\s+of\s+the\s+year)|so\s+far\s+this\s+year|in\s+separate\s+incidents|over\s+the\s+(?:past|last)\s+(?:year|\w+\s+months|months)|in\s+the\s+(?:first|second)\s+half|across\s+(?:the\s+)?(?:three|several|many|various)|in\s+various|mass\s+(?:repatriation|return|deportation)|in\s+the\s+course\s+of\s+the|through\s+(?:several\s+|five\s+|the\s+)?(?:crossings|border\s+posts)|since\s+[^.,;]{0,50}?\b(?:19|20)\d\d|since\s+the\s+(?:start|beginning)\s+of\s+the\s+year|across\s+(?:all\s+of\s+|the\s+whole\s+of\s+)?China|in\s+various\s+parts|(?:about|some|around)?\s*\d+\s+detention\s+cent(?:er|re)s|every\s+year|each\s+year)\b/i,
  alternativeCue:
    /\b(?:put\s+the\s+(?:number|figure|total)\s+at|puts\s+the\s+(?:number|figure|total)\s+at|estimated\s+the\s+number|another\s+estimate)\b/i,
  runningTotalSource: `\\bbrings?\\s+the\\s+(?:number|total|tally|count)\\b[^.;]{0,80}?\\bto\\s+(?<qty>${NUMBER_SOURCE})`,
  notDetaineeCue: /\b(?:informants?|spies|agents\s+for|undercover|plainclothes\s+officers?)\b/i,
  datesPrecedeCounts: false,

  eventCues: [
    {
      type: "ARRESTED",
      pattern:
        /\b(?:arrested|arrests?|arresting|caught|captured|apprehended|rounded\s+up|picked\s+up|seized|nabbed|intercepted|tracked\s+down|(?:were|was|been|being)\s+stopped|took\s+(?:(?:him|her|them)\s+)?away|taken\s+away|picked\s+(?:him|her|them)\s+up|(?:taken|took\s+(?:him|her|them))\s+into\s+custody|dragged\s+(?:away|off|out)|led\s+out|wrestled)\b/gi,
    },
    {
      type: "DETAINED",
      pattern:
        /\b(?:detained|imprisoned|detention(?!\s+(?:cent(?:er|re)s?|facilit(?:y|ies)|camps?|houses?))|in\s+custody|jailed|locked\s+up|(?:being|were|are|was|is|been)\s+held(?!\s+(?:talks|a\s|an\s|meetings?|responsible)))\b/gi,
    },
    {
      type: "TRANSFERRED",
      pattern:
        /\b(?:transferred|transported|moved|taken|sent|handed\s+over)\b(?=\s+(?:[\w-]+\s+){0,3}?to\s+(?!North\s+Korea|the\s+North\b|North\s+Korean|Pyongyang|South\s+Korea|Seoul|police\s+stations)(?:a|the|[A-Z]))/g,
    },
    {
      type: "REPATRIATED",
      pattern:
        /\b(?:(?:were|was|have\s+been|had\s+been|has\s+been|got|being)\s+(?:forcibly\s+|forcefully\s+|already\s+|secretly\s+|then\s+)?(?:repatriated|sent\s+back|sent\s+home|deported|expelled|returned|handed\s+back|handed\s+over(?=\s+to\s+(?:North\s+Korea|the\s+North|Pyongyang|North\s+Korean)))|(?:China|Beijing|authorities|police)\s+(?:has\s+|had\s+)?(?:now\s+|already\s+|forcibly\s+)*(?:repatriated|deported|sent\s+back|returned|handed\s+over)|handed\s+(?:[\w-]+\s+){0,6}?(?:over|back)\s+to\s+(?:North\s+Korea|the\s+North|Pyongyang)|(?:returned|sent\s+back|handed\s+back|repatriated)(?=\s+(?:across|over)\s+the\b)|(?:now\s+)?(?:being\s+)?held\s+by\s+(?:North\s+Korean\s+(?:police|authorities|security|officials)|(?:the\s+)?(?:Ministry\s+of\s+)?State\s+Security(?:\s+Department)?|the\s+(?:SSD|MSS|Bowibu)))/gi,
    },
    { type: "RELEASED", pattern: /\b(?:released|freed|set\s+free|let\s+go|allowed\s+to\s+leave)\b/gi },
    {
      type: "REACHED_SAFETY",
      pattern:
        /\b(?:arrived\s+(?:safely\s+)?in\s+(?:Seoul|South\s+Korea|Thailand|Bangkok|Incheon)|(?:landed|touched\s+down)\s+(?:in|at)\s+(?:Seoul|Incheon|South\s+Korea)|(?:flew|were\s+flown|was\s+flown)\s+to\s+(?:Seoul|South\s+Korea|Manila|Bangkok)|entered\s+South\s+Korea|reached\s+(?:safety|Seoul|South\s+Korea|Thailand|a\s+third\s+country)|made\s+it\s+to\s+(?:Seoul|South\s+Korea|Thailand)|(?:left|departed)\s+(?:China|Beijing)\s+for\s+(?:a\s+|another\s+)?(?:safe\s+)?(?:third\s+country|South\s+Korea|Seoul)|allowed\s+to\s+leave\s+(?:China\s+)?for\s+(?:a\s+)?(?:third\s+country|South\s+Korea|Seoul))\b/gi,
    },
    {
      type: "CROSSED_BORDER",
      pattern: /\b(?:crossed\s+(?:the\s+|into\s+)?(?:border|Tumen|Yalu|river)|fled\s+across)\b/gi,
    },
  ],
  riskCue:
    /\b(?:fac(?:e|es|ing)\s+(?:forced\s+|forcible\s+|possible\s+|involuntary\s+)?(?:repatriation|deportation|being\s+(?:sent|returned))|at\s+risk\s+of\s+(?:forced\s+|forcible\s+)?(?:repatriation|deportation|being\s+(?:sent|returned))|in\s+danger\s+of\s+being\s+(?:sent|returned|repatriated|deported)|(?:could|may|might|will|would|are\s+likely\s+to|is\s+likely\s+to|likely\s+to|are\s+expected\s+to|is\s+expected\s+to|are\s+set\s+to|is\s+set\s+to|are\s+about\s+to|is\s+to|are\s+to|due\s+to)\s+(?:soon\s+)?be\s+(?:forcibly\s+)?(?:repatriated|sent\s+back|sent\s+home|deported|returned|handed\s+over)|awaiting\s+(?:repatriation|deportation)|order(?:ed|s)?\s+(?:the\s+)?(?:repatriation|deportation|return|expulsion)\s+of|(?:repatriation|deportation)\s+order)\b/i,
  prospectBefore:
    /\b(?:will|would|could|may|might|to|likely\s+to|set\s+to|due\s+to|about\s+to|expected\s+to)\s+(?:soon\s+)?be\s+(?:forcibly\s+)?$|\bnot\s+(?:be\s+)?$|\bif\s+(?:they|he|she|it|any)\s+(?:are|is|were|was)\s+$|\b(?:at\s+risk\s+of|in\s+danger\s+of|risk\s+of|fears?\s+of|facing|faces?|avoid|prevent|against)\s+(?:being\s+)?(?:forcibly\s+)?$|\bthat\s+(?:[\w-]+\s+){1,4}(?:not\s+)?be\s+$/i,
  prospectAfter: /(?!)/,
  doubtCue:
    /\b(?:(?:it\s+is|it's|it\s+was)\s+(?:not\s+clear|unclear)\s+(?:whether|how\s+many|if)|unclear\s+(?:whether|how\s+many)|not\s+known\s+(?:whether|how\s+many)|either\s+fled\s+or)\b/i,
  unconfirmedCue:
    /\b(?:unconfirmed|if\s+confirmed|could\s+not\s+be\s+confirmed|unable\s+to\s+confirm|cannot\s+confirm)\b/i,
  placePrecedesEvent: false,
  talks: {
    verb: /\b(?:met|meet|meeting|talks|discuss(?:ed|ing)?|negotiat\w*|consult(?:ed|ing|ations))\b/i,
    sideA: /\b(?:Beijing|China|Chinese)\b/,
    sideB: /\b(?:North\s+Korea(?:n)?|the\s+North|Pyongyang|DPRK)\b/,
    topic:
      /\b(?:the\s+issue|the\s+case|repatriat\w*|defectors?|refugees?|escapees?|return|hand(?:ing)?\s*over|handover|fate)\b/i,
  },
  anaphora: new RegExp(
    `\\b(?:[Tt]hey|them|[Bb]oth\\s+groups|[Aa]ll\\s+(?:the\\s+)?groups|[Tt]he\\s+(?:group|groups|defectors|refugees|North\\s+Koreans|women|men|man|woman|workers|family|families|escapees|arrests?|detainees|people|${NUMBER}))\\b`,
  ),

  findDatePhrases,
  dateJoinSource: `^\\s*(?:and|to|through|until|till|or|-|–|—)\\s*$`,
  attributionSource: `\\b(?:said|says|reported|announced|added|stated|confirmed|wrote|told(?:\\s+[\\w’'-]+){0,4}?)\\s+(?:on\\s+|late\\s+|early\\s+)?$`,
  // A dateline ("SEOUL, Aug. 27 (Yonhap) --"): the date of the report, not of an event.
  attributionAfterSource: `^\\s*(?:\\((?:Yonhap|AP|AFP|Reuters|Kyodo|UPI|dpa|Xinhua)\\)|\\s*(?:--|—))`,

  personTitles: TITLES,
  titleSource: TITLE_SOURCE,
  nameSource: NAME_SOURCE,
  nameStopwords: NAME_STOPWORDS,
  speechVerbSource: SPEECH_VERB,
  roleNounSource: ROLE_NOUN,
  organisationSource: ORGANISATION,
  partyQualifierSource: `(?:(?:minority|ruling|main|opposition|governing|conservative|liberal|progressive|minor|splinter|centrist)\\s+)*`,
  kindRules: [
    {
      kind: "UN_BODY",
      pattern: /\b(?:United\s+Nations|U\.N\.|UN|UNHCR|OHCHR)\b|\b(?:special\s+rapporteur|commission\s+of\s+inquiry)\b/i,
    },
    { kind: "EMBASSY", pattern: /\b(?:embassy|ambassador|consul|consulate)\b/i },
    {
      kind: "LAWMAKER",
      pattern:
        /\b(?:lawmaker|legislator|assembly(?:man|woman)|member\s+of\s+(?:the\s+)?(?:national\s+assembly|parliament)|senator|congress(?:man|woman)|MP|party)\b/i,
    },
    { kind: "LAWYER", pattern: /\b(?:lawyer|attorney|counsel|bar\s+association)\b/i },
    { kind: "JOURNALIST", pattern: /\b(?:journalist|reporter|correspondent|editor|columnist)\b/i },
    {
      kind: "NGO",
      pattern:
        /\b(?:human\s+rights\s+watch|amnesty|campaign|coalition|alliance|NGO|non-governmental|activist|foundation|network|citizens)\b/i,
    },
    {
      kind: "GOVERNMENT_OFFICIAL",
      pattern:
        /\b(?:ministry|minister|government|official|spokes(?:man|woman|person)|police|office|commission|agency|department)\b/i,
    },
    {
      kind: "ACADEMIC",
      pattern: /\b(?:professor|university|institute|scholar|academy|lecturer|think\s+tank|researcher)\b/i,
    },
    {
      kind: "NGO",
      pattern: /\b(?:group|association|organi[sz]ation|founder|pastor|missionary|society|center|centre|charity)\b/i,
    },
  ],
  backReferences: [
    {
      pattern: /\bthe\s+ministry\b/i,
      antecedent: /\b(?:[A-Z][a-z]+\s+)+Ministry\b|\bMinistry\s+of\s+(?:[A-Z][a-z]+\s*)+/g,
    },
    { pattern: /\bthe\s+university\b/i, antecedent: /\b(?:[A-Z][a-z]+\s+)+University\b/g },
  ],
  roleOrgSplit: /^(?<role>.+?)\s+(?:at|of|with|from|for)\s+(?:the\s+)?(?<org>[A-Z].*)$/,

  appealPatterns: [
    {
      shape: "<who> requested (through <via>) that <whom> <help …>",
      confidence: "high",
      pattern: new RegExp(
        `^(?<by>[^,;“”"]{2,80}?)\\s+(?:have\\s+|has\\s+|had\\s+)?(?:formally\\s+|reportedly\\s+)?(?:requested|asked|petitioned|begged|pleaded)\\s+(?:through\\s+(?<via>[^,;]{2,60}?)\\s+)?that\\s+(?<to>[^,;]{2,80}?)\\s+(?<ask>(?:help|save|protect|release|stop|intervene|prevent|rescue|allow|let|grant|take|act|press|halt|block|ensure)\\b[^;]*?)[.;]?$`,
      ),
    },
    {
      shape: "<who> went to <whom> and demanded <…>",
      confidence: "medium",
      pattern:
        /\bwent\s+to\s+(?<to>(?:the\s+)?[A-Z][^,;]{2,60}?)\s+and\s+(?:demanded|asked|urged|protested)\s+(?<ask>[^.;]*)/g,
    },
    {
      shape: "<who> demanded that <whom> <…>",
      confidence: "medium",
      pattern:
        /\b(?:demanded|requested|asked)\s+that\s+(?:[^.;]{0,80}?\s+and\s+that\s+)?(?<to>China|Beijing|Chinese\s+authorities|the\s+Chinese\s+[\w\s]{2,30}?)\s+(?<ask>(?:apologi[sz]e|release|return|hand|stop|allow|let|protect|free)\b[^.;]*)/g,
    },
    {
      shape: "<who> is negotiating with <whom> for <…>",
      confidence: "low",
      pattern:
        /\b(?:negotiating|negotiated|pressing|pressed|pleading|pleaded)\s+with\s+(?<to>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+for\s+(?<ask>[^.;]*)/g,
    },
    {
      shape: "<who> urged <whom> to <…>",
      confidence: "medium",
      pattern: new RegExp(
        `\\b(?:urged|urging|urges|urge|called\\s+on|calling\\s+on|calls\\s+on|call\\s+on|appealed\\s+to|appealing\\s+to|appeals\\s+to|asked|asking|petitioned|petitioning|pleaded\\s+with|calls\\s+for|call\\s+for|called\\s+for|calling\\s+for)\\s+(?<to>(?:the\\s+)?[\\w’'-]+(?:\\s+[\\w’'-]+){0,5}?)\\s+(?:not\\s+)?to\\s+(?<ask>[a-z][^.;]*)`,
        "g",
      ),
    },
  ],
  appellantNoun:
    /(?<![\w])(?<by>(?:[Tt]he\s+)?(?:[A-Za-z.]+\s+){0,3}(?:[Mm]inistry|[Gg]overnment|[Ee]mbassy|[Cc]onsulate|[Cc]ommission|[Dd]epartment)|(?:(?:[Tt]heir|[Tt]he|[Hh]is|[Hh]er)\s+)?(?:(?:[Hh]uman\s+)?[Rr]ights\s+groups|[Aa]ctivists|[Ff]amilies|[Rr]elatives|[Ll]awmakers|[Gg]roups|[Dd]efectors|NGOs|[Cc]ampaigners|[Oo]rgani[sz]ations)(?:\s+(?:in|of|from)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})?|[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,4})(?:\s+here)?(?:\s+(?:have|has|had|also|reportedly|formally))*\s*,?\s*$/,
  appealTopic:
    /\b(?:defectors?|refugees?|escapees?|North\s+Koreans?|women|children|families|repatriat\w*|deport\w*|send\s+(?:\w+\s+)?back|sent\s+back|release|free|help|save|protect|rescue|asylum|the\s+case|them|their|humanitarian|hand(?:ed)?\s+over|returned|apologi[sz]e)\b/i,
};

export { MONTHS, WEEKDAYS };
