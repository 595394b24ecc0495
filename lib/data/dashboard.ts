import "server-only";
import { db } from "@/lib/db";
import { visibleCaseWhere } from "@/lib/data/cases";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";

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

async function keyFigure(where: Prisma.CaseWhereInput): Promise<KeyFigure> {
  const [agg, best, sources] = await Promise.all([
    db.case.aggregate({ where, _sum: { sizeMin: true }, _count: { _all: true } }),
    // COALESCE(sizeBest, sizeMin) cannot be expressed as a Prisma aggregate: sum both parts.
    db.case.aggregate({ where: { ...where, sizeBest: { not: null } }, _sum: { sizeBest: true } }),
    db.source.findMany({
      where: { deletedAt: null, claims: { some: { deletedAt: null, field: "sizeMin", case: where } } },
      select: { id: true, outlet: true, title: true, publishedAt: true },
      orderBy: { publishedAt: "asc" },
    }),
  ]);
  const withoutBest = await db.case.aggregate({ where: { ...where, sizeBest: null }, _sum: { sizeMin: true } });
  return {
    peopleAtLeast: agg._sum.sizeMin ?? 0,
    peopleBest: (best._sum.sizeBest ?? 0) + (withoutBest._sum.sizeMin ?? 0),
    groups: agg._count._all,
    sources,
  };
}

/**
 * The home page's key figures over the cases the actor may see. Synthetic demo records are left
 * out: figures on the dashboard are sourced figures only.
 */
export async function getDashboardFigures(actor: Actor) {
  const sourced: Prisma.CaseWhereInput = { ...visibleCaseWhere(actor), origin: "SOURCED" };
  const [caught, atRisk] = await Promise.all([
    keyFigure(sourced),
    keyFigure({ ...sourced, status: { in: [...AT_RISK_STATUSES] } }),
  ]);
  return { caught, atRisk };
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
