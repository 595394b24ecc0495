import "server-only";
import { db } from "@/lib/db";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { createEventInTx, eventData, statusImpliedBy } from "@/lib/data/events";
import { writeHistory } from "@/lib/data/history";
import { sourceQuoter } from "@/lib/data/sources";
import { requireVisibleCase, sourceVisibleTo } from "@/lib/data/visibility";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import type { RecordWhatHappenedInput } from "@/lib/validations/event";
import { RECORD_ID } from "@/lib/validations/fields";

/**
 * Records what happened to a case's group: a typed event with its uncertain date and place, and the
 * passage of a captured source that says so, in one transaction. The status follows from the
 * event: a status set by hand gives way to an event that implies one, and when the event decides
 * the case's status the passage is recorded behind the status too, so "according to" names it.
 */
export async function recordWhatHappened(
  actor: Actor,
  input: RecordWhatHappenedInput,
): Promise<{ caseCode: string; eventId: string }> {
  requirePermission(actor, "write:event:any");
  requirePermission(actor, "write:source:any");
  const c = await requireVisibleCase(actor, input.caseCode);
  if (!RECORD_ID.test(input.sourceId)) throw notFound("Source");
  const source = await db.source.findFirst({
    where: { id: input.sourceId, ...sourceVisibleTo(actor) },
    select: { id: true, text: true },
  });
  if (!source) throw notFound("Source");
  if (!source.text.includes(input.quote))
    throw ruleBroken(
      "That passage does not occur word for word in the source's text. Copy it exactly from the captured text.",
    );
  const implied = statusImpliedBy(input.type);
  const reason = "recorded what happened, with its source";
  const eventId = await db.$transaction(async (tx) => {
    const before = await tx.case.findUniqueOrThrow({ where: { id: c.id }, select: { statusManual: true } });
    if (implied && before.statusManual) {
      await tx.case.update({ where: { id: c.id }, data: { statusManual: false } });
      await writeHistory(tx, {
        actor,
        entity: "Case",
        entityId: c.id,
        caseId: c.id,
        action: "UPDATE",
        changes: [{ field: "statusManual", oldValue: "true", newValue: "false" }],
        reason: "the status follows what happened again",
      });
    }
    const event = await createEventInTx(tx, actor, c.id, eventData(input), reason);
    const quoteOn = sourceQuoter(tx, actor, source, reason);
    await quoteOn(c.id, input.quote, { target: "EVENT", eventId: event.id });
    const after = await tx.case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true } });
    if (implied && after.status === implied)
      await quoteOn(c.id, input.quote, { target: "FIELD", field: "status", value: implied });
    return event.id;
  });
  return { caseCode: c.code, eventId };
}
