import "server-only";
import { db } from "@/lib/db";
import { caseWhereSql, countCases } from "@/lib/data/case-search";
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
  /** The sources whose quoted passages back these groups' sizes. */
  sources: { id: string; outlet: string; title: string; publishedAt: Date | null }[];
};

/**
 * One key figure: the timeline's count for `query` (the same SQL as /timeline, so the figure and
 * the filtered timeline it links to always agree) and the sources quoted for those groups' sizes.
 */
async function keyFigure(actor: Actor, query: string): Promise<KeyFigure & { query: string }> {
  const filter = filterFromQuery(query);
  const [totals, sources] = await Promise.all([
    countCases(actor, filter),
    db.$queryRaw<KeyFigure["sources"]>(Prisma.sql`
      SELECT DISTINCT s."id", s."outlet", s."title", s."publishedAt" FROM "Source" s
      JOIN "SourceClaim" sc ON sc."sourceId" = s."id" AND sc."deletedAt" IS NULL AND sc."field" = 'sizeMin'
      JOIN "Case" c ON c."id" = sc."caseId"
      WHERE s."deletedAt" IS NULL AND ${caseWhereSql(actor, filter)}
      ORDER BY s."publishedAt" ASC, s."id" LIMIT 20`),
  ]);
  return { ...totals, sources, query: filterToQuery(filter) };
}

/**
 * The home page's key figures over the cases the actor may see, each with the timeline query it
 * counts. Synthetic demo records are left out (the timeline's default): dashboard figures are
 * sourced figures only.
 */
export async function getDashboardFigures(actor: Actor) {
  const [caught, atRisk, repatriated, reachedSafety] = await Promise.all([
    keyFigure(actor, ""),
    keyFigure(actor, AT_RISK_STATUSES.map((s) => `status=${s}`).join("&")),
    keyFigure(actor, "status=REPATRIATED"),
    keyFigure(actor, "status=REACHED_SAFETY"),
  ]);
  return { caught, atRisk, repatriated, reachedSafety };
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
