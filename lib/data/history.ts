import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findVisibleCase } from "@/lib/data/visibility";
import { historyValue } from "@/lib/format/history";
import { can, type Actor } from "@/lib/auth/permissions";

type Tx = Prisma.TransactionClient;
type ChangeAction = "CREATE" | "UPDATE" | "ARCHIVE" | "RESTORE";

/** The fields whose value differs between `before` and `after`, as old → new text. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
) {
  return fields
    .filter((f) => f in after && historyValue(before[f]) !== historyValue(after[f]))
    .map((f) => ({ field: f, oldValue: historyValue(before[f]), newValue: historyValue(after[f]) }));
}

/**
 * Appends history rows inside the caller's transaction, one per changed field (or one row for a
 * create/archive/restore without fields), so the change and its record commit or fail together.
 * Never pass restricted values (identities, contact details): history is not encrypted, so callers
 * record "changed" for those fields instead of the values.
 */
export async function writeHistory(
  tx: Tx,
  entry: {
    actor: Actor;
    entity: string;
    entityId: string;
    caseId: string | null;
    action: ChangeAction;
    changes?: { field: string; oldValue: string | null; newValue: string | null }[];
    reason?: string | null;
  },
): Promise<void> {
  const base = {
    userId: entry.actor?.id ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    caseId: entry.caseId,
    action: entry.action,
    reason: entry.reason || null,
  };
  const rows = entry.changes?.length ? entry.changes.map((c) => ({ ...base, ...c })) : [base];
  await tx.recordChange.createMany({ data: rows });
}

/** A case's history, newest first; null when the actor may not see the case or its history. */
export async function listCaseHistory(actor: Actor, caseCode: string, limit = 500) {
  if (!can(actor, "read:history:case")) return null;
  const found = await findVisibleCase(actor, caseCode);
  if (!found) return null;
  const rows = await db.recordChange.findMany({
    where: { caseId: found.id },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      at: true,
      entity: true,
      action: true,
      field: true,
      oldValue: true,
      newValue: true,
      reason: true,
      user: { select: { name: true } },
    },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
