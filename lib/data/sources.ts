import "server-only";
import { detectLang } from "@/lib/i18n/text-lang";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { caseVisibleTo, requireVisibleCase, sourceVisibleTo } from "@/lib/data/visibility";
import { writeHistory } from "@/lib/data/history";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Reliability } from "@/lib/generated/prisma/enums";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import {
  CLAIM_FIELD_NAMES,
  isStorableText,
  MAX_QUOTE,
  MAX_SOURCE_TEXT,
  normalizeLineBreaks,
  type AddClaimInput,
  type CaptureSourceInput,
} from "@/lib/validations/source";

const RECORD_ID = /^[a-z0-9]{20,40}$/i;

/** Hex SHA-256 of the text's UTF-8 bytes: what the database's CHECK recomputes. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * A captured source with its text and the quotes taken from it, or null when the actor may not see
 * it (see sourceVisibleTo).
 */
export async function getSourceForActor(actor: Actor, id: string) {
  if (!RECORD_ID.test(id)) return null;
  const caseWhere = caseVisibleTo(actor);
  const source = await db.source.findFirst({
    where: { id, ...sourceVisibleTo(actor) },
    select: {
      id: true,
      url: true,
      outlet: true,
      title: true,
      author: true,
      language: true,
      publishedAt: true,
      retrievedAt: true,
      text: true,
      sha256: true,
      reliability: true,
      claims: {
        where: { deletedAt: null, case: caseWhere },
        select: {
          id: true,
          quote: true,
          field: true,
          value: true,
          target: true,
          case: { select: { code: true, title: true } },
        },
        orderBy: { quoteStart: "asc" },
      },
    },
  });
  return source;
}

const pickerSelect = {
  id: true,
  outlet: true,
  title: true,
  publishedAt: true,
  retrievedAt: true,
  sha256: true,
} satisfies Prisma.SourceSelect;
export type SourcePickerItem = Prisma.SourceGetPayload<{ select: typeof pickerSelect }>;

/** Sources to quote from, most recently published (then captured) first; for those who attach sources. */
export async function listSourcesForPicker(actor: Actor, limit = 300): Promise<SourcePickerItem[]> {
  if (!can(actor, "write:source:any")) return [];
  return db.source.findMany({
    where: sourceVisibleTo(actor),
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: limit,
    select: pickerSelect,
  });
}

/** One source's summary (no text), for those who attach sources; null when not visible. */
export async function getSourceSummary(actor: Actor, id: string): Promise<SourcePickerItem | null> {
  if (!can(actor, "write:source:any") || !RECORD_ID.test(id)) return null;
  return db.source.findFirst({ where: { id, ...sourceVisibleTo(actor) }, select: pickerSelect });
}

/**
 * Captures a report. The SHA-256 of the exact text is computed here and stored with it (the
 * database re-checks it and refuses any later change). When the same text was captured before and
 * the actor may see that capture, it is returned instead of a duplicate (`created: false`). `supersedesId` marks this
 * capture as the corrected copy of an earlier one.
 */
export async function captureSource(
  actor: Actor,
  input: CaptureSourceInput,
): Promise<{ id: string; sha256: string; created: boolean }> {
  requirePermission(actor, "write:source:any");
  if (input.text.trim() === "" || input.text.length > MAX_SOURCE_TEXT)
    throw ruleBroken(`The text must be 1 to ${MAX_SOURCE_TEXT.toLocaleString("en")} characters.`);
  for (const value of [input.text, input.outlet, input.title, input.author ?? "", input.url ?? ""]) {
    if (!isStorableText(value))
      throw ruleBroken("The source contains characters that cannot be stored (NUL or a broken surrogate pair).");
  }
  if (input.supersedesId) {
    const earlier = await db.source.findFirst({
      where: { id: input.supersedesId, ...sourceVisibleTo(actor) },
      select: { id: true },
    });
    if (!earlier) throw notFound("Source");
  }
  return db.$transaction((tx) => captureSourceInTx(tx, actor, input));
}

/**
 * The capture itself, inside the caller's transaction (also used by report intake): returns the
 * earlier capture of the same text if the actor may see it, or inserts a new one with its history row. Inputs are
 * checked by captureSource or by the intake schema before this is called.
 */
export async function captureSourceInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: Omit<CaptureSourceInput, "caseCode" | "supersedesId"> & { supersedesId?: string; reliability?: Reliability },
  reason?: string,
): Promise<{ id: string; sha256: string; created: boolean }> {
  requirePermission(actor, "write:source:any");
  const sha256 = sha256Hex(input.text);
  // One capture per text even when two people paste it at the same moment.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${sha256}, 0))`;
  // Only a capture the actor may already see is reused: reusing one quoted only on a restricted case
  // would hand its id (and, through the new quotes, its outlet, title and URL) to someone who may not
  // see it. Otherwise the same text becomes a capture of its own.
  const existing = await tx.source.findFirst({
    where: { sha256, ...sourceVisibleTo(actor) },
    orderBy: { createdAt: "asc" },
    select: { id: true, text: true },
  });
  if (existing && existing.text === input.text) return { id: existing.id, sha256, created: false };
  const created = await tx.source.create({
    data: {
      url: input.url ?? null,
      outlet: input.outlet,
      title: input.title,
      author: input.author ?? null,
      language: input.language ?? detectLang(input.text),
      publishedAt: input.publishedAt ?? null,
      text: input.text,
      sha256,
      capturedById: actor!.id,
      supersedesId: input.supersedesId ?? null,
      ...(input.reliability ? { reliability: input.reliability } : {}),
    },
    select: { id: true },
  });
  await writeHistory(tx, {
    actor,
    entity: "Source",
    entityId: created.id,
    caseId: null,
    action: "CREATE",
    changes: [{ field: "sha256", oldValue: null, newValue: sha256 }],
    reason,
  });
  return { id: created.id, sha256, created: true };
}

/**
 * Ties a passage of a source to a case, one of its events or one field. The passage must occur
 * word for word in the captured text (its offset is stored); the case must be one the actor may see
 * and the event must belong to it. Written with its history row in one transaction.
 */
export async function addClaim(
  actor: Actor,
  input: AddClaimInput,
): Promise<{ id: string; caseCode: string; sourceId: string }> {
  requirePermission(actor, "write:source:any");
  if (input.quote.length === 0 || input.quote.length > MAX_QUOTE || !isStorableText(input.quote))
    throw ruleBroken("The quote must be 1 to 5,000 characters of the source's text.");
  if (input.value !== undefined && (input.value.length > 300 || !isStorableText(input.value)))
    throw ruleBroken("The value is limited to 300 characters.");
  if (input.target === "FIELD" && !(input.field && (CLAIM_FIELD_NAMES as readonly string[]).includes(input.field)))
    throw ruleBroken("Choose the field the quote backs.");
  if (input.target === "EVENT" && !input.eventId) throw ruleBroken("Choose the event the quote is about.");

  const { id: caseId } = await requireVisibleCase(actor, input.caseCode);
  if (!RECORD_ID.test(input.sourceId)) throw notFound("Source");
  const source = await db.source.findFirst({
    where: { id: input.sourceId, ...sourceVisibleTo(actor) },
    select: { id: true, text: true },
  });
  if (!source) throw notFound("Source");
  if (input.target === "EVENT") {
    const event = await db.caseEvent.findFirst({
      where: { id: input.eventId, caseId, deletedAt: null },
      select: { id: true },
    });
    if (!event) throw notFound("Event");
  }
  const quoteStart = source.text.indexOf(input.quote);
  if (quoteStart < 0)
    throw ruleBroken(
      "That passage does not occur word for word in the source's text. Copy it exactly from the captured text.",
    );

  const data = {
    sourceId: source.id,
    caseId,
    target: input.target,
    eventId: input.target === "EVENT" ? input.eventId! : null,
    field: input.target === "FIELD" ? input.field! : null,
    value: input.target === "FIELD" ? (input.value ?? null) : null,
    quote: input.quote,
    quoteStart,
  };
  const same = await db.sourceClaim.findFirst({
    where: {
      sourceId: data.sourceId,
      caseId,
      target: data.target,
      eventId: data.eventId,
      field: data.field,
      value: data.value,
      quote: data.quote,
      deletedAt: null,
    },
    select: { id: true },
  });
  if (same) throw ruleBroken("This passage is already recorded for that target.");

  const created = await db.$transaction((tx) => createClaimInTx(tx, actor, data));
  return { id: created.id, caseCode: input.caseCode, sourceId: source.id };
}

/**
 * Inserts a claim and its history row inside the caller's transaction (also used by report
 * intake). The caller has checked that the quote occurs in the source at `quoteStart`.
 */
export async function createClaimInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  data: {
    sourceId: string;
    caseId: string;
    target: "CASE" | "EVENT" | "FIELD";
    eventId: string | null;
    field: string | null;
    value: string | null;
    quote: string;
    quoteStart: number;
  },
  reason?: string,
): Promise<{ id: string }> {
  requirePermission(actor, "write:source:any");
  const claim = await tx.sourceClaim.create({ data, select: { id: true } });
  await writeHistory(tx, {
    actor,
    entity: "SourceClaim",
    entityId: claim.id,
    caseId: data.caseId,
    action: "CREATE",
    changes: [
      {
        field: "target",
        oldValue: null,
        newValue: data.field ? `FIELD ${data.field}${data.value !== null ? ` = ${data.value}` : ""}` : data.target,
      },
      { field: "quote", oldValue: null, newValue: data.quote },
      { field: "sourceId", oldValue: null, newValue: data.sourceId },
    ],
    reason,
  });
  return claim;
}

/**
 * Quotes passages of one captured source onto cases, inside the caller's transaction (report intake
 * and the seed, which quote one text many times): each passage must occur in `source.text`, and its
 * offset is found there.
 */
export function sourceQuoter(
  tx: Prisma.TransactionClient,
  actor: Actor,
  source: { id: string; text: string },
  reason?: string,
) {
  return (
    caseId: string,
    quote: string,
    about: { target: "CASE" | "EVENT" | "FIELD"; eventId?: string; field?: string; value?: string },
  ): Promise<{ id: string }> => {
    const quoteStart = source.text.indexOf(quote);
    if (quoteStart < 0) throw ruleBroken(`A quoted passage is not in the source's text: "${quote.slice(0, 60)}…"`);
    return createClaimInTx(
      tx,
      actor,
      {
        sourceId: source.id,
        caseId,
        target: about.target,
        eventId: about.eventId ?? null,
        field: about.field ?? null,
        value: about.value ?? null,
        quote,
        quoteStart,
      },
      reason,
    );
  };
}

/**
 * An earlier capture of exactly this text that the actor may see (the same SHA-256 as saving it would
 * compute), with the cases it backs that the actor may see: so a pasted report can say at once that
 * it is already in, and offer those cases to add to. Null when there is none, or for those who do
 * not capture sources.
 */
export async function findEarlierCapture(actor: Actor, pasted: string) {
  if (!can(actor, "write:source:any")) return null;
  // Saving normalizes line breaks (a browser sends CRLF): compare what would be saved.
  const text = normalizeLineBreaks(pasted);
  const found = await db.source.findFirst({
    where: { sha256: sha256Hex(text), ...sourceVisibleTo(actor) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      outlet: true,
      retrievedAt: true,
      text: true,
      claims: {
        where: { deletedAt: null, case: caseVisibleTo(actor) },
        select: {
          case: {
            select: {
              code: true,
              title: true,
              sizeMin: true,
              country: true,
              province: true,
              cityArea: true,
              firstEventEarliest: true,
              lastEventLatest: true,
            },
          },
        },
      },
    },
  });
  if (!found || found.text !== text) return null;
  const cases = [...new Map(found.claims.map((c) => [c.case.code, c.case])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  return { id: found.id, title: found.title, outlet: found.outlet, retrievedAt: found.retrievedAt, cases };
}
