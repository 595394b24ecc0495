import "server-only";
import { db } from "@/lib/db";
import { visibleCaseWhere } from "@/lib/data/cases";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { can, requirePermission, type Actor } from "@/lib/permissions";
import type { CreateAnnotationInput } from "@/lib/validations/annotation";

const threadSelect = {
  id: true,
  field: true,
  eventId: true,
  body: true,
  resolved: true,
  resolvedAt: true,
  version: true,
  createdAt: true,
  author: { select: { name: true, role: true } },
  replies: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
  },
} as const;

/** Annotation threads on one case, for editors, staff and admins; [] for everyone else. */
export async function listAnnotationsForCase(actor: Actor, caseId: string) {
  if (!can(actor, "read:annotation:any")) return [];
  return db.annotation.findMany({
    where: { caseId, parentId: null, deletedAt: null, case: visibleCaseWhere(actor) },
    orderBy: { createdAt: "asc" },
    select: threadSelect,
  });
}

export type AnnotationThread = Awaited<ReturnType<typeof listAnnotationsForCase>>[number];

/** Unresolved threads across every case the actor may see, oldest first. */
export async function listOpenAnnotations(actor: Actor) {
  requirePermission(actor, "read:annotation:any");
  return db.annotation.findMany({
    where: { parentId: null, resolved: false, deletedAt: null, case: visibleCaseWhere(actor) },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { ...threadSelect, case: { select: { code: true, title: true } }, event: { select: { type: true } } },
  });
}

/** Looks up a case by code for a mutation, within what the actor may see. */
async function findVisibleCaseId(actor: Actor, code: string): Promise<string> {
  const found = await db.case.findFirst({ where: { ...visibleCaseWhere(actor), code }, select: { id: true } });
  if (!found) throw new NotFoundError("Case");
  return found.id;
}

/** Staff note on a case, one of its events, or one field; written with its history row. */
export async function createAnnotation(actor: Actor, input: CreateAnnotationInput): Promise<{ id: string; caseCode: string }> {
  requirePermission(actor, "create:annotation:any");
  const caseId = await findVisibleCaseId(actor, input.caseCode);
  if (input.eventId) {
    const event = await db.caseEvent.findFirst({ where: { id: input.eventId, caseId, deletedAt: null }, select: { id: true } });
    if (!event) throw new NotFoundError("Event");
  }
  const created = await db.$transaction(async (tx) => {
    const a = await tx.annotation.create({
      data: { caseId, eventId: input.eventId ?? null, field: input.field ?? null, body: input.body, authorId: actor!.id },
      select: { id: true },
    });
    await tx.recordChange.create({
      data: { userId: actor!.id, entity: "Annotation", entityId: a.id, caseId, action: "CREATE", newValue: input.body },
    });
    return a;
  });
  return { id: created.id, caseCode: input.caseCode };
}

/** Finds a top-level thread on a case the actor may see. */
async function findVisibleThread(actor: Actor, annotationId: string) {
  const thread = await db.annotation.findFirst({
    where: { id: annotationId, parentId: null, deletedAt: null, case: visibleCaseWhere(actor) },
    select: { id: true, caseId: true, resolved: true, version: true, updatedAt: true, case: { select: { code: true } } },
  });
  if (!thread) throw new NotFoundError("Annotation");
  return thread;
}

/** A reply in a thread (editors, staff, admins). */
export async function replyToAnnotation(actor: Actor, input: { annotationId: string; body: string }): Promise<{ caseCode: string }> {
  requirePermission(actor, "reply:annotation:any");
  const thread = await findVisibleThread(actor, input.annotationId);
  await db.$transaction(async (tx) => {
    const reply = await tx.annotation.create({
      data: { caseId: thread.caseId, parentId: thread.id, body: input.body, authorId: actor!.id },
      select: { id: true },
    });
    await tx.recordChange.create({
      data: { userId: actor!.id, entity: "Annotation", entityId: reply.id, caseId: thread.caseId, action: "CREATE", newValue: input.body },
    });
  });
  return { caseCode: thread.case.code };
}

/** Marks a thread resolved; refused when someone changed it since the actor loaded it. */
export async function resolveAnnotation(actor: Actor, input: { annotationId: string; version: number }): Promise<{ caseCode: string }> {
  requirePermission(actor, "resolve:annotation:any");
  const thread = await findVisibleThread(actor, input.annotationId);
  await db.$transaction(async (tx) => {
    const updated = await tx.annotation.updateMany({
      where: { id: thread.id, version: input.version, resolved: false },
      data: { resolved: true, resolvedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError(null, thread.updatedAt);
    await tx.recordChange.create({
      data: {
        userId: actor!.id,
        entity: "Annotation",
        entityId: thread.id,
        caseId: thread.caseId,
        action: "UPDATE",
        field: "resolved",
        oldValue: "false",
        newValue: "true",
      },
    });
  });
  return { caseCode: thread.case.code };
}
