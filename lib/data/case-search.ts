import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  CaseStatus,
  DataOrigin,
  DatePrecision,
  EventType,
  GeoPrecision,
  Verification,
  Visibility,
} from "@/lib/generated/prisma/enums";
import { caseVisibleSql } from "@/lib/data/visibility";
import { countComposition, includesGroupSql, type CompositionTotals } from "@/lib/data/composition";
import { bilingualMatchSql, needsBilingualSearch } from "@/lib/data/bilingual-search";
import { CASE_FIELDS } from "@/lib/fields/case";
import type { CompositionValues } from "@/lib/fields/case-composition";
import { fieldNames, type FieldSpec } from "@/lib/fields/define";
import { can, visibleCaseLevels, type Actor } from "@/lib/auth/permissions";
import { termIdsSql } from "@/lib/data/vocabularies";
import { termSpec, type EventTermField } from "@/lib/fields/event";
import {
  parseCaseQuery,
  TERM_FILTERS,
  type TermFilterParam,
  type CaseFilter,
  type ChartUnit,
  type Listing,
  type ParamErrors,
} from "@/lib/validations/case-filter";

/**
 * Filtering, counting, charting and exporting the cases a reader may see, all in SQL: one WHERE
 * clause built here serves the pages, the exports and the API, so they cannot disagree. Every
 * value goes in as a bound parameter (Prisma.sql), never spliced into the text.
 */

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A filter the actor may not use (it would reveal what they may not see), by parameter name. */
function forbiddenFilterParams(actor: Actor, filter: CaseFilter): ParamErrors {
  const errors: ParamErrors = {};
  // Which cases went to which contact is advocacy data: filtering by it would reveal it.
  if (filter.contact && !can(actor, "read:advocacy:any"))
    errors.contact = "Filtering by advocacy contact needs an editor's account.";
  return errors;
}

/**
 * The filter's date range as an inclusive daterange; a missing end is unbounded. Overlap (&&) with
 * an event's [earliest, latest] is "the event may have happened in the range", and it is what the
 * GiST indexes on both tables serve: two separate comparisons would be estimated independently and
 * planned as sequential scans (npm run bench: 224 ms → 17 ms for a month at 100,000 cases).
 */
function filterRange(filter: CaseFilter): Prisma.Sql {
  return Prisma.sql`daterange(${filter.from ? isoDay(filter.from) : null}::date, ${filter.to ? isoDay(filter.to) : null}::date, '[]')`;
}

/** Conditions on one event (alias e) that date and type filters put on "an event of the case". */
function eventConditions(filter: CaseFilter): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (filter.from || filter.to)
    parts.push(Prisma.sql`daterange(e."dateEarliest", e."dateLatest", '[]') && ${filterRange(filter)}`);
  if (filter.exact) parts.push(Prisma.sql`e."precision" = 'DAY'`);
  if (filter.type.length) parts.push(Prisma.sql`e."type" = ANY(CAST(${filter.type} AS "EventType"[]))`);
  // Research fields: the same event holds the term ("repatriated through Dandong–Sinuiju in 2017").
  for (const [param, field] of Object.entries(TERM_FILTERS) as [TermFilterParam, EventTermField][])
    if (filter[param].length)
      parts.push(Prisma.sql`e.${Prisma.raw(`"${field}"`)} IN ${termIdsSql(termSpec(field).vocabulary, filter[param])}`);
  return parts;
}

const tsQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;

/**
 * The WHERE clause (on "Case" c) for the cases `actor` may see that match `filter`. The text
 * expressions match the GIN indexes in the migrations exactly, so the planner can use them.
 */
export function caseWhereSql(actor: Actor, filter: CaseFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [caseVisibleSql(actor)];
  const origins: DataOrigin[] =
    filter.data === "all" ? ["SOURCED", "SYNTHETIC"] : filter.data === "synthetic" ? ["SYNTHETIC"] : ["SOURCED"];
  parts.push(Prisma.sql`c."origin" = ANY(CAST(${origins} AS "DataOrigin"[]))`);

  const events = eventConditions(filter);
  if (events.length) {
    // The case's own date span bounds every event's range: a cheap, indexed pre-filter.
    if (filter.from || filter.to)
      parts.push(Prisma.sql`daterange(c."firstEventEarliest", c."lastEventLatest", '[]') && ${filterRange(filter)}`);
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."deletedAt" IS NULL AND ${Prisma.join(events, " AND ")})`,
    );
  }
  if (filter.status.length) parts.push(Prisma.sql`c."status" = ANY(CAST(${filter.status} AS "CaseStatus"[]))`);
  if (filter.verification.length)
    parts.push(Prisma.sql`c."verification" = ANY(CAST(${filter.verification} AS "Verification"[]))`);
  if (filter.country) parts.push(Prisma.sql`c."country" = ${filter.country}`);
  if (filter.province) parts.push(Prisma.sql`lower(c."province") = lower(${filter.province})`);
  if (filter.city) parts.push(Prisma.sql`lower(c."cityArea") = lower(${filter.city})`);
  if (filter.sizeMin !== undefined) parts.push(Prisma.sql`c."sizeMin" >= ${filter.sizeMin}`);
  if (filter.sizeMax !== undefined) parts.push(Prisma.sql`c."sizeMin" <= ${filter.sizeMax}`);
  for (const group of filter.includes) parts.push(includesGroupSql(group));
  if (filter.tag.length) parts.push(Prisma.sql`c."tags" @> CAST(${filter.tag} AS text[])`);
  if (filter.outlet) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "SourceClaim" sc JOIN "Source" s ON s."id" = sc."sourceId"
      WHERE sc."caseId" = c."id" AND sc."deletedAt" IS NULL AND s."deletedAt" IS NULL AND s."outlet" = ${filter.outlet})`);
  }
  if (filter.contact && can(actor, "read:advocacy:any")) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "AdvocacyAction" a WHERE a."caseId" = c."id" AND a."deletedAt" IS NULL AND a."contactId" = ${filter.contact})`,
    );
  }
  if (filter.q && needsBilingualSearch(filter.q)) {
    // Hangul, or a place name to find in both languages: lib/data/bilingual-search.ts (decision 016).
    const match = bilingualMatchSql(filter.q);
    if (match) parts.push(Prisma.sql`c."id" IN (${match})`);
  } else if (filter.q) {
    // A UNION of two sets each found through its GIN index. Written as "case text matches OR
    // EXISTS (source text matches)", the planner cannot use the case index for one side of the OR
    // and computes to_tsvector for every visible case (npm run bench: 3.3 s → 8 ms, rare word).
    parts.push(Prisma.sql`c."id" IN (
      SELECT x."id" FROM "Case" x WHERE to_tsvector('english', (x."title"::text || ' '::text) || x."summary"::text) @@ ${tsQuery(filter.q)}
      UNION
      SELECT x."id" FROM "Case" x WHERE to_tsvector('english', (COALESCE(x."titleAlt", '')::text || ' '::text) || x."summaryAlt"::text) @@ ${tsQuery(filter.q)}
      UNION
      SELECT sc."caseId" FROM "SourceClaim" sc JOIN "Source" s ON s."id" = sc."sourceId"
      WHERE sc."deletedAt" IS NULL AND s."deletedAt" IS NULL AND to_tsvector('english', s."text") @@ ${tsQuery(filter.q)})`);
  }
  return Prisma.join(parts, " AND ");
}

const ORDER: Record<string, Prisma.Sql> = {
  date: Prisma.sql`c."firstEventEarliest" ASC NULLS LAST, c."code" ASC`,
  "-date": Prisma.sql`c."firstEventEarliest" DESC NULLS LAST, c."code" ASC`,
  size: Prisma.sql`c."sizeMin" ASC, c."code" ASC`,
  "-size": Prisma.sql`c."sizeMin" DESC, c."code" ASC`,
  code: Prisma.sql`c."code" ASC`,
  "-code": Prisma.sql`c."code" DESC`,
  place: Prisma.sql`c."country" ASC, c."province" ASC NULLS LAST, c."cityArea" ASC NULLS LAST, c."code" ASC`,
  "-place": Prisma.sql`c."country" DESC, c."province" DESC NULLS LAST, c."cityArea" DESC NULLS LAST, c."code" ASC`,
  status: Prisma.sql`c."status" ASC, c."code" ASC`,
  "-status": Prisma.sql`c."status" DESC, c."code" ASC`,
};

/**
 * The columns a list row has: what any reader of the case may see. The published fields (those the API
 * or the export carries) come from the case's field table, so a new one reaches the API and the export
 * without a change here; the names are the table's own, never a request's.
 */
const PUBLISHED_FIELDS = fieldNames(CASE_FIELDS).filter(
  (n) => (CASE_FIELDS.fields[n] as FieldSpec).api || (CASE_FIELDS.fields[n] as FieldSpec).exportColumn,
);
const ROW_COLUMNS = Prisma.raw(
  [
    ...new Set([
      "id",
      "code",
      ...PUBLISHED_FIELDS,
      "latitude",
      "longitude",
      "firstEventEarliest",
      "lastEventLatest",
      "visibility",
      "origin",
      "updatedAt",
    ]),
  ]
    .map((column) => `c."${column}"`)
    .join(", "),
);

export type CaseRow = {
  id: string;
  code: string;
  title: string;
  summary: string;
  lang: string;
  titleAlt: string | null;
  summaryAlt: string;
  status: CaseStatus;
  verification: Verification;
  sizeMin: number;
  sizeMax: number | null;
  sizeBest: number | null;
  sizeWording: string | null;
  country: string;
  province: string | null;
  cityArea: string | null;
  latitude: number | null;
  longitude: number | null;
  firstEventEarliest: Date | null;
  lastEventLatest: Date | null;
  tags: string[];
  visibility: Visibility;
  origin: DataOrigin;
  updatedAt: Date;
} & CompositionValues;

export type Totals = { groups: number; peopleAtLeast: number; peopleBest: number };

/** Groups and people (conservative and best estimate) over every case matching the filter. */
export async function countCases(actor: Actor, filter: CaseFilter): Promise<Totals> {
  const [row] = await db.$queryRaw<{ groups: bigint; at_least: bigint | null; best: bigint | null }[]>(Prisma.sql`
    SELECT count(*) AS groups, sum(c."sizeMin") AS at_least, sum(COALESCE(c."sizeBest", c."sizeMin")) AS best
    FROM "Case" c WHERE ${caseWhereSql(actor, filter)}`);
  return { groups: Number(row.groups), peopleAtLeast: Number(row.at_least ?? 0), peopleBest: Number(row.best ?? 0) };
}

/** One page of matching cases in the chosen order, with the totals over all of them. */
export async function searchCases(
  actor: Actor,
  filter: CaseFilter,
  listing: Pick<Listing, "sort" | "page" | "pageSize">,
) {
  const totals = await countCases(actor, filter);
  const pageCount = Math.max(1, Math.ceil(totals.groups / listing.pageSize));
  const page = Math.min(listing.page, pageCount);
  const items = await db.$queryRaw<CaseRow[]>(Prisma.sql`
    SELECT ${ROW_COLUMNS} FROM "Case" c WHERE ${caseWhereSql(actor, filter)}
    ORDER BY ${ORDER[listing.sort]} LIMIT ${listing.pageSize} OFFSET ${(page - 1) * listing.pageSize}`);
  return { items, totals, page, pageCount, pageSize: listing.pageSize };
}

export type SourceRef = {
  caseId: string;
  id: string;
  outlet: string;
  title: string;
  url: string | null;
  publishedAt: Date | null;
  sha256: string;
};

/** The sources quoted on each of `caseIds`, in one query (no query per case). */
export async function sourcesForCases(caseIds: string[]): Promise<Map<string, SourceRef[]>> {
  const bySource = new Map<string, SourceRef[]>();
  if (caseIds.length === 0) return bySource;
  const rows = await db.$queryRaw<SourceRef[]>(Prisma.sql`
    SELECT DISTINCT sc."caseId", s."id", s."outlet", s."title", s."url", s."publishedAt", s."sha256"
    FROM "SourceClaim" sc JOIN "Source" s ON s."id" = sc."sourceId"
    WHERE sc."caseId" = ANY(CAST(${caseIds} AS text[])) AND sc."deletedAt" IS NULL AND s."deletedAt" IS NULL
    ORDER BY sc."caseId", s."publishedAt" ASC NULLS LAST, s."id"`);
  for (const row of rows) bySource.set(row.caseId, [...(bySource.get(row.caseId) ?? []), row]);
  return bySource;
}

export const EXPORT_BATCH = 500;

/**
 * Every matching case in code order, in batches with their sources, for streaming exports. The
 * filter runs once, for the ids only (about 25 bytes a row: 2.5 MB per 100,000); rows and sources
 * are then read batch by batch, so the rows themselves are never all in memory. Running the whole
 * filter again for every batch made a 6,000-row export twice as slow (npm run bench).
 */
export async function* streamCases(
  actor: Actor,
  filter: CaseFilter,
): AsyncGenerator<{ rows: CaseRow[]; sources: Map<string, SourceRef[]> }> {
  const ids = (
    await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT c."id" FROM "Case" c WHERE ${caseWhereSql(actor, filter)} ORDER BY c."code" ASC`,
    )
  ).map((r) => r.id);
  for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
    const batch = ids.slice(start, start + EXPORT_BATCH);
    // Visibility was checked when the ids were chosen; it is checked again here, in case a case
    // was archived or made restricted while the export was running.
    const rows = await db.$queryRaw<CaseRow[]>(Prisma.sql`
      SELECT ${ROW_COLUMNS} FROM "Case" c WHERE c."id" = ANY(CAST(${batch} AS text[])) AND ${caseVisibleSql(actor)}
      ORDER BY c."code" ASC`);
    if (rows.length) yield { rows, sources: await sourcesForCases(rows.map((r) => r.id)) };
  }
}

export type ChartCell = {
  start: string;
  end: string;
  status: CaseStatus;
  groups: number;
  peopleAtLeast: number;
  peopleBest: number;
};

/**
 * People and groups per period, by status. Each case is placed by when it was caught: its first
 * arrest or detention that matches the filter, else its first matching event (an appeal or talks
 * only when nothing else is dated), and keeps that event's uncertainty:
 * `start` and `end` are the periods of the earliest and latest possible date, equal when the date
 * falls in one period, so a chart can draw a range instead of inventing a point.
 */
export async function chartCases(actor: Actor, filter: CaseFilter, unit: ChartUnit): Promise<ChartCell[]> {
  const events = eventConditions(filter);
  const unitSql = Prisma.raw(`'${unit}'`); // from a closed list (CHART_UNITS), never user text
  const matching = events.length ? Prisma.sql`AND ${Prisma.join(events, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<
    { start: Date; end: Date; status: CaseStatus; groups: bigint; at_least: bigint; best: bigint }[]
  >(Prisma.sql`
    SELECT date_trunc(${unitSql}, ev."dateEarliest")::date AS start, date_trunc(${unitSql}, ev."dateLatest")::date AS "end", c."status",
           count(*) AS groups, sum(c."sizeMin") AS at_least, sum(COALESCE(c."sizeBest", c."sizeMin")) AS best
    FROM "Case" c
    JOIN LATERAL (
      SELECT e."dateEarliest", e."dateLatest" FROM "CaseEvent" e
      WHERE e."caseId" = c."id" AND e."deletedAt" IS NULL ${matching}
      ORDER BY (e."type" IN ('ARRESTED', 'DETAINED')) DESC, e."dateEarliest", e."createdAt" LIMIT 1
    ) ev ON true
    WHERE ${caseWhereSql(actor, filter)}
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  return rows.map((r) => ({
    start: isoDay(r.start),
    end: isoDay(r.end),
    status: r.status,
    groups: Number(r.groups),
    peopleAtLeast: Number(r.at_least),
    peopleBest: Number(r.best),
  }));
}

export type PlaceCount = {
  country: string;
  province: string | null;
  cityArea: string | null;
  latitude: number | null;
  longitude: number | null;
  groups: number;
  peopleAtLeast: number;
};

/** Matching cases counted by place (country, province, city), with their mean coordinates when recorded. */
export async function countByPlace(actor: Actor, filter: CaseFilter): Promise<PlaceCount[]> {
  const rows = await db.$queryRaw<
    (Omit<PlaceCount, "groups" | "peopleAtLeast"> & { groups: bigint; at_least: bigint })[]
  >(Prisma.sql`
    SELECT c."country", c."province", c."cityArea", avg(c."latitude") AS latitude, avg(c."longitude") AS longitude,
           count(*) AS groups, sum(c."sizeMin") AS at_least
    FROM "Case" c WHERE ${caseWhereSql(actor, filter)}
    GROUP BY 1, 2, 3 ORDER BY at_least DESC, 1, 2, 3 LIMIT 500`);
  return rows.map((r) => ({ ...r, groups: Number(r.groups), peopleAtLeast: Number(r.at_least) }));
}

/**
 * The filter and listing options of a request, checked for this actor: what pages, exports and
 * the API all start from. On failure, `errors` names each bad parameter.
 */
export function readCaseQuery(
  actor: Actor,
  raw: Record<string, string | string[] | undefined>,
): { ok: true; filter: CaseFilter; listing: Listing } | { ok: false; errors: ParamErrors } {
  const parsed = parseCaseQuery(raw);
  if (!parsed.ok) return parsed;
  const forbidden = forbiddenFilterParams(actor, parsed.filter);
  return Object.keys(forbidden).length ? { ok: false, errors: forbidden } : parsed;
}

/**
 * Outlets of the sources quoted on cases the actor may see, for the filter's suggestions. There are
 * few outlets and many sources: the distinct outlets are walked on their index (a "skip scan", one
 * probe per outlet) and each is kept when one visible case quotes one of its sources, which stops at
 * the first such claim. Joining every claim to its case and source first, then de-duplicating, cost
 * 235 ms of a 367 ms month view at 100,000 cases (issue 12; npm run bench:http).
 */
export async function listOutlets(actor: Actor): Promise<string[]> {
  const levels: Visibility[] = visibleCaseLevels(actor);
  const rows = await db.$queryRaw<{ outlet: string }[]>(Prisma.sql`
    WITH RECURSIVE o AS (
      (SELECT s."outlet" FROM "Source" s ORDER BY s."outlet" LIMIT 1)
      UNION ALL
      SELECT (SELECT s."outlet" FROM "Source" s WHERE s."outlet" > o."outlet" ORDER BY s."outlet" LIMIT 1)
      FROM o WHERE o."outlet" IS NOT NULL
    )
    SELECT o."outlet" FROM o
    WHERE o."outlet" IS NOT NULL AND EXISTS (
      SELECT 1 FROM "Source" s
      JOIN "SourceClaim" sc ON sc."sourceId" = s."id" AND sc."deletedAt" IS NULL
      JOIN "Case" c ON c."id" = sc."caseId" AND c."deletedAt" IS NULL AND c."visibility" = ANY(CAST(${levels} AS "Visibility"[]))
      WHERE s."outlet" = o."outlet" AND s."deletedAt" IS NULL)
    ORDER BY 1 LIMIT 300`);
  return rows.map((r) => r.outlet);
}

/** A sensible chart step for the filter's date range: weeks up to ~4 months, months up to 4 years, else years. */
export function defaultChartUnit(filter: CaseFilter): ChartUnit {
  if (!filter.from || !filter.to) return "year";
  const days = (filter.to.getTime() - filter.from.getTime()) / 86_400_000;
  return days <= 120 ? "week" : days <= 4 * 366 ? "month" : "year";
}

/** The most recently changed sourced cases the actor may see, for the dashboard. */
export async function listRecentlyUpdated(actor: Actor, limit = 5): Promise<CaseRow[]> {
  const filter = parseCaseQuery({});
  if (!filter.ok) return [];
  return db.$queryRaw<CaseRow[]>(Prisma.sql`
    SELECT ${ROW_COLUMNS} FROM "Case" c WHERE ${caseWhereSql(actor, filter.filter)}
    ORDER BY c."updatedAt" DESC, c."code" ASC LIMIT ${limit}`);
}

export type ProfileExtras = {
  geoPrecision: GeoPrecision | null;
  event: { type: EventType; dateEarliest: Date; dateLatest: Date; precision: DatePrecision } | null;
};

/**
 * What the export profiles (lib/export/profiles.ts) add to a case row: how exact its coordinates are,
 * and its earliest event (the date an ACLED, HXL or Uwazi row carries), in one query for a batch.
 * Only for cases the caller has already read through streamCases (visibility checked there).
 */
export async function profileExtrasForCases(caseIds: string[]): Promise<Map<string, ProfileExtras>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    {
      caseId: string;
      geoPrecision: GeoPrecision | null;
      type: EventType | null;
      dateEarliest: Date | null;
      dateLatest: Date | null;
      precision: DatePrecision | null;
    }[]
  >(Prisma.sql`
    SELECT c."id" AS "caseId", c."geoPrecision", e."type", e."dateEarliest", e."dateLatest", e."precision"
    FROM "Case" c
    LEFT JOIN LATERAL (
      SELECT ev."type", ev."dateEarliest", ev."dateLatest", ev."precision" FROM "CaseEvent" ev
      WHERE ev."caseId" = c."id" AND ev."deletedAt" IS NULL
      ORDER BY ev."dateEarliest", ev."dateLatest", ev."id" LIMIT 1
    ) e ON true
    WHERE c."id" = ANY(CAST(${caseIds} AS text[]))`);
  return new Map(
    rows.map((r) => [
      r.caseId,
      {
        geoPrecision: r.geoPrecision,
        event:
          r.type && r.dateEarliest && r.dateLatest && r.precision
            ? { type: r.type, dateEarliest: r.dateEarliest, dateLatest: r.dateLatest, precision: r.precision }
            : null,
      },
    ]),
  );
}

/** At-least counts of women, children and the other parts over every case matching the filter. */
export async function countCaseComposition(actor: Actor, filter: CaseFilter): Promise<CompositionTotals> {
  return countComposition(caseWhereSql(actor, filter));
}
