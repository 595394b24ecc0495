import "server-only";
import { db } from "@/lib/db";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { changedFields, historyRowSelect, writeHistory } from "@/lib/data/history";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventType, Vocabulary } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { EVENT_TERM_FIELDS, termRelation, termSpec, type EventTermField } from "@/lib/fields/event";
import { TERM_EDIT_FIELDS } from "@/lib/fields/vocabulary";
import { TERM_FILTERS, type TermFilterParam } from "@/lib/validations/case-filter";
import type { AddTermInput, MergeTermsInput, RetireTermInput, UpdateTermInput } from "@/lib/validations/vocabulary";

type Tx = Prisma.TransactionClient;

/** What readers see of a term: its code and its label in each language. */
export const termSelect = { id: true, code: true, labelEn: true, labelKo: true, retired: true } as const;
export type TermLabel = { id: string; code: string; labelEn: string; labelKo: string | null; retired: boolean };

/** The research terms of an event, for reading it: { crossing: { code, labelEn, … }, … }. */
export const eventTermsSelect = {
  arrestSetting: { select: termSelect },
  arrestingBody: { select: termSelect },
  facility: { select: termSelect },
  crossing: { select: termSelect },
  receivingAgency: { select: termSelect },
  outcome: { select: termSelect },
} as const satisfies Record<ReturnType<typeof termRelation>, unknown>;

/** A term's label in the reader's language: Korean when there is one and the reader reads Korean. */
export function termLabel(term: Pick<TermLabel, "labelEn" | "labelKo">, locale: string): string {
  return locale === "ko" && term.labelKo ? term.labelKo : term.labelEn;
}

/** The event column that holds a vocabulary's terms (one column per vocabulary). */
export function columnOf(vocabulary: Vocabulary): EventTermField {
  const found = EVENT_TERM_FIELDS.find((n) => termSpec(n).vocabulary === vocabulary);
  if (!found) throw new Error(`No event field takes ${vocabulary}`);
  return found;
}

/**
 * The terms offered for new events, by vocabulary: current terms only (not retired, not merged),
 * with `keep` (the terms an event being edited already uses) added so an edit can keep them.
 * Anyone who may write events reads them; they are not secret.
 */
export async function termChoices(keep: readonly string[] = []) {
  const terms = await db.vocabularyTerm.findMany({
    where: { OR: [{ retired: false, mergedIntoId: null }, { id: { in: [...keep] } }] },
    orderBy: [{ vocabulary: "asc" }, { labelEn: "asc" }],
    select: { ...termSelect, vocabulary: true },
  });
  const out = {} as Record<Vocabulary, (TermLabel & { vocabulary: Vocabulary })[]>;
  for (const t of terms) (out[t.vocabulary] ??= []).push(t);
  return out;
}
export type TermChoices = Awaited<ReturnType<typeof termChoices>>;

/**
 * The timeline's research-field filters: for each filter parameter, the terms one can filter by
 * (retired ones too, since past events hold them; merged ones are found through the term they went into).
 */
export async function termFilterOptions(locale: string) {
  const terms = await db.vocabularyTerm.findMany({
    where: { mergedIntoId: null },
    orderBy: [{ labelEn: "asc" }],
    select: { ...termSelect, vocabulary: true },
  });
  return (Object.keys(TERM_FILTERS) as TermFilterParam[]).map((param) => {
    const field = TERM_FILTERS[param];
    const vocabulary = termSpec(field).vocabulary;
    return {
      param,
      field,
      options: terms
        .filter((t) => t.vocabulary === vocabulary)
        .map((t) => [t.code, termLabel(t, locale)] as [string, string]),
    };
  });
}
export type TermFilterOptions = Awaited<ReturnType<typeof termFilterOptions>>;

/** Every term of every vocabulary (retired and merged ones too), with how many events use each, for admins. */
export async function listVocabularies(actor: Actor) {
  requirePermission(actor, "manage:vocabulary:any");
  const terms = await db.vocabularyTerm.findMany({
    orderBy: [{ vocabulary: "asc" }, { retired: "asc" }, { labelEn: "asc" }],
    select: {
      id: true,
      vocabulary: true,
      code: true,
      labelEn: true,
      labelKo: true,
      definition: true,
      sourceCitation: true,
      sourceUrl: true,
      placeName: true,
      latitude: true,
      longitude: true,
      retired: true,
      version: true,
      mergedInto: { select: { id: true, labelEn: true, code: true } },
    },
  });
  const uses = new Map<string, number>();
  for (const field of EVENT_TERM_FIELDS) {
    const rows = await db.caseEvent.groupBy({
      by: [field],
      where: { [field]: { not: null }, deletedAt: null },
      _count: { _all: true },
    });
    for (const r of rows as unknown as Record<string, unknown>[])
      uses.set(r[field] as string, (r._count as { _all: number })._all);
  }
  return terms.map((t) => ({
    ...t,
    latitude: t.latitude === null ? null : Number(t.latitude),
    longitude: t.longitude === null ? null : Number(t.longitude),
    uses: uses.get(t.id) ?? 0,
  }));
}
export type VocabularyTermRow = Awaited<ReturnType<typeof listVocabularies>>[number];

/**
 * The vocabularies' own history (adds, edits, merges, retirements), newest first, for the admin page's
 * sentences; with term labels for the ids the rows hold.
 */
export async function listVocabularyHistory(actor: Actor, limit = 100) {
  requirePermission(actor, "manage:vocabulary:any");
  const rows = await db.recordChange.findMany({
    where: { entity: "VocabularyTerm" },
    orderBy: { id: "desc" },
    take: limit,
    select: historyRowSelect,
  });
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.entityId);
    if (r.field === "mergedIntoId") for (const v of [r.oldValue, r.newValue]) if (v) ids.add(v);
  }
  const terms = await db.vocabularyTerm.findMany({ where: { id: { in: [...ids] } }, select: termSelect });
  return {
    rows: rows.map(({ user, ...r }) => ({
      ...r,
      id: r.id.toString(),
      txid: r.txid?.toString() ?? null,
      userName: user?.name ?? null,
    })),
    names: Object.fromEntries(terms.map((t) => [t.id, { label: t.labelEn, href: `/admin/vocabularies#term-${t.id}` }])),
  };
}

/** The values a term's history records, as the table's field names. */
const termValues = (v: Partial<Record<string, unknown>>): Record<string, unknown> => ({
  ...v,
  latitude: v.latitude === null || v.latitude === undefined ? v.latitude : String(Number(v.latitude)),
  longitude: v.longitude === null || v.longitude === undefined ? v.longitude : String(Number(v.longitude)),
});

const HISTORY_FIELDS = ["vocabulary", "code", ...TERM_EDIT_FIELDS] as const;

/** Writes a new term with its history row, in the caller's transaction (the admin page, the seed). */
export async function createTermInTx(
  tx: Tx,
  actor: Actor,
  input: AddTermInput,
  reason?: string,
): Promise<{ id: string }> {
  const data = {
    vocabulary: input.vocabulary,
    code: input.code,
    labelEn: input.labelEn,
    labelKo: input.labelKo ?? null,
    definition: input.definition,
    sourceCitation: input.sourceCitation ?? null,
    sourceUrl: input.sourceUrl ?? null,
    placeName: input.placeName ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
  const term = await tx.vocabularyTerm.create({ data, select: { id: true } });
  await writeHistory(tx, {
    actor,
    entity: "VocabularyTerm",
    entityId: term.id,
    caseId: null,
    action: "CREATE",
    changes: changedFields({} as Record<string, unknown>, termValues(data), HISTORY_FIELDS),
    reason,
  });
  return term;
}

/** Adds a term to a vocabulary; its code must be new in that vocabulary. */
export async function addTerm(actor: Actor, input: AddTermInput): Promise<{ id: string }> {
  requirePermission(actor, "manage:vocabulary:any");
  try {
    return await db.$transaction((tx) => createTermInTx(tx, actor, input));
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw ruleBroken(`The code “${input.code}” is already used in this vocabulary.`);
    throw e;
  }
}

/** Renames, translates or redefines a term opened at `version`. */
export async function updateTerm(actor: Actor, input: UpdateTermInput): Promise<void> {
  requirePermission(actor, "manage:vocabulary:any");
  const current = await db.vocabularyTerm.findUnique({ where: { id: input.termId } });
  if (!current) throw notFound("Term");
  await checkVersion(db, "VocabularyTerm", current, input.version);
  const after = {
    labelEn: input.labelEn,
    labelKo: input.labelKo ?? null,
    definition: input.definition,
    sourceCitation: input.sourceCitation ?? null,
    sourceUrl: input.sourceUrl ?? null,
    placeName: input.placeName ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
  const changes = changedFields(termValues(current), termValues(after), TERM_EDIT_FIELDS);
  if (changes.length === 0) return;
  await db.$transaction(async (tx) => {
    await updateAtVersion(tx, "VocabularyTerm", { id: current.id, opened: input.version }, after);
    await writeHistory(tx, {
      actor,
      entity: "VocabularyTerm",
      entityId: current.id,
      caseId: null,
      action: "UPDATE",
      changes,
    });
  });
}

/**
 * Retires a term (or brings it back): events that use it keep it and still show it; new events and
 * edits that would newly choose it are refused. Waits for event writes that hold the term.
 */
export async function setTermRetired(actor: Actor, input: RetireTermInput): Promise<void> {
  requirePermission(actor, "manage:vocabulary:any");
  const current = await db.vocabularyTerm.findUnique({
    where: { id: input.termId },
    select: { id: true, version: true, retired: true, mergedIntoId: true },
  });
  if (!current) throw notFound("Term");
  await checkVersion(db, "VocabularyTerm", current, input.version);
  if (current.mergedIntoId && !input.retired) throw ruleBroken("A merged term cannot be brought back.");
  if (current.retired === input.retired) return;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "VocabularyTerm" WHERE "id" = ${current.id} FOR UPDATE`;
    await updateAtVersion(tx, "VocabularyTerm", { id: current.id, opened: input.version }, { retired: input.retired });
    await writeHistory(tx, {
      actor,
      entity: "VocabularyTerm",
      entityId: current.id,
      caseId: null,
      action: "UPDATE",
      changes: [{ field: "retired", oldValue: String(current.retired), newValue: String(input.retired) }],
    });
  });
}

/**
 * Merges `termId` into `intoId` (same vocabulary) in one transaction: both terms are locked, every
 * event that uses `termId` is moved to `intoId` (each move in its case's history), terms merged into
 * `termId` before now point at `intoId`, and `termId` is retired pointing at `intoId`.
 *
 * Safe against a concurrent event write: writers take the terms they newly choose FOR SHARE
 * (assertTermsUsable), the merge takes both FOR UPDATE, so either the write commits first and the
 * merge's UPDATE (a fresh snapshot under READ COMMITTED) moves it, or the merge commits first and the
 * writer, reading the term again, is refused because it is merged. No event is left on a merged term.
 */
export async function mergeTerms(actor: Actor, input: MergeTermsInput): Promise<{ moved: number }> {
  requirePermission(actor, "manage:vocabulary:any");
  return db.$transaction(async (tx) => {
    const ids = [input.termId, input.intoId].sort();
    const locked = await tx.$queryRaw<
      { id: string; vocabulary: Vocabulary; labelEn: string; retired: boolean; mergedIntoId: string | null }[]
    >`SELECT "id", "vocabulary", "labelEn", "retired", "mergedIntoId" FROM "VocabularyTerm"
      WHERE "id" = ANY(${ids}) ORDER BY "id" FOR UPDATE`;
    const from = locked.find((t) => t.id === input.termId);
    const into = locked.find((t) => t.id === input.intoId);
    if (!from || !into) throw notFound("Term");
    if (from.vocabulary !== into.vocabulary) throw ruleBroken("Only terms of the same vocabulary can be merged.");
    if (from.mergedIntoId) throw ruleBroken(`“${from.labelEn}” has already been merged.`);
    if (into.mergedIntoId)
      throw ruleBroken(`“${into.labelEn}” has been merged into another term; merge into that one.`);
    const column = columnOf(from.vocabulary);
    const moved = await tx.$queryRaw<{ id: string; caseId: string }[]>`
      UPDATE "CaseEvent" SET ${Prisma.raw(`"${column}"`)} = ${into.id}, "updatedAt" = now()
      WHERE ${Prisma.raw(`"${column}"`)} = ${from.id} RETURNING "id", "caseId"`;
    const reason = `merged “${from.labelEn}” into “${into.labelEn}”`;
    if (moved.length)
      await tx.recordChange.createMany({
        data: moved.map((e) => ({
          userId: actor?.id ?? null,
          entity: "CaseEvent",
          entityId: e.id,
          caseId: e.caseId,
          action: "UPDATE" as const,
          field: column,
          oldValue: from.id,
          newValue: into.id,
          reason,
        })),
      });
    await tx.vocabularyTerm.updateMany({ where: { mergedIntoId: from.id }, data: { mergedIntoId: into.id } });
    await tx.vocabularyTerm.update({
      where: { id: from.id },
      data: { mergedIntoId: into.id, retired: true, version: { increment: 1 } },
    });
    await writeHistory(tx, {
      actor,
      entity: "VocabularyTerm",
      entityId: from.id,
      caseId: null,
      action: "UPDATE",
      changes: [
        { field: "mergedIntoId", oldValue: null, newValue: into.id },
        ...(from.retired ? [] : [{ field: "retired", oldValue: "false", newValue: "true" }]),
      ],
      reason: `${moved.length} ${moved.length === 1 ? "use" : "uses"} moved`,
    });
    return { moved: moved.length };
  });
}

/**
 * Inside an event write, before the event row is written: every research term the write newly
 * chooses (not the one the event already had) must exist, be of its field's vocabulary, apply to the
 * event's type, and be current (not retired, not merged). The terms are taken FOR SHARE until the
 * transaction ends, so a merge or retirement waits for this write (see mergeTerms).
 */
export async function assertTermsUsable(
  tx: Tx,
  data: Partial<Record<EventTermField, string | null>> & { type?: EventType },
  before: Partial<Record<EventTermField, string | null>> = {},
): Promise<void> {
  const chosen = EVENT_TERM_FIELDS.flatMap((f) => {
    const id = data[f];
    return id && id !== before[f] ? [{ field: f, id }] : [];
  });
  if (chosen.length === 0) return;
  const rows = await tx.$queryRaw<
    { id: string; vocabulary: Vocabulary; labelEn: string; retired: boolean; mergedIntoId: string | null }[]
  >`SELECT "id", "vocabulary", "labelEn", "retired", "mergedIntoId" FROM "VocabularyTerm"
    WHERE "id" = ANY(${chosen.map((c) => c.id).sort()}) ORDER BY "id" FOR SHARE`;
  for (const { field, id } of chosen) {
    const spec = termSpec(field);
    const term = rows.find((r) => r.id === id);
    if (!term || term.vocabulary !== spec.vocabulary) throw ruleBroken("Choose a term from the list.");
    if (data.type && !(spec.appliesTo as readonly string[]).includes(data.type))
      throw ruleBroken(`“${term.labelEn}” does not apply to this kind of event.`);
    if (term.mergedIntoId) throw ruleBroken(`“${term.labelEn}” has been merged into another term; choose again.`);
    if (term.retired) throw ruleBroken(`“${term.labelEn}” is retired; choose a current term.`);
  }
}

/**
 * A filter's term codes resolved to the ids events hold: a code names its term, and a merged term's
 * code names the term it was merged into (links made before a merge keep working).
 */
export function termIdsSql(vocabulary: Vocabulary, codes: readonly string[]): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(t."mergedIntoId", t."id") FROM "VocabularyTerm" t
    WHERE t."vocabulary" = CAST(${vocabulary} AS "Vocabulary") AND t."code" = ANY(${[...codes]}))`;
}
