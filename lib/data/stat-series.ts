import "server-only";
import { writeHistory } from "@/lib/data/history";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";

/**
 * Records a reference series (e.g. annual arrivals) from a captured source, with the passage its
 * figures come from, in the caller's transaction. Read by the dashboard (lib/data/dashboard.ts).
 */
export async function createStatSeriesInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: {
    key: string;
    title: string;
    unit: string;
    sourceId: string;
    quote: string;
    points: { period: string; value: number }[];
  },
  reason?: string,
): Promise<{ id: string }> {
  requirePermission(actor, "write:source:any");
  const { points, ...series } = input;
  const created = await tx.statSeries.create({ data: { ...series, points: { create: points } }, select: { id: true } });
  await writeHistory(tx, { actor, entity: "StatSeries", entityId: created.id, caseId: null, action: "CREATE", reason });
  return created;
}
