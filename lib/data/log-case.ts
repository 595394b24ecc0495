import "server-only";
import { db } from "@/lib/db";
import { createAdvocacyInTx } from "@/lib/data/advocacy";
import { createCaseInTx } from "@/lib/data/case-writes";
import { createContactInTx } from "@/lib/data/contacts";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { createEventInTx, eventData, statusImpliedBy } from "@/lib/data/events";
import { captureSourceInTx, sourceQuoter } from "@/lib/data/sources";
import { sourceVisibleTo } from "@/lib/data/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import type { LogCaseInput } from "@/lib/validations/log-case";

const REASON = "logged in one pass, with its source";

/** The source the passages come from: the one picked (still visible to the actor) or the pasted text, captured now. */
async function sourceFor(tx: Prisma.TransactionClient, actor: Actor, source: LogCaseInput["source"]) {
  if (source.mode === "new") {
    const captured = await captureSourceInTx(tx, actor, source, REASON);
    return { id: captured.id, text: source.text };
  }
  const found = await tx.source.findFirst({
    where: { id: source.id, ...sourceVisibleTo(actor) },
    select: { id: true, text: true },
  });
  if (!found) throw notFound("Source");
  return found;
}

/**
 * Logs an arrest in one pass, in ONE transaction: the source (the pasted text captured, or the one
 * picked), the case, the passage behind its size, its first event (at the case's place) with the
 * passage behind it, and an advocacy action with its contact (picked, or created here). Each record
 * is written by the same function its own form uses, with its history row; any refusal (a passage not
 * in the source, a source or contact gone since the form was opened) rolls everything back.
 */
export async function logCaseInOnePass(actor: Actor, input: LogCaseInput): Promise<{ code: string; sourceId: string }> {
  for (const p of ["create:case:any", "write:event:any", "write:source:any"] as const) requirePermission(actor, p);
  if (input.action) {
    requirePermission(actor, "write:advocacy:any");
    if (input.action.contact.mode === "new") requirePermission(actor, "write:contact:any");
  }
  // Two editors saving at once cannot get the same code: the unique index refuses one, which retries.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => writeAll(tx, actor, input), { timeout: 30_000 });
    } catch (error) {
      const unique = (error as { code?: string }).code === "P2002";
      if (!unique || attempt === 2) throw error;
    }
  }
}

async function writeAll(tx: Prisma.TransactionClient, actor: Actor, input: LogCaseInput) {
  const source = await sourceFor(tx, actor, input.source);
  for (const [quote, what] of [
    [input.sizeQuote, "The passage behind the size"],
    [input.eventQuote, "The passage behind the event"],
  ] as const) {
    if (quote !== undefined && !source.text.includes(quote))
      throw ruleBroken(
        `${what} does not occur word for word in the source's text. Select it in the text shown beside the form.`,
      );
  }
  const quote = sourceQuoter(tx, actor, source, REASON);
  // The code carries the year the group was caught (CN-2013-0001), not the year it was logged.
  const year = Number(input.event.dateEarliest.slice(0, 4));
  const c = await createCaseInTx(tx, actor, input.case, { year, reason: REASON });
  if (input.sizeQuote) {
    const size = input.case;
    await quote(c.id, input.sizeQuote, { target: "FIELD", field: "sizeMin", value: String(size.sizeMin) });
    if (size.sizeMax !== undefined)
      await quote(c.id, input.sizeQuote, { target: "FIELD", field: "sizeMax", value: String(size.sizeMax) });
    if (size.sizeBest !== undefined)
      await quote(c.id, input.sizeQuote, { target: "FIELD", field: "sizeBest", value: String(size.sizeBest) });
  }
  const place = { country: input.case.country, province: input.case.province, cityArea: input.case.cityArea };
  const event = await createEventInTx(tx, actor, c.id, eventData({ ...input.event, ...place }), REASON);
  await quote(c.id, input.eventQuote, { target: "EVENT", eventId: event.id });
  // As "Record what happened" does: when the event decides the status, its passage backs the status too.
  const implied = statusImpliedBy(input.event.type);
  const after = await tx.case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true } });
  if (implied && after.status === implied)
    await quote(c.id, input.eventQuote, { target: "FIELD", field: "status", value: implied });

  if (input.action) {
    const { contact, ...fields } = input.action;
    let contactId: string;
    if (contact.mode === "existing") {
      const found = await tx.contact.findFirst({ where: { id: contact.id, deletedAt: null }, select: { id: true } });
      if (!found) throw notFound("Contact");
      contactId = found.id;
    } else {
      contactId = (
        await createContactInTx(
          tx,
          actor,
          { ...contact, country: contact.country ?? null, notes: "", contactDetails: undefined },
          REASON,
        )
      ).id;
    }
    await createAdvocacyInTx(tx, actor, c.id, { ...fields, contactId }, REASON);
  }
  return { code: c.code, sourceId: source.id };
}
