import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { caseVisibleSql, caseVisibleTo } from "@/lib/data/visibility";
import { CASE_COLUMNS } from "@/lib/fields/case";
import { caseComposition, compositionSelect } from "@/lib/data/composition";
import { CASE_CODE } from "@/lib/validations/fields";
import { selectOf } from "@/lib/fields/define";
import { EVENT_COLUMNS } from "@/lib/fields/event";
import { eventTermsSelect } from "@/lib/data/vocabularies";
import { ADVOCACY_COLUMNS } from "@/lib/fields/advocacy";

/** Every column of a case that its field table names (lib/fields/case.ts): what its edit form shows. */
export const caseColumnsSelect = selectOf(CASE_COLUMNS);

const caseListSelect = {
  code: true,
  title: true,
  status: true,
  verification: true,
  sizeMin: true,
  sizeMax: true,
  sizeBest: true,
  sizeWording: true,
  country: true,
  province: true,
  cityArea: true,
  firstEventEarliest: true,
  lastEventLatest: true,
  visibility: true,
  origin: true,
} satisfies Prisma.CaseSelect;

const sourceSummarySelect = {
  id: true,
  outlet: true,
  title: true,
  author: true,
  language: true,
  url: true,
  publishedAt: true,
  retrievedAt: true,
  sha256: true,
  reliability: true,
} satisfies Prisma.SourceSelect;

const claimSelect = {
  id: true,
  target: true,
  field: true,
  value: true,
  quote: true,
  eventId: true,
  source: { select: sourceSummarySelect },
} satisfies Prisma.SourceClaimSelect;

export type ClaimDto = Prisma.SourceClaimGetPayload<{ select: typeof claimSelect }>;
export type SourceSummary = Prisma.SourceGetPayload<{ select: typeof sourceSummarySelect }>;

/**
 * One case with its events, sources and the quotes behind each figure, or null when it does not
 * exist or the actor may not see it (the page then answers 404, so existence does not leak).
 * Loaded once per request (React cache(), keyed by the request's actor and the code): the page's
 * metadata and its body share it, where each loaded it before (issue 12).
 */
export const getCaseByCode = cache(async (actor: Actor, code: string) => {
  if (!CASE_CODE.test(code)) return null;
  return loadCase({ ...caseVisibleTo(actor), code }, actor);
});

/**
 * The case exactly as a visitor would see it once published, for an editor about to publish it
 * (or checking a published one). The case must be one the editor may see.
 */
export async function getCasePublishPreview(actor: Actor, code: string) {
  if (!can(actor, "publish:case:any") || !CASE_CODE.test(code)) return null;
  return loadCase({ ...caseVisibleTo(actor), code }, null);
}

/** Loads one case matched by `where`, with only the parts `actor` may see (null: a visitor's view). */
async function loadCase(where: Prisma.CaseWhereInput, actor: Actor) {
  const found = await db.case.findFirst({
    where,
    select: {
      ...caseListSelect,
      id: true,
      summary: true,
      lang: true,
      titleAlt: true,
      summaryAlt: true,
      priority: true,
      statusManual: true,
      tags: true,
      latitude: true,
      longitude: true,
      geoPrecision: true,
      familyInSouthMin: true,
      familyInSouthMax: true,
      askedForHelpMin: true,
      askedForHelpMax: true,
      ...compositionSelect,
      version: true,
      createdAt: true,
      updatedAt: true,
      events: {
        where: { deletedAt: null },
        orderBy: [{ dateEarliest: "asc" }, { createdAt: "asc" }],
        select: { id: true, ...selectOf(EVENT_COLUMNS), ...eventTermsSelect, version: true },
      },
      claims: { where: { deletedAt: null }, select: claimSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!found) return null;
  // Advocacy (who was approached, and how) is for the people doing it, not for the public page.
  const actions = can(actor, "read:advocacy:any")
    ? await db.advocacyAction.findMany({
        where: { caseId: found.id, deletedAt: null },
        orderBy: { date: "asc" },
        select: {
          id: true,
          ...selectOf(ADVOCACY_COLUMNS),
          contact: { select: { id: true, name: true, kind: true, organisation: true, role: true } },
        },
      })
    : [];
  // Why a status was set by hand, for those who read the record's history (the reason may be internal).
  const statusReason =
    found.statusManual && can(actor, "read:history:case")
      ? ((
          await db.recordChange.findFirst({
            where: { entity: "Case", entityId: found.id, field: "status" },
            orderBy: { id: "desc" },
            select: { reason: true },
          })
        )?.reason ?? null)
      : null;
  const { claims, ...rest } = found;
  return {
    ...rest,
    composition: await caseComposition(found.id, found),
    statusReason,
    actions,
    caseClaims: claims.filter((c) => c.target === "CASE"),
    fieldClaims: groupBy(
      claims.filter((c) => c.target === "FIELD" && c.field),
      (c) => c.field as string,
    ),
    eventClaims: groupBy(
      claims.filter((c) => c.target === "EVENT" && c.eventId),
      (c) => c.eventId as string,
    ),
    sources: uniqueBy(
      claims.map((c) => c.source),
      (s) => s.id,
    ),
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseByCode>>>;

function groupBy<T>(items: T[], key: (t: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) (out[key(item)] ??= []).push(item);
  return out;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
}

/**
 * Cases that might be the same group: same place and a similar size; with `near` (a spreadsheet
 * row's dates, widened by the caller), also dates that overlap it.
 */
export async function findPossibleDuplicates(
  actor: Actor,
  input: {
    country: string;
    province?: string;
    sizeMin: number;
    excludeCode?: string;
    near?: { from: Date; to: Date };
  },
) {
  if (!can(actor, "create:case:any")) return [];
  const size = similarSizes(input.sizeMin);
  return db.case.findMany({
    where: {
      ...caseVisibleTo(actor),
      country: input.country,
      ...(input.province ? { province: { equals: input.province, mode: "insensitive" } } : {}),
      sizeMin: { gte: size.from, lte: size.to },
      ...(input.excludeCode ? { code: { not: input.excludeCode } } : {}),
      ...(input.near ? { firstEventEarliest: { lte: input.near.to }, lastEventLatest: { gte: input.near.from } } : {}),
    },
    orderBy: { firstEventEarliest: { sort: "desc", nulls: "last" } },
    take: 10,
    select: {
      code: true,
      title: true,
      sizeMin: true,
      sizeMax: true,
      province: true,
      cityArea: true,
      firstEventEarliest: true,
      status: true,
    },
  });
}

/** Group sizes close enough to `sizeMin` to be the same group: 30% either side, at least 2. */
function similarSizes(sizeMin: number): { from: number; to: number } {
  const slack = Math.max(2, Math.round(sizeMin * 0.3));
  return { from: Math.max(1, sizeMin - slack), to: sizeMin + slack };
}

/** Rows per duplicate query of an import. */
const DUPLICATE_CHUNK = 1_000;

/** A spreadsheet row as the duplicate finder takes it; `near` is its dates, widened by the caller. */
export type DuplicateProbe = {
  key: number;
  country: string;
  province?: string | null;
  sizeMin: number;
  near?: { from: Date; to: Date } | null;
};

/**
 * findPossibleDuplicates for many rows at once: the same rule (same place, similar size, dates that
 * overlap `near`), up to 10 matches per row, in one query per 1,000 rows instead of one per row.
 */
export async function findPossibleDuplicatesOfRows(
  actor: Actor,
  probes: DuplicateProbe[],
): Promise<Map<number, { code: string; title: string }[]>> {
  const out = new Map<number, { code: string; title: string }[]>();
  if (!can(actor, "create:case:any") || probes.length === 0) return out;
  const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : null);
  // Rows with dates and rows without go separately: a dated row's cases are found through the GiST
  // index on the case's event span (Case_eventSpan_gist_idx), an undated row's by recency.
  const dated = probes.filter((p) => p.near);
  const undated = probes.filter((p) => !p.near);
  const spanOverlaps = Prisma.sql`c."firstEventEarliest" IS NOT NULL AND c."lastEventLatest" IS NOT NULL
    AND daterange(c."firstEventEarliest", c."lastEventLatest", '[]') && daterange(r.near_from, r.near_to, '[]')`;
  for (const [list, dateCondition] of [
    [dated, spanOverlaps],
    [undated, Prisma.sql`TRUE`],
  ] as const) {
    for (let at = 0; at < list.length; at += DUPLICATE_CHUNK) {
      const chunk = list.slice(at, at + DUPLICATE_CHUNK);
      const sizes = chunk.map((p) => similarSizes(p.sizeMin));
      // A chunk of a big file against a big table can pass the app's per-statement timeout (made for
      // page requests): measured by npm run bench, 5,000 rows against 100,000 cases did. This runs in an
      // import job, not a page, so its own transaction lifts the limit for this one statement.
      const rows = await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
          // OFFSET 0 keeps the inner filter (index on the span) from being turned into a walk of the
          // recency index until 10 rows match, which for an old date reads most of the table.
          return tx.$queryRaw<{ key: number; code: string; title: string }[]>(Prisma.sql`
            SELECT r.key, m.code, m.title
            FROM unnest(${chunk.map((p) => p.key)}::int[], ${chunk.map((p) => p.country)}::text[],
                        ${chunk.map((p) => p.province || null)}::text[], ${sizes.map((s) => s.from)}::int[],
                        ${sizes.map((s) => s.to)}::int[], ${chunk.map((p) => day(p.near?.from))}::date[],
                        ${chunk.map((p) => day(p.near?.to))}::date[])
                 AS r(key, country, province, size_from, size_to, near_from, near_to)
            CROSS JOIN LATERAL (
              SELECT f.code, f.title, f.first FROM (
                SELECT c."code" AS code, c."title" AS title, c."firstEventEarliest" AS first FROM "Case" c
                WHERE ${caseVisibleSql(actor)}
                  AND c."country" = r.country
                  AND (r.province IS NULL OR lower(c."province") = lower(r.province))
                  AND c."sizeMin" BETWEEN r.size_from AND r.size_to
                  AND ${dateCondition}
                OFFSET 0
              ) f
              ORDER BY f.first DESC NULLS LAST, f.code
              LIMIT 10
            ) m
            ORDER BY r.key, m.first DESC NULLS LAST, m.code`);
        },
        { timeout: 30 * 60_000 },
      );
      for (const r of rows) {
        const found = out.get(r.key) ?? [];
        found.push({ code: r.code, title: r.title });
        out.set(r.key, found);
      }
    }
  }
  return out;
}

/** Archived cases the actor may see, for the "Archived" list with its restore buttons. */
export async function listArchivedCases(actor: Actor) {
  if (!can(actor, "archive:case:any")) return [];
  return db.case.findMany({
    where: { visibility: caseVisibleTo(actor).visibility, deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    take: 200,
    select: { code: true, title: true, version: true, deletedAt: true, updatedBy: { select: { name: true } } },
  });
}

/** The current values of a case, for its edit form. */
export async function getCaseForEdit(actor: Actor, code: string) {
  if (!can(actor, "update:case:any")) return null;
  return db.case.findFirst({
    where: { ...caseVisibleTo(actor), code },
    select: { code: true, version: true, ...caseColumnsSelect },
  });
}
