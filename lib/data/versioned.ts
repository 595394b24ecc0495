import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conflict } from "@/lib/data/errors";

type Tx = Prisma.TransactionClient;

/** The records edited from a form opened at a version, by the Prisma model that holds them. */
const MODELS = {
  Case: "case",
  CaseEvent: "caseEvent",
  AdvocacyAction: "advocacyAction",
  Contact: "contact",
  Annotation: "annotation",
  VocabularyTerm: "vocabularyTerm",
} as const;

export type VersionedEntity = keyof typeof MODELS;

/** Anything that can read the history: the app's client or a transaction. */
type HistoryReader = {
  recordChange: {
    findFirst(args: {
      where: { entity: string; entityId: string };
      orderBy: { id: "desc" };
      select: { at: true; user: { select: { name: true } } };
    }): Promise<{ at: Date; user: { name: string } | null } | null>;
  };
};

type UpdateMany = (args: {
  where: Record<string, unknown>;
  data: Record<string, unknown>;
}) => Promise<{ count: number }>;

/**
 * The refusal for a save made on a stale version: "changed by X at T", naming who last changed the
 * record according to its history (every write leaves a history row in the same transaction).
 */
export async function conflictFromHistory(tx: HistoryReader, entity: VersionedEntity, id: string) {
  const row = await tx.recordChange.findFirst({
    where: { entity, entityId: id },
    orderBy: { id: "desc" },
    select: { at: true, user: { select: { name: true } } },
  });
  return conflict(row?.user?.name ?? null, row?.at ?? null);
}

/** Refuses early (before any work) a form opened at a version the record no longer has. */
export async function checkVersion(
  tx: HistoryReader,
  entity: VersionedEntity,
  current: { id: string; version: number },
  opened: number,
): Promise<void> {
  if (current.version !== opened) throw await conflictFromHistory(tx, entity, current.id);
}

/**
 * The one versioned write: sets `data` on the record only if it is still at `opened` (and matches
 * `where`, e.g. not archived), bumping its version in the same statement, so two saves made from the
 * same version can never both succeed. The loser gets the conflict, naming who saved first.
 */
export async function updateAtVersion(
  tx: Tx,
  entity: VersionedEntity,
  record: { id: string; opened: number },
  data: Record<string, unknown>,
  where: Record<string, unknown> = {},
): Promise<void> {
  const model = tx[MODELS[entity]] as unknown as { updateMany: UpdateMany };
  const updated = await model.updateMany({
    where: { ...where, id: record.id, version: record.opened },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) throw await conflictFromHistory(tx, entity, record.id);
}
