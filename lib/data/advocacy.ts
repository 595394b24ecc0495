import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/data/errors";
import { changedFields, writeHistory } from "@/lib/data/history";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import { caseVisibleTo, requireVisibleCase } from "@/lib/data/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { ADVOCACY_COLUMNS, ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import { historyFields, selectOf } from "@/lib/fields/define";
import type { AdvocacyFields, UpdateAdvocacyInput } from "@/lib/validations/advocacy";

/** The fields whose changes the history records: the table says which. */
const HISTORY_FIELDS = historyFields(ADVOCACY_FIELDS);
const DAY = 24 * 60 * 60 * 1000;

/** A contact that is not archived, or the "not-found" refusal. */
async function requireContact(contactId: string) {
  const contact = await db.contact.findFirst({ where: { id: contactId, deletedAt: null }, select: { id: true } });
  if (!contact) throw notFound("Contact");
}

/** The columns an advocacy form sets, shared by create and update. */
function advocacyData(input: AdvocacyFields) {
  return {
    contactId: input.contactId,
    kind: input.kind,
    date: input.date,
    askedFor: input.askedFor,
    response: input.response,
    status: input.status,
    followUpDue: input.followUpDue ?? null,
    notes: input.notes,
  };
}

/** Records an advocacy action on a case the actor can see, with its history row. */
export async function createAdvocacyAction(
  actor: Actor,
  caseCode: string,
  input: AdvocacyFields,
): Promise<{ id: string; caseCode: string }> {
  requirePermission(actor, "write:advocacy:any");
  const found = await requireVisibleCase(actor, caseCode);
  await requireContact(input.contactId);
  const created = await db.$transaction((tx) => createAdvocacyInTx(tx, actor, found.id, input));
  return { id: created.id, caseCode };
}

/** Inserts an advocacy action and its history row inside the caller's transaction (also used by report intake). */
export async function createAdvocacyInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  caseId: string,
  input: AdvocacyFields,
  reason?: string,
): Promise<{ id: string }> {
  requirePermission(actor, "write:advocacy:any");
  const data = advocacyData(input);
  const a = await tx.advocacyAction.create({ data: { ...data, caseId, createdById: actor!.id }, select: { id: true } });
  const changes = changedFields({} as Record<string, unknown>, data, HISTORY_FIELDS).filter(
    (c) => c.newValue !== null && c.newValue !== "",
  );
  await writeHistory(tx, {
    actor,
    entity: "AdvocacyAction",
    entityId: a.id,
    caseId,
    action: "CREATE",
    changes,
    reason,
  });
  return a;
}

/** Saves an edit made on `input.version`; a stale version is refused ("conflict"), nothing changed. */
export async function updateAdvocacyAction(actor: Actor, input: UpdateAdvocacyInput): Promise<{ caseCode: string }> {
  requirePermission(actor, "write:advocacy:any");
  const current = await db.advocacyAction.findFirst({
    where: { id: input.id, deletedAt: null, case: caseVisibleTo(actor) },
    select: {
      id: true,
      caseId: true,
      version: true,
      ...selectOf(ADVOCACY_COLUMNS),
      case: { select: { code: true } },
    },
  });
  if (!current) throw notFound("Advocacy action");
  await checkVersion(db, "AdvocacyAction", current, input.version);
  if (input.contactId !== current.contactId) await requireContact(input.contactId);
  const after = advocacyData(input);
  const changes = changedFields(current, after, HISTORY_FIELDS);
  if (changes.length === 0) return { caseCode: current.case.code };
  await db.$transaction(async (tx) => {
    await updateAtVersion(tx, "AdvocacyAction", { id: current.id, opened: input.version }, after, { deletedAt: null });
    await writeHistory(tx, {
      actor,
      entity: "AdvocacyAction",
      entityId: current.id,
      caseId: current.caseId,
      action: "UPDATE",
      changes,
    });
  });
  return { caseCode: current.case.code };
}

const followUpSelect = {
  id: true,
  ...selectOf(ADVOCACY_COLUMNS),
  version: true,
  case: { select: { code: true, title: true } },
  contact: { select: { id: true, name: true, organisation: true } },
} as const;

/**
 * Follow-ups across every case the actor can see, excluding closed actions: `overdue` (due before
 * `today`) and `dueSoon` (due from `today` to 7 days after it), each soonest first. `today` is a
 * UTC calendar day (midnight UTC), e.g. todayUtc(await now()).
 */
export async function listFollowUps(actor: Actor, today: Date) {
  if (!can(actor, "read:advocacy:any")) return { overdue: [], dueSoon: [] };
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const base = { deletedAt: null, status: { not: "CLOSED" as const }, case: caseVisibleTo(actor) };
  const orderBy = [{ followUpDue: "asc" as const }, { createdAt: "asc" as const }];
  const [overdue, dueSoon] = await Promise.all([
    db.advocacyAction.findMany({
      where: { ...base, followUpDue: { lt: day } },
      orderBy,
      take: 500,
      select: followUpSelect,
    }),
    db.advocacyAction.findMany({
      where: { ...base, followUpDue: { gte: day, lte: new Date(day.getTime() + 7 * DAY) } },
      orderBy,
      take: 500,
      select: followUpSelect,
    }),
  ]);
  return { overdue, dueSoon };
}

export type FollowUp = Awaited<ReturnType<typeof listFollowUps>>["overdue"][number];

/**
 * One advocacy action as its edit form needs it, on a case the actor can see, or null. Its contact
 * comes along even when archived, so the form can keep showing who the action went to.
 */
export async function getAdvocacyActionForEdit(actor: Actor, caseCode: string, id: string) {
  if (!can(actor, "write:advocacy:any")) return null;
  return db.advocacyAction.findFirst({
    where: { id, deletedAt: null, case: { ...caseVisibleTo(actor), code: caseCode } },
    select: {
      id: true,
      version: true,
      contactId: true,
      kind: true,
      date: true,
      followUpDue: true,
      response: true,
      status: true,
      askedFor: true,
      notes: true,
      case: { select: { code: true, title: true } },
      contact: { select: { id: true, name: true, organisation: true } },
    },
  });
}
