/**
 * Export profiles that other tools read: ACLED-style CSV, HXL (a hashtag row under the headers) and
 * Uwazi's CSV import format. Each profile is one list of columns, and its import mapping (the preset
 * the import page offers) is derived from the same list, so that exporting a file and importing it
 * with its preset changes nothing: every mapped column is written in a form the importer reads back
 * to the same value. Columns a target tool wants but the importer cannot take back (coordinates,
 * sources, the time of the last change) are exported and left unmapped.
 *
 * Pure (no database): the import page, the export route and the tests share it.
 */
import type { DatePrecision, EventType, GeoPrecision } from "@/lib/generated/prisma/enums";
import type { ImportMapping, ImportTarget } from "@/lib/import/mapping";
import type { CaseRow } from "@/lib/data/case-search";
import { EVENT_LABEL, STATUS_LABEL, verificationLabel } from "@/lib/format/display";

export const EXPORT_PROFILES = ["acled", "hxl", "uwazi"] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

/** What a profile's columns read of one case: its fields, its first event and its sources. */
export type ProfileCase = Pick<
  CaseRow,
  | "code"
  | "title"
  | "summary"
  | "status"
  | "verification"
  | "sizeMin"
  | "sizeMax"
  | "sizeBest"
  | "sizeWording"
  | "country"
  | "province"
  | "cityArea"
  | "latitude"
  | "longitude"
  | "tags"
> & {
  geoPrecision: GeoPrecision | null;
  updatedAt: Date;
  /** The case's earliest event (by earliest possible date), or null when it has none. */
  event: { type: EventType; dateEarliest: Date; dateLatest: Date; precision: DatePrecision } | null;
  sources: { outlet: string; title: string; url: string | null }[];
};

type Cell = string | number;
type Column = {
  header: string;
  /** HXL hashtag (only the HXL profile prints them). */
  hxl?: string;
  value: (c: ProfileCase) => Cell;
  /** Where the import preset maps this column; absent = left out on import. */
  target?: ImportTarget;
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const text = (v: string | null | undefined) => v ?? "";
const num = (v: number | null | undefined): Cell => (v === null || v === undefined ? "" : v);

/** An event's dates as one cell the importer reads back to the same earliest and latest day. */
function dateRange(c: ProfileCase, separator: string, alwaysRange = false): string {
  if (!c.event) return "";
  const [a, b] = [day(c.event.dateEarliest), day(c.event.dateLatest)];
  return a === b && !alwaysRange ? a : `${a}${separator}${b}`;
}

/** ACLED's time_precision: 1 the day is known, 2 within a week, 3 only the month (or less). */
const TIME_PRECISION: Record<DatePrecision, number> = { DAY: 1, WEEK: 2, MONTH: 3, YEAR: 3 };
/** ACLED's geo_precision: 1 the town, 2 near it or a part of a region, 3 a larger region. */
const GEO_PRECISION: Record<GeoPrecision, number> = { EXACT: 1, CITY: 1, PROVINCE: 3, COUNTRY: 3 };

const location = (c: ProfileCase) => c.cityArea ?? c.province ?? c.country;
const sourceText = (s: ProfileCase["sources"][number]) => `${s.outlet}: ${s.title}${s.url ? ` <${s.url}>` : ""}`;

/** The columns every profile maps back: what the importer can set on a case. */
const ACLED: Column[] = [
  { header: "event_id_cnty", value: (c) => c.code, target: "code" },
  { header: "event_date", value: (c) => (c.event ? day(c.event.dateEarliest) : "") },
  { header: "time_precision", value: (c) => (c.event ? TIME_PRECISION[c.event.precision] : "") },
  { header: "event_type", value: () => "Refoulement" },
  { header: "sub_event_type", value: (c) => (c.event ? EVENT_LABEL[c.event.type] : "") },
  { header: "country", value: (c) => c.country, target: "country" },
  { header: "admin1", value: (c) => text(c.province), target: "province" },
  { header: "admin2", value: (c) => text(c.cityArea), target: "city" },
  { header: "admin3", value: () => "" },
  { header: "location", value: location },
  { header: "latitude", value: (c) => num(c.latitude) },
  { header: "longitude", value: (c) => num(c.longitude) },
  { header: "geo_precision", value: (c) => (c.geoPrecision ? GEO_PRECISION[c.geoPrecision] : "") },
  { header: "source", value: (c) => c.sources.map((s) => s.outlet).join("; ") },
  { header: "notes", value: (c) => c.summary, target: "summary" },
  // In ACLED's place of "fatalities": the conservative count of people, the figure totals use.
  { header: "people_min", value: (c) => c.sizeMin, target: "sizeMin" },
  { header: "timestamp", value: (c) => Math.floor(c.updatedAt.getTime() / 1000) },
  // What ACLED has no column for, but a case needs to come back whole.
  { header: "title", value: (c) => c.title, target: "title" },
  { header: "status", value: (c) => STATUS_LABEL[c.status], target: "status" },
  { header: "verification", value: (c) => verificationLabel(c.verification), target: "verification" },
  { header: "people_max", value: (c) => num(c.sizeMax), target: "sizeMax" },
  { header: "people_best", value: (c) => num(c.sizeBest), target: "sizeBest" },
  { header: "people_wording", value: (c) => text(c.sizeWording), target: "sizeWording" },
  { header: "event_date_range", value: (c) => dateRange(c, " to "), target: "date" },
  { header: "tags", value: (c) => c.tags.join(", "), target: "tags" },
];

const HXL: Column[] = [
  { header: "Code", hxl: "#event+id", value: (c) => c.code, target: "code" },
  { header: "Title", hxl: "#event+name", value: (c) => c.title, target: "title" },
  { header: "Summary", hxl: "#description", value: (c) => c.summary, target: "summary" },
  { header: "Date", hxl: "#date+range", value: (c) => dateRange(c, " to "), target: "date" },
  { header: "Date start", hxl: "#date+start", value: (c) => (c.event ? day(c.event.dateEarliest) : "") },
  { header: "Date end", hxl: "#date+end", value: (c) => (c.event ? day(c.event.dateLatest) : "") },
  { header: "Date precision", hxl: "#date+precision", value: (c) => c.event?.precision.toLowerCase() ?? "" },
  { header: "Status", hxl: "#status", value: (c) => STATUS_LABEL[c.status], target: "status" },
  {
    header: "Verification",
    hxl: "#status+verification",
    value: (c) => verificationLabel(c.verification),
    target: "verification",
  },
  { header: "People (at least)", hxl: "#affected+min", value: (c) => c.sizeMin, target: "sizeMin" },
  { header: "People (at most)", hxl: "#affected+max", value: (c) => num(c.sizeMax), target: "sizeMax" },
  { header: "People (best estimate)", hxl: "#affected+best", value: (c) => num(c.sizeBest), target: "sizeBest" },
  { header: "People (as worded)", hxl: "#affected+text", value: (c) => text(c.sizeWording), target: "sizeWording" },
  { header: "Country", hxl: "#country+code", value: (c) => c.country, target: "country" },
  { header: "Province", hxl: "#adm1+name", value: (c) => text(c.province), target: "province" },
  { header: "City or area", hxl: "#adm2+name", value: (c) => text(c.cityArea), target: "city" },
  { header: "Location", hxl: "#loc+name", value: location },
  { header: "Latitude", hxl: "#geo+lat", value: (c) => num(c.latitude) },
  { header: "Longitude", hxl: "#geo+lon", value: (c) => num(c.longitude) },
  { header: "Tags", hxl: "#meta+tags", value: (c) => c.tags.join(", "), target: "tags" },
  { header: "Sources", hxl: "#meta+source", value: (c) => c.sources.map(sourceText).join(" | ") },
  { header: "Updated", hxl: "#date+updated", value: (c) => c.updatedAt.toISOString() },
];

const UWAZI: Column[] = [
  { header: "title", value: (c) => c.title, target: "title" },
  { header: "code", value: (c) => c.code, target: "code" },
  { header: "summary", value: (c) => c.summary, target: "summary" },
  // Uwazi's date range: from:to.
  { header: "date", value: (c) => dateRange(c, ":", true), target: "date" },
  { header: "status", value: (c) => STATUS_LABEL[c.status], target: "status" },
  { header: "verification", value: (c) => verificationLabel(c.verification), target: "verification" },
  { header: "people_min", value: (c) => c.sizeMin, target: "sizeMin" },
  { header: "people_max", value: (c) => num(c.sizeMax), target: "sizeMax" },
  { header: "people_best", value: (c) => num(c.sizeBest), target: "sizeBest" },
  { header: "people_wording", value: (c) => text(c.sizeWording), target: "sizeWording" },
  { header: "country", value: (c) => c.country, target: "country" },
  { header: "province", value: (c) => text(c.province), target: "province" },
  { header: "city", value: (c) => text(c.cityArea), target: "city" },
  // Uwazi's geolocation: lat|lon.
  {
    header: "geolocation",
    value: (c) => (c.latitude !== null && c.longitude !== null ? `${c.latitude}|${c.longitude}` : ""),
  },
  // Uwazi's multi-values are joined with |.
  { header: "tags", value: (c) => c.tags.join("|"), target: "tags" },
  { header: "sources", value: (c) => c.sources.map(sourceText).join("|") },
];

const COLUMNS: Record<ExportProfile, Column[]> = { acled: ACLED, hxl: HXL, uwazi: UWAZI };

/** What the export page and the import page call each profile. */
export const PROFILE_LABEL: Record<ExportProfile, string> = {
  acled: "ACLED-style CSV",
  hxl: "HXL (Humanitarian Exchange Language) CSV",
  uwazi: "Uwazi CSV import",
};

/** The header row (and for HXL the hashtag row) of a profile's CSV. */
export function profileHeaderRows(profile: ExportProfile): string[][] {
  const columns = COLUMNS[profile];
  const rows = [columns.map((c) => c.header)];
  if (profile === "hxl") rows.push(columns.map((c) => c.hxl ?? ""));
  return rows;
}

/** One case as one row of a profile's CSV. */
export function profileRow(profile: ExportProfile, c: ProfileCase): Cell[] {
  return COLUMNS[profile].map((col) => quoteQuoted(col.value(c)));
}

/**
 * csv-stringify's escape_formulas writes "-x" as "'-x", and the importer takes one such quote off:
 * a value that itself starts with quotes before = + - @ gets one more, so it too comes back as it was.
 */
function quoteQuoted(cell: Cell): Cell {
  return typeof cell === "string" && /^'+[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

/** The import preset of a profile: header → target, for the columns that go back into a case. */
export function profilePreset(profile: ExportProfile): Record<string, ImportTarget> {
  return Object.fromEntries(COLUMNS[profile].flatMap((c) => (c.target ? [[c.header, c.target]] : [])));
}

/** A file's mapping by a profile's preset: its columns by their header, others ignored. */
export function mappingFromPreset(profile: ExportProfile, headers: string[]): ImportMapping {
  const preset = profilePreset(profile);
  const used = new Set<ImportTarget>();
  return headers.map((h) => {
    const target = preset[h.trim()];
    if (!target || used.has(target)) return "ignore";
    used.add(target);
    return target;
  });
}

/** The profile whose headers a file has (all of them), for the import page's first guess. */
export function profileOfHeaders(headers: string[]): ExportProfile | null {
  const have = new Set(headers.map((h) => h.trim()));
  return EXPORT_PROFILES.find((p) => COLUMNS[p].every((c) => have.has(c.header))) ?? null;
}
