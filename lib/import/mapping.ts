/**
 * Which column of a spreadsheet fills which field of a case, and the first guess of it from the
 * headers (English and Korean). The user sees the guesses on the mapping screen and can change any.
 */

/** What a column can be mapped to. `ignore` leaves the column out. */
export const IMPORT_TARGETS = [
  "ignore",
  "code",
  "title",
  "summary",
  "date",
  "size",
  "sizeMin",
  "sizeMax",
  "sizeBest",
  "sizeWording",
  "status",
  "place",
  "country",
  "province",
  "city",
  "verification",
  "tags",
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** A mapping: one target per column, by column index. */
export type ImportMapping = ImportTarget[];

/**
 * How rows without a case code find the case they update: by code only (a row without one creates a
 * case), or also by title, the key column the user may pick instead (the same title, ignoring case
 * and outer spaces, on exactly one live case the reader may see).
 */
export const IMPORT_MATCH_KEYS = ["code", "title"] as const;
export type ImportMatchKey = (typeof IMPORT_MATCH_KEYS)[number];

/** A header as compared with the words below: case, spaces, punctuation and brackets ignored. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, "")
    .replace(/[\s_\-./:#*]+/g, "");
}

/** Header words for each target, normalized; the first column whose header matches wins. */
const HEADER_WORDS: Record<Exclude<ImportTarget, "ignore">, string[]> = {
  code: ["code", "casecode", "caseid", "caseno", "casenumber", "reference", "사건번호", "사건코드", "코드"],
  title: ["title", "casetitle", "name", "casename", "headline", "제목", "사건명", "이름"],
  summary: ["summary", "description", "details", "notes", "note", "요약", "내용", "설명", "비고"],
  date: [
    "date",
    "when",
    "eventdate",
    "dateofarrest",
    "arrestdate",
    "arrested",
    "datearrested",
    "날짜",
    "일자",
    "일시",
    "체포일",
    "체포일자",
    "발생일",
  ],
  size: [
    "size",
    "groupsize",
    "people",
    "persons",
    "numberofpeople",
    "count",
    "headcount",
    "인원",
    "인원수",
    "규모",
    "명수",
  ],
  // One number each, as exports write them (size_min, people_max…), beside a "size" column's words.
  sizeMin: ["sizemin", "minsize", "peoplemin", "atleast", "minimum", "최소인원"],
  sizeMax: ["sizemax", "maxsize", "peoplemax", "atmost", "maximum", "최대인원"],
  sizeBest: ["sizebest", "bestsize", "peoplebest", "bestestimate", "추정인원"],
  sizeWording: ["sizewording", "peoplewording", "sizeasworded", "인원표현"],
  status: ["status", "currentstatus", "situation", "상태", "현황", "현재상태"],
  place: ["place", "location", "where", "placeofarrest", "장소", "위치", "지역", "체포장소"],
  country: ["country", "countrycode", "국가", "나라"],
  province: ["province", "region", "state", "admin1", "성", "도", "省"],
  city: ["city", "cityarea", "area", "town", "county", "도시", "시"],
  verification: ["verification", "verified", "confidence", "검증", "확인"],
  tags: ["tags", "tag", "labels", "keywords", "태그", "분류"],
};

const BY_WORD = new Map<string, ImportTarget>();
for (const [target, words] of Object.entries(HEADER_WORDS))
  for (const w of words) BY_WORD.set(normalizeHeader(w), target as ImportTarget);

/** The target a header suggests, or "ignore" when it suggests none. */
export function guessTarget(header: string): ImportTarget {
  return BY_WORD.get(normalizeHeader(header)) ?? "ignore";
}

/** A guess for every column: each target at most once (the first column that suggests it). */
export function guessMapping(headers: string[]): ImportMapping {
  const used = new Set<ImportTarget>();
  return headers.map((h) => {
    const target = guessTarget(h);
    if (target === "ignore" || used.has(target)) return "ignore";
    used.add(target);
    return target;
  });
}

/** What is wrong with a mapping as a whole (a target twice, a needed field missing), in words; [] when fine. */
export function mappingProblems(headers: string[], mapping: ImportMapping): string[] {
  const problems: string[] = [];
  if (mapping.length !== headers.length) return ["The mapping does not match the file's columns. Read the file again."];
  const byTarget = new Map<ImportTarget, string[]>();
  mapping.forEach((t, i) => {
    if (t !== "ignore") byTarget.set(t, [...(byTarget.get(t) ?? []), headers[i]]);
  });
  for (const [target, columns] of byTarget)
    if (columns.length > 1)
      problems.push(`Columns ${columns.map((c) => `"${c}"`).join(" and ")} are all mapped to ${target}: map only one.`);
  if (!byTarget.has("title")) problems.push("Map a column to title: every case needs one.");
  if (byTarget.has("size") && byTarget.has("sizeMin"))
    problems.push("Map either a size column or a minimum size column, not both: both give the group size.");
  if (!byTarget.has("size") && !byTarget.has("sizeMin"))
    problems.push("Map a column to size: every case needs a group size.");
  if (!byTarget.has("place") && !byTarget.has("country"))
    problems.push("Map a column to place or country: every case needs a country.");
  return problems;
}

/** A saved mapping: each column's target by its header, normalized (so "Date " and "date" are one column). */
export type ColumnsByHeader = Record<string, ImportTarget>;

/** The columns a mapping maps (ignored ones left out), by normalized header, for saving under a name. */
export function columnsByHeader(headers: string[], mapping: ImportMapping): ColumnsByHeader {
  const out: ColumnsByHeader = {};
  headers.forEach((h, i) => {
    const target = mapping[i];
    if (target && target !== "ignore") out[normalizeHeader(h)] = target;
  });
  return out;
}

/**
 * A saved (or built-in) mapping applied to another file's headers: a column whose header it names
 * gets its target (each target once), any other column is ignored rather than guessed.
 */
export function mappingFromColumns(headers: string[], columns: Record<string, string>): ImportMapping {
  const used = new Set<ImportTarget>();
  return headers.map((h) => {
    const target = columns[normalizeHeader(h)];
    if (!target || !(IMPORT_TARGETS as readonly string[]).includes(target) || used.has(target as ImportTarget))
      return "ignore";
    used.add(target as ImportTarget);
    return target as ImportTarget;
  });
}
