import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/data/errors";
import { writeHistory } from "@/lib/data/history";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import { caseVisibleTo, requireVisibleCase } from "@/lib/data/visibility";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
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
    where: { caseId, parentId: null, deletedAt: null, case: caseVisibleTo(actor) },
    orderBy: { createdAt: "asc" },
    select: threadSelect,
  });
}

export type AnnotationThread = Awaited<ReturnType<typeof listAnnotationsForCase>>[number];

/** Unresolved threads across every case the actor may see, oldest first. */
export async function listOpenAnnotations(actor: Actor) {
  if (!can(actor, "read:annotation:any")) return [];
  return db.annotation.findMany({
    where: { parentId: null, resolved: false, deletedAt: null, case: caseVisibleTo(actor) },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { ...threadSelect, case: { select: { code: true, title: true } }, event: { select: { type: true } } },
  });
}

/** Staff note on a case, one of its events, or one field; written with its history row. */
export async function createAnnotation(
  actor: Actor,
  input: CreateAnnotationInput,
): Promise<{ id: string; caseCode: string }> {
  requirePermission(actor, "create:annotation:any");
  const { id: caseId } = await requireVisibleCase(actor, input.caseCode);
  if (input.eventId) {
    const event = await db.caseEvent.findFirst({
      where: { id: input.eventId, caseId, deletedAt: null },
      select: { id: true },
    });
    if (!event) throw notFound("Event");
  }
  const created = await db.$transaction(async (tx) => {
    const a = await tx.annotation.create({
      data: {
        caseId,
        eventId: input.eventId ?? null,
        field: input.field ?? null,
        body: input.body,
        authorId: actor!.id,
      },
      select: { id: true },
    });
    await writeHistory(tx, {
      actor,
      entity: "Annotation",
      entityId: a.id,
      caseId,
      action: "CREATE",
      changes: [{ field: "body", oldValue: null, newValue: input.body }],
    });
    return a;
  });
  return { id: created.id, caseCode: input.caseCode };
}

/** Finds a top-level thread on a case the actor may see. */
async function findVisibleThread(actor: Actor, annotationId: string) {
  const thread = await db.annotation.findFirst({
    where: { id: annotationId, parentId: null, deletedAt: null, case: caseVisibleTo(actor) },
    select: { id: true, caseId: true, resolved: true, version: true, case: { select: { code: true } } },
  });
  if (!thread) throw notFound("Annotation");
  return thread;
}

/** A reply in a thread (editors, staff, admins). */
export async function replyToAnnotation(
  actor: Actor,
  input: { annotationId: string; body: string },
): Promise<{ caseCode: string }> {
  requirePermission(actor, "reply:annotation:any");
  const thread = await findVisibleThread(actor, input.annotationId);
  await db.$transaction(async (tx) => {
    const reply = await tx.annotation.create({
      data: { caseId: thread.caseId, parentId: thread.id, body: input.body, authorId: actor!.id },
      select: { id: true },
    });
    await writeHistory(tx, {
      actor,
      entity: "Annotation",
      entityId: reply.id,
      caseId: thread.caseId,
      action: "CREATE",
      changes: [{ field: "body", oldValue: null, newValue: input.body }],
    });
  });
  return { caseCode: thread.case.code };
}

/** Marks a thread resolved; refused when someone changed it since the actor loaded it. */
export async function resolveAnnotation(
  actor: Actor,
  input: { annotationId: string; version: number },
): Promise<{ caseCode: string }> {
  requirePermission(actor, "resolve:annotation:any");
  const thread = await findVisibleThread(actor, input.annotationId);
  await checkVersion(db, "Annotation", thread, input.version);
  await db.$transaction(async (tx) => {
    await updateAtVersion(
      tx,
      "Annotation",
      { id: thread.id, opened: input.version },
      { resolved: true, resolvedAt: new Date() },
      { resolved: false },
    );
    await writeHistory(tx, {
      actor,
      entity: "Annotation",
      entityId: thread.id,
      caseId: thread.caseId,
      action: "UPDATE",
      changes: [{ field: "resolved", oldValue: "false", newValue: "true" }],
    });
  });
  return { caseCode: thread.case.code };
}
