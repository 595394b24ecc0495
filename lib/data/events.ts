import "server-only";
import { db } from "@/lib/db";
import { visibleCaseWhere } from "@/lib/data/cases";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { changedFields, conflictFromHistory, writeHistory } from "@/lib/data/history";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus, EventType } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/permissions";
import type { AddEventInput, UpdateEventInput } from "@/lib/validations/event";

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

/** The status the latest status-bearing event implies, or null when no event implies one. */
export function derivedStatus(events: { type: EventType; dateLatest: Date; createdAt: Date }[]): CaseStatus | null {
  const latest = events
    .filter((e) => STATUS_AFTER[e.type])
    .sort((a, b) => a.dateLatest.getTime() - b.dateLatest.getTime() || a.createdAt.getTime() - b.createdAt.getTime())
    .at(-1);
  return latest ? (STATUS_AFTER[latest.type] ?? null) : null;
}

/**
 * After the timeline changed: the case's date span and, unless an editor set the status by hand,
 * its status, recorded in history like any other change.
 */
export async function refreshCaseFromEvents(tx: Prisma.TransactionClient, actor: Actor, caseId: string, reason?: string | null) {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, statusManual: true, firstEventEarliest: true, lastEventLatest: true } });
  const events = await tx.caseEvent.findMany({ where: { caseId, deletedAt: null }, select: { type: true, dateEarliest: true, dateLatest: true, createdAt: true } });
  const after = {
    firstEventEarliest: events.length ? new Date(Math.min(...events.map((e) => e.dateEarliest.getTime()))) : null,
    lastEventLatest: events.length ? new Date(Math.max(...events.map((e) => e.dateLatest.getTime()))) : null,
    status: c.statusManual ? c.status : (derivedStatus(events) ?? c.status),
  };
  const changes = changedFields(c, after, ["firstEventEarliest", "lastEventLatest", "status"]);
  if (changes.length === 0) return;
  await tx.case.update({ where: { id: caseId }, data: { ...after, version: { increment: 1 }, updatedById: actor!.id } });
  await writeHistory(tx, { actor, entity: "Case", entityId: caseId, caseId, action: "UPDATE", changes, reason: reason ?? "follows the timeline" });
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
    country: input.country ?? null,
    province: input.province ?? null,
    cityArea: input.cityArea ?? null,
    authority: input.authority ?? null,
  };
}

/** Adds an event to a case the actor may see; the case's dates and derived status follow. */
export async function addEvent(actor: Actor, input: AddEventInput): Promise<{ caseCode: string }> {
  requirePermission(actor, "write:event:any");
  const c = await db.case.findFirst({ where: { ...visibleCaseWhere(actor), code: input.caseCode }, select: { id: true } });
  if (!c) throw new NotFoundError("Case");
  const data = eventData(input);
  await db.$transaction(async (tx) => {
    const event = await tx.caseEvent.create({ data: { ...data, caseId: c.id }, select: { id: true } });
    await writeHistory(tx, { actor, entity: "CaseEvent", entityId: event.id, caseId: c.id, action: "CREATE", changes: changedFields({} as Record<string, unknown>, data, Object.keys(data) as (keyof typeof data)[]) });
    await refreshCaseFromEvents(tx, actor, c.id);
  });
  return { caseCode: input.caseCode };
}

/** Removes (archives) an event opened at `version`; nothing is deleted. */
export async function removeEvent(actor: Actor, input: { eventId: string; version: number; reason?: string }): Promise<{ caseCode: string }> {
  requirePermission(actor, "write:event:any");
  const event = await db.caseEvent.findFirst({
    where: { id: input.eventId, deletedAt: null, case: visibleCaseWhere(actor) },
    select: { id: true, version: true, updatedAt: true, caseId: true, case: { select: { code: true } } },
  });
  if (!event) throw new NotFoundError("Event");
  if (event.version !== input.version) throw await conflictFromHistory("CaseEvent", event.id, event.updatedAt);
  await db.$transaction(async (tx) => {
    const updated = await tx.caseEvent.updateMany({ where: { id: event.id, version: input.version }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    if (updated.count === 0) throw new ConflictError(null, null);
    await writeHistory(tx, { actor, entity: "CaseEvent", entityId: event.id, caseId: event.caseId, action: "ARCHIVE", reason: input.reason });
    await refreshCaseFromEvents(tx, actor, event.caseId, input.reason);
  });
  return { caseCode: event.case.code };
}

/** Saves an edit of an event opened at `version`; the case's dates and derived status follow. */
export async function updateEvent(actor: Actor, input: UpdateEventInput): Promise<{ caseCode: string }> {
  requirePermission(actor, "write:event:any");
  const current = await db.caseEvent.findFirst({
    where: { id: input.eventId, deletedAt: null, case: visibleCaseWhere(actor) },
    select: {
      id: true, version: true, updatedAt: true, caseId: true, case: { select: { code: true } },
      type: true, dateEarliest: true, dateLatest: true, precision: true, dateWording: true, description: true, country: true, province: true, cityArea: true, authority: true,
    },
  });
  if (!current) throw new NotFoundError("Event");
  if (current.version !== input.version) throw await conflictFromHistory("CaseEvent", current.id, current.updatedAt);
  const after = eventData(input);
  const changes = changedFields(current, after, Object.keys(after) as (keyof typeof after)[]);
  if (changes.length === 0) return { caseCode: current.case.code };
  await db.$transaction(async (tx) => {
    const updated = await tx.caseEvent.updateMany({ where: { id: current.id, version: input.version }, data: { ...after, version: { increment: 1 } } });
    if (updated.count === 0) throw new ConflictError(null, null);
    await writeHistory(tx, { actor, entity: "CaseEvent", entityId: current.id, caseId: current.caseId, action: "UPDATE", changes, reason: input.reason });
    await refreshCaseFromEvents(tx, actor, current.caseId, input.reason);
  });
  return { caseCode: current.case.code };
}
