import "server-only";
import { db } from "@/lib/db";
import { caseWhereSql } from "@/lib/data/case-search";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { filterFromQuery, filterToQuery } from "@/lib/validations/case-filter";

/** Statuses that mean the people are still held and may be sent back. */
export const AT_RISK_STATUSES = ["REPORTED_DETAINED", "AT_RISK_OF_REPATRIATION"] as const;

export type KeyFigure = {
  /** Conservative total: the sum of each group's minimum size. */
  peopleAtLeast: number;
  /** The sum of each group's best estimate (its minimum where no best estimate is given). */
  peopleBest: number;
  groups: number;
  /** The sources whose quoted passages back these groups' sizes (and, for a figure by status, their status). */
  sources: { id: string; outlet: string; title: string; publishedAt: Date | null }[];
};

const FIGURES = {
  caught: "",
  atRisk: AT_RISK_STATUSES.map((s) => `status=${s}`).join("&"),
  repatriated: "status=REPATRIATED",
  reachedSafety: "status=REACHED_SAFETY",
} as const;
type FigureName = keyof typeof FIGURES;

/**
 * The home page's key figures over the cases the actor may see, each with the timeline query it
 * counts. Each figure's condition is the timeline's own WHERE clause for its query (caseWhereSql), so
 * a figure and the filtered timeline it links to always agree; the four are counted in one pass over
 * the cases (FILTER), where four separate counts each scanned the table (issue 12). The sources quoted
 * for the groups' sizes come with each. Synthetic demo records are left out (the timeline's default):
 * dashboard figures are sourced figures only.
 */
export async function getDashboardFigures(actor: Actor): Promise<Record<FigureName, KeyFigure & { query: string }>> {
  const names = Object.keys(FIGURES) as FigureName[];
  const filters = names.map((name) => filterFromQuery(FIGURES[name]));
  const columns = names.map((_, i) => {
    const where = caseWhereSql(actor, filters[i]);
    return Prisma.sql`count(*) FILTER (WHERE ${where}) AS ${Prisma.raw(`g${i}`)},
      COALESCE(sum(c."sizeMin") FILTER (WHERE ${where}), 0) AS ${Prisma.raw(`a${i}`)},
      COALESCE(sum(COALESCE(c."sizeBest", c."sizeMin")) FILTER (WHERE ${where}), 0) AS ${Prisma.raw(`b${i}`)}`;
  });
  const [[counts], ...sources] = await Promise.all([
    // Every figure counts a subset of the first (no filter): its WHERE bounds the scan.
    db.$queryRaw<Record<string, bigint>[]>(
      Prisma.sql`SELECT ${Prisma.join(columns, ", ")} FROM "Case" c WHERE ${caseWhereSql(actor, filters[0])}`,
    ),
    // A figure counted by status ("Repatriated") also names the passages that back each case's current
    // status, not only those behind its size: the report that says they were returned is cited.
    ...filters.map((filter, i) =>
      db.$queryRaw<KeyFigure["sources"]>(Prisma.sql`
        SELECT DISTINCT s."id", s."outlet", s."title", s."publishedAt" FROM "Source" s
        JOIN "SourceClaim" sc ON sc."sourceId" = s."id" AND sc."deletedAt" IS NULL
        JOIN "Case" c ON c."id" = sc."caseId" AND (sc."field" = 'sizeMin'${
          FIGURES[names[i]] ? Prisma.sql` OR (sc."field" = 'status' AND sc."value" = c."status"::text)` : Prisma.empty
        })
        WHERE s."deletedAt" IS NULL AND ${caseWhereSql(actor, filter)}
        ORDER BY s."publishedAt" ASC, s."id" LIMIT 20`),
    ),
  ]);
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      {
        groups: Number(counts[`g${i}`]),
        peopleAtLeast: Number(counts[`a${i}`]),
        peopleBest: Number(counts[`b${i}`]),
        sources: sources[i],
        query: filterToQuery(filters[i]),
      },
    ]),
  ) as Record<FigureName, KeyFigure & { query: string }>;
}

/** Reference series (e.g. annual arrivals) with the source each comes from. */
export async function listStatSeries() {
  return db.statSeries.findMany({
    orderBy: { title: "asc" },
    select: {
      key: true,
      title: true,
      unit: true,
      quote: true,
      source: { select: { id: true, outlet: true, title: true, publishedAt: true } },
      points: { select: { period: true, value: true }, orderBy: { period: "asc" } },
    },
  });
}
