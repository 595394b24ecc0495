/**
 * Korean: the word tables and phrase patterns for reports in Korean (Yonhap, KBS, MBN, the Chosun,
 * Dong-A and Kukmin dailies, Daily NK's and FreedomChosun's Korean editions).
 *
 * Korean puts the counter after the noun and the number: "탈북자 10명", "일가족 4명", "30여 명"
 * (about 30), "20명 이상" (at least 20), "열 명" (ten, in native numerals). Dates come before the count
 * they go with ("12일 5명, 13일 3명"), places are followed by postpositions ("선양에서"), and an event
 * word is a verb stem whose ending says whether it happened ("북송됐다": was returned) or may happen
 * ("북송될 위기": at risk of return, "북송될 예정": due to be returned). Quotes and wording are kept as
 * written: nothing is translated.
 */
import type { DatePhrase, DateRule, GroupPatternSources, Lexicon, SizeRule } from "./lexicon";
import { sizeFrom, type Quantity } from "./numbers";

// --- numbers ------------------------------------------------------------------------------------

const UNITS: Record<string, number> = {
  한: 1,
  하나: 1,
  두: 2,
  둘: 2,
  세: 3,
  셋: 3,
  석: 3,
  네: 4,
  넷: 4,
  넉: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
};
const TENS: Record<string, number> = {
  열: 10,
  스물: 20,
  스무: 20,
  서른: 30,
  마흔: 40,
  쉰: 50,
  예순: 60,
  일흔: 70,
  여든: 80,
  아흔: 90,
};
const UNIT_WORDS = "다섯|여섯|일곱|여덟|아홉|하나|한|두|둘|세|셋|석|네|넷|넉";
const TEN_WORDS = "스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔|열";
/** One number: digits ("24", "1,383") or native Korean numerals ("열", "스물세"). */
const NUMBER = `(?:(?<!\\d)\\d{1,3}(?:,\\d{3})+(?!\\d)|(?<!\\d)\\d+(?!\\d)|(?<![가-힣])(?:(?:${TEN_WORDS})(?:${UNIT_WORDS})?|${UNIT_WORDS})(?![가-힣]))`;

function parseNumber(raw: string): number | null {
  const s = raw.replace(/\s+/g, "");
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(s)) {
    const n = Number(s.replace(/,/g, ""));
    return Number.isSafeInteger(n) ? n : null;
  }
  const m = new RegExp(`^(${TEN_WORDS})?(${UNIT_WORDS})?$`).exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  return (m[1] ? TENS[m[1]] : 0) + (m[2] ? UNITS[m[2]] : 0);
}

const PRE = `(?:약|최소|적어도|모두|총|무려|최대|대략)\\s*`;
const POST = `(?:이상|이하|가량|정도|안팎|남짓|넘게|미만|내외)`;
const COUNT = `(?:${NUMBER})(?:\\s*[~∼-]\\s*(?:${NUMBER}))?(?:\\s*여)?\\s*명(?:\\s*${POST})?`;
const VAGUE = `(?:수십|수백|수천|십수|몇|여러|수)\\s*(?:여\\s*)?명`;
const QUANTITY = `(?:(?:${PRE})?${COUNT}|${VAGUE})`;

function parseQuantity(raw: string): Quantity | null {
  const text = raw.trim();
  const vague = /^(수십|수백|수천|십수|몇|여러|수)\s*(?:여\s*)?명$/.exec(text);
  if (vague) {
    const rule: SizeRule =
      vague[1] === "수백" || vague[1] === "수천" ? "hundreds" : vague[1] === "수십" ? "dozens" : "several";
    return { ...sizeFrom(rule, null), rule, numberText: null, inWords: true };
  }
  const m = new RegExp(
    `^(?:(?<pre>약|최소|적어도|모두|총|무려|최대|대략)\\s*)?(?<a>${NUMBER})(?:\\s*[~∼-]\\s*(?<b>${NUMBER}))?(?<yeo>\\s*여)?\\s*명(?:\\s*(?<post>${POST}))?$`,
  ).exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  const a = parseNumber(g.a);
  if (a === null) return null;
  const inWords = /[가-힣]/.test(g.a);
  if (g.b) {
    const b = parseNumber(g.b);
    if (b === null) return null;
    return { ...sizeFrom("range", a, b), rule: "range", numberText: `${g.a}~${g.b}`, inWords };
  }
  let rule: SizeRule = "exact";
  if (g.yeo || ["약", "대략"].includes(g.pre ?? "") || ["가량", "정도", "안팎", "남짓", "내외"].includes(g.post ?? ""))
    rule = "about";
  else if (["최소", "적어도"].includes(g.pre ?? "") || g.post === "이상") rule = "atLeast";
  else if (g.post === "넘게") rule = "moreThan";
  else if (g.post === "미만") rule = "fewerThan";
  else if (g.post === "이하" || g.pre === "최대") rule = "upTo";
  return { ...sizeFrom(rule, a), rule, numberText: g.a, inWords };
}

// --- groups -----------------------------------------------------------------------------------------

const DETAINEE_NOUN = `(?:탈북(?:자|민|여성|주민|청소년)들?|북한\\s*(?:주민|이탈주민|사람|여성|남성)들?|일가족|일행)`;
const HELPER_NOUN =
  /(?:활동가|조력자|브로커|안내인|중개인|선교사|관계자|공안|경찰|요원|소식통|정보원|조선족|지원자|운전사|기사)$/;
const COMPOSITION_NOUN =
  /^(?:탈북\s*)?(?:여성|남성|어린이|아이|아동|소녀|소년|영유아|유아|노인|남자|여자|아기|청소년|미성년자)$/;

function groupPatterns(Q: string): GroupPatternSources {
  return {
    plural: `(?<list>${Q}(?:\\s*(?:과|와|,)\\s*${Q})+)\\s*(?:으로|로)\\s*(?:이뤄진|이루어진|구성된|된)\\s*(?:탈북(?:자|민)\\s*)?(?:일행|그룹|무리|가족)`,
    singular: `(?:(?<qty>${Q})\\s*(?:으로|로)\\s*(?:이뤄진|이루어진|구성된|된)\\s*(?:탈북(?:자|민)\\s*)?(?:일행|그룹|무리))|(?:탈북(?:자|민)\\s*)?일가족\\s*(?<qty2>${Q})`,
    // The word right before the count names who is counted ("탈북민 15명", "활동가 6명", "여성 13명").
    count: `(?:(?<![\\d가-힣])(?<noun>[가-힣]{1,8})\\s*)?(?<qty>${Q})`,
    bare: `(?!)`,
    person: `(?!)`,
    unsizedGroups: `(?<n>두|세|네|다섯|2|3|4|5)\\s*개\\s*(?:의\\s*)?(?:일행|그룹|조)`,
    unknown: `(?<noun>${DETAINEE_NOUN})`,
  };
}

// --- dates --------------------------------------------------------------------------------------------

const WEEKDAYS: Record<string, number> = { 일: 0, 월: 1, 화: 2, 수: 3, 목: 4, 금: 5, 토: 6 };
const DAY_COUNTS: Record<string, number> = {
  하루: 1,
  이틀: 2,
  사흘: 3,
  나흘: 4,
  닷새: 5,
  엿새: 6,
  이레: 7,
  열흘: 10,
  보름: 15,
};
const PART: Record<string, "early" | "mid" | "late"> = {
  초: "early",
  상순: "early",
  중순: "mid",
  말: "late",
  하순: "late",
};
const partOf = (w: string | undefined) => (w ? PART[w] : null) ?? null;

type OwnRule = {
  re: RegExp;
  rule: (m: RegExpExecArray) => DateRule | null;
  until?: (m: RegExpExecArray) => DateRule | null;
};

const RULES: OwnRule[] = [
  {
    re: /(?<!\d)(\d{4})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{1,2})(?!\d)/g,
    rule: (m) => ({ kind: "absolute", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), part: null }),
  },
  {
    re: /(?<!\d)(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/g,
    rule: (m) => ({ kind: "absolute", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), part: null }),
  },
  {
    re: /(?<!\d)(\d{4})년\s*(\d{1,2})월(?:\s*(초|상순|중순|말|하순))?/g,
    rule: (m) => ({ kind: "absolute", year: Number(m[1]), month: Number(m[2]), day: null, part: partOf(m[3]) }),
  },
  {
    re: /(?<!\d)(\d{4})년(?!\s*\d)/g,
    rule: (m) => ({ kind: "absolute", year: Number(m[1]), month: null, day: null, part: null }),
  },
  {
    re: /(지난해|작년|올해|올|금년)\s*(\d{1,2})월(?:\s*(초|상순|중순|말|하순))?/g,
    rule: (m) => ({
      kind: "yearMonth",
      yearOffset: m[1] === "지난해" || m[1] === "작년" ? -1 : 0,
      month: Number(m[2]),
      part: partOf(m[3]),
    }),
  },
  {
    re: /(?:지난\s*|이번\s*)?(?<!\d)(\d{1,2})월\s*(\d{1,2})\s*[~∼-]\s*(\d{1,2})일/g,
    rule: (m) => ({ kind: "absolute", year: null, month: Number(m[1]), day: Number(m[2]), part: null }),
    until: (m) => ({ kind: "absolute", year: null, month: Number(m[1]), day: Number(m[3]), part: null }),
  },
  {
    re: /(?:지난\s*|이번\s*)?(?<!\d)(\d{1,2})월\s*(\d{1,2})일/g,
    rule: (m) => ({ kind: "absolute", year: null, month: Number(m[1]), day: Number(m[2]), part: null }),
  },
  {
    re: /(?:지난\s*)?(?<!\d)(\d{1,2})월(?:\s*(초|상순|중순|말|하순))?(?!\s*\d)/g,
    rule: (m) => ({ kind: "absolute", year: null, month: Number(m[1]), day: null, part: partOf(m[2]) }),
  },
  {
    re: /(지난달|이달|이번\s*달)\s*(?<!\d)(\d{1,2})일/g,
    rule: (m) => ({ kind: "dayOfMonth", day: Number(m[2]), monthOffset: m[1] === "지난달" ? -1 : 0 }),
  },
  {
    re: /(?:지난\s*|이달\s*)?(?<!\d)(\d{1,2})\s*[~∼-]\s*(\d{1,2})일/g,
    rule: (m) => ({ kind: "dayOfMonth", day: Number(m[1]), monthOffset: null }),
    until: (m) => ({ kind: "dayOfMonth", day: Number(m[2]), monthOffset: null }),
  },
  {
    re: /(?:지난\s*|이달\s*)?(?<![\d.])(\d{1,2})일(?!\s*(?:간|동안|째|만에|뒤|후|전))(?:\s*(?:밤|오전|오후|새벽|저녁|낮))?/g,
    rule: (m) => ({ kind: "dayOfMonth", day: Number(m[1]), monthOffset: null }),
  },
  { re: /어젯밤|어제/g, rule: () => ({ kind: "yesterday" }) },
  { re: /그제|그저께|엊그제/g, rule: () => ({ kind: "daysAgo", n: 2 }) },
  { re: /오늘/g, rule: () => ({ kind: "today" }) },
  { re: /지난\s*주(?!\s*[월화수목금토일]요일)/g, rule: () => ({ kind: "lastWeek" }) },
  { re: /이번\s*주/g, rule: () => ({ kind: "thisWeek" }) },
  {
    re: /(지난달|이달|이번\s*달)\s*(초|상순|중순|말|하순)/g,
    rule: (m) => ({ kind: "monthOf", offset: m[1] === "지난달" ? -1 : 0, part: partOf(m[2]) }),
  },
  { re: /지난달/g, rule: () => ({ kind: "monthOf", offset: -1, part: null }) },
  { re: /이달|이번\s*달/g, rule: () => ({ kind: "thisMonth" }) },
  { re: /지난해|작년/g, rule: () => ({ kind: "lastYear" }) },
  { re: /올해|금년/g, rule: () => ({ kind: "thisYear" }) },
  {
    re: /(지난\s*(?:주\s*)?|이번\s*주\s*)?([월화수목금토일])요일/g,
    rule: (m) => ({
      kind: "weekday",
      weekday: WEEKDAYS[m[2]],
      which: m[1] ? (m[1].includes("이번") ? "this" : "last") : "bare",
    }),
  },
  {
    re: /(하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|(\d+)\s*일)\s*(?:뒤|후|만에)(?:인)?/g,
    rule: (m) => ({ kind: "chain", n: m[2] ? Number(m[2]) : DAY_COUNTS[m[1]], unit: "day", direction: 1 }),
  },
  { re: /다음\s*날|이튿날/g, rule: () => ({ kind: "chain", n: 1, unit: "day", direction: 1 }) },
  {
    re: /(하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|(\d+)\s*일)\s*전/g,
    rule: (m) => ({ kind: "daysAgo", n: m[2] ? Number(m[2]) : DAY_COUNTS[m[1]] }),
  },
  { re: /(\d+)\s*주\s*(?:뒤|후)/g, rule: (m) => ({ kind: "chain", n: Number(m[1]), unit: "week", direction: 1 }) },
];

function findDatePhrases(text: string): DatePhrase[] {
  const all: DatePhrase[] = [];
  for (const { re, rule, until } of RULES) {
    for (const m of text.matchAll(re)) {
      const r = rule(m as RegExpExecArray);
      if (!r) continue;
      const u = until?.(m as RegExpExecArray) ?? undefined;
      const start = m.index ?? 0;
      all.push({ start, end: start + m[0].length, wording: m[0], rule: r, ...(u ? { until: u } : {}) });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: DatePhrase[] = [];
  for (const p of all) if (!kept.some((k) => p.start < k.end && k.start < p.end)) kept.push(p);
  return kept.sort((a, b) => a.start - b.start);
}

// --- the lexicon ----------------------------------------------------------------------------------------

export const lexiconKo: Lexicon = {
  language: "ko",

  abbreviations: new Set(),
  clutterLine:
    /^(?:기사\s*공유|공유하기|댓글(?:\s*\d+)?|댓글\s*쓰기|좋아요|슬퍼요|화나요|추천해요|프린트|인쇄|글자\s*크기.*|무단\s*전재.*|저작권자.*|ⓒ.*|copyright.*|\[사진.*|사진\s*[:=].*|관련\s*기사.*|다른\s*기사.*|구독.*|[가-힣]{2,4}\s*기자\s*\S+@\S+|\S+@\S+\.\S+|디지털뉴스팀|KBS\s*뉴스|[A-Za-z가-힣]+\s*\|\s*\d{4}[-.]\d{2}[-.]\d{2}.*)$/i,
  bylineLine: /^(?<name>[가-힣]{2,4})\s*(?:기자|특파원|객원기자)(?:\s|$)/,
  datelinePrefix: /(?:입력|수정|등록|기사입력|작성|발행|송고)\s*:?/,

  numberSource: NUMBER,
  parseNumber,
  approximators: [{ source: "약", rule: "about" }],
  orMoreSource: `이상`,
  rangeSource: (num) => `(?<lo>${num})\\s*[~∼-]\\s*(?<hi>${num})`,
  vagueQuantities: [{ source: "수십", rule: "dozens" }],
  peopleNounSource: DETAINEE_NOUN,
  personNounSource: `(?!)`,
  groupsLeadSource: `(?!)`,
  groupLeadSource: `(?!)`,
  totalCueSource: `모두|총|전체|합쳐|합계`,
  partitiveSource: `가운데|중|중에서`,
  ellipsisJoinSource: `(?!)`,
  // Korean place names need no preposition: a postposition follows them.
  placePrepositionSource: "",

  quantity: { source: QUANTITY, parse: parseQuantity },
  groupPatterns,
  helperNoun: HELPER_NOUN,
  helperAfter: /(?!)/,
  compositionAfter: /^\s*(?:과|와|,)?\s*(?:[가-힣\d]+\s*명\s*)?(?:두|세|네|2|3|4)\s*(?:개\s*)?조로\s*나뉘/,
  compositionNoun: COMPOSITION_NOUN,
  aggregateCue:
    /(?:대규모|북송한\s*바|송환한\s*바|지금까지|이래\s|누적|곳곳에서|전역에서|전역서|해마다|매년|한\s*해\s*동안|(?:\d{4}년|\d{1,2}월)\s*(?:이후|이래|부터)|올해\s*들어|지난해와\s*올해|하루에만)/,
  alternativeCue: /(?:으로\s*추산|다른\s*추산|추산하기도|이라는\s*주장도)/,
  runningTotalSource: `(?<qty>${COUNT})\\s*(?:으로|로)\\s*(?:늘었|늘어났|늘어난다|늘어날|증가했|불어났)`,
  notDetaineeCue: /(?:정보원|공안\s*요원|첩자|프락치|끄나풀)/,
  datesPrecedeCounts: true,

  eventCues: [
    { type: "ARRESTED", pattern: /(?:체포|붙잡|잡혔|잡혀|잡힌|검거|연행|적발|끌려가)/g },
    { type: "DETAINED", pattern: /(?:구금|억류|수감|갇혀|갇힌|구류|수용돼|수용되어)/g },
    { type: "TRANSFERRED", pattern: /(?:이송|압송|옮겨)/g },
    {
      type: "REPATRIATED",
      pattern:
        /(?:(?:강제\s*)?(?:북송|송환|추방)(?:됐|되었|돼|했|시켰|된\s*것으로|한\s*바|된\s*바)|북한\s*(?:당국|측)?(?:에|으로)\s*(?:넘겨졌|넘겼|인계됐|보내졌|돌려보내졌|돌려보냈)|(?:보위부|보위성|보안서|보안국)(?:에|로|에서)?\s*(?:넘겨졌|넘겨진|인계|수감|구금))/g,
    },
    { type: "RELEASED", pattern: /(?:석방|풀려)/g },
    {
      type: "REACHED_SAFETY",
      pattern: /(?:(?:한국|서울|인천|태국|제3국)(?:에|으로)\s*(?:무사히\s*)?(?:입국|도착|들어왔|들어온))/g,
    },
    {
      type: "CROSSED_BORDER",
      pattern: /(?:(?:두만강|압록강|국경|메콩강)을?\s*(?:넘|건너))(?![^.]{0,24}?(?:예정|계획|려고|려던|려다))/g,
    },
  ],
  riskCue:
    /(?:(?:강제\s*)?(?:북송|송환)\s*(?:될\s*)?(?:위기|위험|우려|처지|가능성|예정)|(?:북송|송환)될\s*(?:위기|처지|예정|가능성|것)|북송\s*대기|(?:북송|송환)하려|(?:북송|송환)을\s*추진)/,
  prospectBefore: /(?!)/,
  prospectAfter:
    /^\s*(?:될\s*(?:예정|가능성|위기|처지|것|수)|되지\s*않도록|돼서는\s*안|되어서는\s*안|되면|하려|할\s*예정|할\s*계획)/,
  doubtCue: /(?:불분명|여부(?:는|가)\s*(?:확인되지|알려지지)\s*않)/,
  unconfirmedCue: /(?:확인되지\s*않은|사실로\s*확인되면|미확인)/,
  placePrecedesEvent: true,
  talks: {
    verb: /(?:회의|논의|협의|회담)/,
    sideA: /중국/,
    sideB: /북한|북측/,
    topic: /(?:탈북자|탈북민|북송|송환)/,
  },
  anaphora: /(?:이들|그들|일행은|일행이)/,

  findDatePhrases,
  dateJoinSource: `^\\s*(?:와|과|및|~|∼|-)\\s*$`,
  attributionSource: `(?!)`,
  attributionAfterSource: `^\\s*(?:(?:오전|오후)\\s*)?(?:밝혔|말했|전했|주장했|알려왔|알려 왔|덧붙였|설명했|본지|데일리NK에|기자회견|브리핑|["“])`,

  personTitles: {},
  titleSource: `(?!)`,
  nameSource: `[가-힣]{2,4}`,
  nameStopwords: new Set([
    "관계자",
    "소식통",
    "정부",
    "당국",
    "이모씨",
    "김모씨",
    "박모씨",
    "탈북민",
    "탈북자",
    "대표는",
    "의원은",
    "공안",
    "외교부",
    "통일부",
    "인권위",
    "한편",
    "이들",
    "이씨",
  ]),
  speechVerbSource: `(?:밝혔|말했|전했|주장했|덧붙였)`,
  roleNounSource: `(?:의원|대표|대변인|장관|교수|목사|선교사|이사장|사무총장|특사)`,
  organisationSource: `[가-힣A-Za-z]+`,
  partyQualifierSource: ``,
  personFrames: [
    {
      how: "organisation, name and role ('자유선진당 박선영 의원')",
      pattern:
        /(?:(?<org>[가-힣A-Za-z]{2,20}(?:당|부|위원회|연합회|협회|연대|단체|재단|센터|대학교|연구소|연구원))\s+)?(?<name>[가-힣]{2,4})\s*(?<role>의원|상임대표|공동대표|대표|대변인|장관|차관|교수|목사|선교사|이사장|사무총장|특사|소장|회장|총영사|대사|변호사)(?=은|는|이|가|도|의|에게|과|와|\s|,|$)/dg,
    },
    {
      how: "name, then organisation and role ('장세율 전국탈북민연합회 상임대표')",
      pattern:
        /(?<name>[가-힣]{2,4})\s+(?<org>[가-힣A-Za-z]{2,20}(?:연합회|협회|연대|단체|재단|센터|위원회|모임))\s*(?<role>상임대표|공동대표|대표|이사장|회장|사무총장)/dg,
    },
    {
      how: "name, then body and title ('반기문 유엔 사무총장')",
      pattern:
        /(?<name>[가-힣]{2,4}(?:\s[가-힣]{1,3})?)\s+(?<org>유엔|UN|미국\s*국무부|미\s*국무부|[가-힣]{2,6}부)\s*(?<role>사무총장|[가-힣]{0,6}특사|대변인|장관|차관)/dg,
    },
  ],
  kindRules: [
    { kind: "UN_BODY", pattern: /(?:유엔|UN|유엔난민기구|UNHCR|특별보고관)/ },
    { kind: "EMBASSY", pattern: /(?:대사관|대사|영사|총영사)/ },
    { kind: "LAWMAKER", pattern: /(?:의원|국회|당$)/ },
    { kind: "LAWYER", pattern: /변호사/ },
    { kind: "JOURNALIST", pattern: /기자/ },
    { kind: "NGO", pattern: /(?:연합회|협회|연대|단체|재단|센터|목사|선교사|활동가|모임)/ },
    { kind: "GOVERNMENT_OFFICIAL", pattern: /(?:부$|장관|차관|대변인|특사|정부|청$|위원회)/ },
    { kind: "ACADEMIC", pattern: /(?:교수|연구소|연구원|대학)/ },
  ],
  backReferences: [],
  roleOrgSplit: /(?!)/,

  appealPatterns: [
    {
      shape: "<누구>에게 <무엇>을 요청/촉구했다",
      confidence: "medium",
      pattern:
        /(?<to>[가-힣A-Za-z·]{2,20}(?:\s[가-힣A-Za-z·]{1,20}){0,7}?)(?:에게|께|측에|당국에|에)\s+(?:[^."“”]{0,40}?\s)?(?<ask>[^."“”\s]{0,20}?(?:긴급조치|긴급구제|구제|석방|보호|중단|협조|선처|인도주의적\s*처리|송환\s*중지|북송\s*중단))(?:를|을)?\s*(?:요청|촉구|호소|요구|당부)/g,
    },
  ],
  appellantNoun: /(?<by>[가-힣]+(?:단체|가족|활동가들|의원))\s*(?:은|는|이|가)?\s*$/,
  appealTopic: /(?:탈북|북송|송환|석방|구제|보호|긴급|인도주의)/,
};
