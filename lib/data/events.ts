import "server-only";
import { detectLang } from "@/lib/i18n/text-lang";
import { db } from "@/lib/db";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { changedFields, writeHistory } from "@/lib/data/history";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import { caseVisibleTo, requireVisibleCase } from "@/lib/data/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus, EventType } from "@/lib/generated/prisma/enums";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import type { AddEventInput, UpdateEventInput } from "@/lib/validations/event";
import { selectOf } from "@/lib/fields/define";
import { EVENT_COLUMNS, type EventTermField } from "@/lib/fields/event";
import { assertTermsUsable } from "@/lib/data/vocabularies";

/** The status an event implies for its case; events that imply none leave the status alone. */
const STATUS_AFTER: Partial<Record<EventType, CaseStatus>> = {
  ARRESTED: "REPORTED_DETAINED",
  DETAINED: "REPORTED_DETAINED",
  TRANSFERRED: "REPORTED_DETAINED",
  REPATRIATION_TALKS: "AT_RISK_OF_REPATRIATION",
  REPATRIATED: "REPATRIATED",
  RELEASED: "RELEASED",
  REACHED_SAFETY: "REACHED_SAFETY",
};

/** The status an event of this type implies, or null for events that imply none (an appeal). */
export function statusImpliedBy(type: EventType): CaseStatus | null {
  return STATUS_AFTER[type] ?? null;
}

/** The status the latest status-bearing event implies, or null when no event implies one. */
export function derivedStatus(events: { type: EventType; dateLatest: Date; createdAt: Date }[]): CaseStatus | null {
  const latest = events
    .filter((e) => STATUS_AFTER[e.type])
    .sort((a, b) => a.dateLatest.getTime() - b.dateLatest.getTime() || a.createdAt.getTime() - b.createdAt.getTime())
    .at(-1);
  return latest ? (STATUS_AFTER[latest.type] ?? null) : null;
}

/**
 * Holds the case's row lock until the transaction ends. Every write to a case's events takes it
 * first, so writers on one case queue up: each recomputes the derived fields after the events of
 * everyone before it have committed (READ COMMITTED gives each later statement a fresh snapshot).
 * Without it, 30 parallel "add event" posts left lastEventLatest and the status wrong in 5 of 7 trials.
 */
async function lockCase(tx: Prisma.TransactionClient, caseId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`;
}

/**
 * The case's derived fields from its events: the date span and, unless an editor set the status by
 * hand, the status, recorded in history like any other change. Only called with the case locked.
 */
async function refreshCaseFromEvents(
  tx: Prisma.TransactionClient,
  actor: Actor,
  caseId: string,
  reason?: string | null,
) {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, statusManual: true, firstEventEarliest: true, lastEventLatest: true },
  });
  const events = await tx.caseEvent.findMany({
    where: { caseId, deletedAt: null },
    select: { type: true, dateEarliest: true, dateLatest: true, createdAt: true },
  });
  const after = {
    firstEventEarliest: events.length ? new Date(Math.min(...events.map((e) => e.dateEarliest.getTime()))) : null,
    lastEventLatest: events.length ? new Date(Math.max(...events.map((e) => e.dateLatest.getTime()))) : null,
    status: c.statusManual ? c.status : (derivedStatus(events) ?? c.status),
  };
  const changes = changedFields(c, after, ["firstEventEarliest", "lastEventLatest", "status"]);
  if (changes.length === 0) return;
  await tx.case.update({
    where: { id: caseId },
    data: { ...after, version: { increment: 1 }, updatedById: actor?.id ?? null },
  });
  await writeHistory(tx, {
    actor,
    entity: "Case",
    entityId: caseId,
    caseId,
    action: "UPDATE",
    changes,
    reason: reason ?? "follows the timeline",
  });
}

/** An event's columns; the research fields may be left out (an import, the seed), meaning none. */
export type EventData = Omit<ReturnType<typeof eventData>, EventTermField | "descriptionAlt"> &
  Partial<Pick<ReturnType<typeof eventData>, EventTermField>> & { descriptionAlt?: string };

/**
 * The one way an event is added to a case, by every path (the event form, a status change, report
 * intake, import, the seed): the case is locked, the event and its history row are written, and the
 * case's derived fields follow, all in the caller's transaction.
 */
export async function createEventInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  caseId: string,
  data: EventData,
  reason?: string | null,
): Promise<{ id: string }> {
  await lockCase(tx, caseId);
  await assertTermsUsable(tx, data);
  // The language the description is written in (decision 016), whichever path wrote it.
  const event = await tx.caseEvent.create({
    data: { ...data, lang: detectLang(data.description), caseId },
    select: { id: true },
  });
  await writeHistory(tx, {
    actor,
    entity: "CaseEvent",
    entityId: event.id,
    caseId,
    action: "CREATE",
    changes: changedFields({} as Record<string, unknown>, data, Object.keys(data) as (keyof EventData)[]),
    reason,
  });
  await refreshCaseFromEvents(tx, actor, caseId, reason);
  return event;
}

/**
 * Changes (or archives, with `archive`) an event read at `version`, the same way: lock, write with
 * its history, derived fields follow. A concurrent change of the same event is a conflict.
 */
async function changeEventInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  event: { id: string; caseId: string; version: number },
  change:
    | {
        data: Partial<EventData>;
        changes: { field: string; oldValue: string | null; newValue: string | null }[];
        before: Partial<EventData>;
      }
    | "archive"
    | "restore",
  reason?: string | null,
): Promise<void> {
  await lockCase(tx, event.caseId);
  if (typeof change !== "string") await assertTermsUsable(tx, change.data, change.before);
  const data =
    change === "archive" ? { deletedAt: new Date() } : change === "restore" ? { deletedAt: null } : change.data;
  // Only a live event can be edited or archived, only an archived one restored.
  const where = change === "restore" ? { deletedAt: { not: null } } : { deletedAt: null };
  const written =
    "description" in data && typeof data.description === "string"
      ? { ...data, lang: detectLang(data.description) }
      : data;
  await updateAtVersion(tx, "CaseEvent", { id: event.id, opened: event.version }, written, where);
  await writeHistory(tx, {
    actor,
    entity: "CaseEvent",
    entityId: event.id,
    caseId: event.caseId,
    action: change === "archive" ? "ARCHIVE" : change === "restore" ? "RESTORE" : "UPDATE",
    changes: typeof change === "string" ? undefined : change.changes,
    reason,
  });
  await refreshCaseFromEvents(tx, actor, event.caseId, reason);
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** The columns an event form sets. */
export function eventData(input: Omit<AddEventInput, "caseCode">) {
  return {
    type: input.type,
    dateEarliest: day(input.dateEarliest),
    dateLatest: day(input.dateLatest),
    precision: input.precision,
    dateWording: input.dateWording ?? null,
    description: input.description,
    descriptionAlt: input.descriptionAlt ?? "",
    country: input.country ?? null,
    province: input.province ?? null,
    cityArea: input.cityArea ?? null,
    authority: input.authority ?? null,
    arrestSettingId: input.arrestSettingId ?? null,
    arrestingBodyId: input.arrestingBodyId ?? null,
    facilityId: input.facilityId ?? null,
    crossingId: input.crossingId ?? null,
    receivingAgencyId: input.receivingAgencyId ?? null,
    outcomeId: input.outcomeId ?? null,
  };
}

/** Adds an event to a case the actor may see; the case's dates and derived status follow. */
export async function addEvent(actor: Actor, input: AddEventInput): Promise<{ caseCode: string }> {
  requirePermission(actor, "write:event:any");
  const c = await requireVisibleCase(actor, input.caseCode);
  await db.$transaction((tx) => createEventInTx(tx, actor, c.id, eventData(input)));
  return { caseCode: input.caseCode };
}

/**
 * Removes (archives) an event opened at `version`, or restores an archived one; nothing is deleted.
 * Removing needs a reason, which the history keeps and the case page shows beside the archived event.
 */
export async function removeEvent(
  actor: Actor,
  input: { eventId: string; version: number; reason: string },
): Promise<{ caseCode: string }> {
  return setEventArchived(actor, input, "archive");
}

/** Puts an archived event back on its case's timeline; the case's dates and derived status follow. */
export async function restoreEvent(
  actor: Actor,
  input: { eventId: string; version: number; reason?: string },
): Promise<{ caseCode: string }> {
  return setEventArchived(actor, input, "restore");
}

async function setEventArchived(
  actor: Actor,
  input: { eventId: string; version: number; reason?: string },
  change: "archive" | "restore",
): Promise<{ caseCode: string }> {
  requirePermission(actor, "write:event:any");
  if (change === "archive" && !input.reason?.trim()) throw ruleBroken("Give a reason for removing the event.");
  const event = await db.caseEvent.findFirst({
    where: {
      id: input.eventId,
      deletedAt: change === "archive" ? null : { not: null },
      case: caseVisibleTo(actor),
    },
    select: { id: true, version: true, caseId: true, case: { select: { code: true } } },
  });
  if (!event) throw notFound("Event");
  await checkVersion(db, "CaseEvent", event, input.version);
  await db.$transaction((tx) =>
    changeEventInTx(tx, actor, { id: event.id, caseId: event.caseId, version: input.version }, change, input.reason),
  );
  return { caseCode: event.case.code };
}

/**
 * A case's removed events, newest removal first, with who removed each, when and why (from the
 * history), for editors to review and restore; empty for anyone who may not write events.
 */
export async function listArchivedEvents(actor: Actor, caseId: string) {
  if (!can(actor, "write:event:any")) return [];
  const events = await db.caseEvent.findMany({
    where: { caseId, deletedAt: { not: null }, case: caseVisibleTo(actor) },
    orderBy: { deletedAt: "desc" },
    take: 200,
    select: { id: true, version: true, deletedAt: true, ...selectOf(EVENT_COLUMNS) },
  });
  if (events.length === 0) return [];
  const removals = await db.recordChange.findMany({
    where: { entity: "CaseEvent", entityId: { in: events.map((e) => e.id) }, action: "ARCHIVE" },
    orderBy: { id: "desc" },
    select: { entityId: true, reason: true, at: true, user: { select: { name: true } } },
  });
  const latest = new Map<string, (typeof removals)[number]>();
  for (const r of removals) if (!latest.has(r.entityId)) latest.set(r.entityId, r);
  return events.map((e) => {
    const removal = latest.get(e.id);
    return { ...e, removedBy: removal?.user?.name ?? null, reason: removal?.reason ?? null };
  });
}

export type ArchivedEvent = Awaited<ReturnType<typeof listArchivedEvents>>[number];

/** Saves an edit of an event opened at `version`; the case's dates and derived status follow. */
export async function updateEvent(actor: Actor, input: UpdateEventInput): Promise<{ caseCode: string }> {
  requirePermission(actor, "write:event:any");
  const current = await db.caseEvent.findFirst({
    where: { id: input.eventId, deletedAt: null, case: caseVisibleTo(actor) },
    select: {
      id: true,
      version: true,
      caseId: true,
      case: { select: { code: true } },
      ...selectOf(EVENT_COLUMNS),
    },
  });
  if (!current) throw notFound("Event");
  await checkVersion(db, "CaseEvent", current, input.version);
  const after = eventData(input);
  const changes = changedFields(current, after, Object.keys(after) as (keyof typeof after)[]);
  if (changes.length === 0) return { caseCode: current.case.code };
  await db.$transaction((tx) =>
    changeEventInTx(
      tx,
      actor,
      { id: current.id, caseId: current.caseId, version: input.version },
      { data: after, changes, before: current },
      input.reason,
    ),
  );
  return { caseCode: current.case.code };
}
