import "server-only";
import { db } from "@/lib/db";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import { caseVisibleTo } from "@/lib/data/visibility";
import { changedFields, writeHistory } from "@/lib/data/history";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus, DataOrigin, GeoPrecision, Visibility } from "@/lib/generated/prisma/enums";
import { CASE_CODE } from "@/lib/validations/fields";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { caseColumnsSelect } from "@/lib/data/cases";
import { CASE_CREATE_FIELDS, CASE_FIELDS } from "@/lib/fields/case";
import { columnValues, historyFields, sourcedFields } from "@/lib/fields/define";
import type { CreateCaseInput, UpdateCaseInput } from "@/lib/validations/case";
import type { SetVisibilityInput } from "@/lib/validations/case-visibility";
import { resolveLang } from "@/lib/i18n/text-lang";

/** The fields whose changes the history records: the table says which. */
const HISTORY_FIELDS = historyFields(CASE_FIELDS);

/** Fields that a source can back: changing one that has quotes behind it needs a reason. */
const SOURCED_FIELDS = new Set<string>(sourcedFields(CASE_FIELDS));

/** A case's columns from a validated form: each field a new case has (lib/fields/case.ts), absent optional ones as null. */
function caseData(input: CreateCaseInput) {
  const data = columnValues(CASE_CREATE_FIELDS, input);
  // "auto" is the form's choice, never a stored value: the language of the title and summary as written.
  return { ...data, lang: resolveLang(input.lang, input.title, input.summary) };
}

/** The next free code for a country and year, e.g. CN-2026-0004. */
export async function nextCaseCode(tx: Prisma.TransactionClient, country: string, year: number): Promise<string> {
  const prefix = `${country}-${year}-`;
  const last = await tx.case.findFirst({
    where: { code: { startsWith: prefix } },
    orderBy: { code: "desc" },
    select: { code: true },
  });
  const next = last ? Number(last.code.slice(prefix.length)) + 1 : 1;
  if (next > 9999) throw ruleBroken(`No case codes left for ${prefix}…`);
  return `${prefix}${String(next).padStart(4, "0")}`;
}

/**
 * Logs a new case (never PUBLIC: publishing goes through the preview) with an automatic code.
 * Two editors saving at once cannot get the same code: the unique index refuses one, which retries.
 */
export async function createCase(actor: Actor, input: CreateCaseInput, today = new Date()): Promise<{ code: string }> {
  requirePermission(actor, "create:case:any");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const { code } = await createCaseInTx(tx, actor, input, { year: today.getUTCFullYear() });
        return { code };
      });
    } catch (error) {
      const unique = (error as { code?: string }).code === "P2002";
      if (!unique || attempt === 2) throw error;
    }
  }
  throw ruleBroken("Could not assign a case code; try again.");
}

/**
 * Inserts a case and its history row inside the caller's transaction (for createCase, report intake
 * and the seed, which save many records at once). The code's sequence comes from `year`, unless the
 * caller brings its own code (the seed; records moving in from another system). The seed also says
 * where the record comes from, how precise its place is, and may publish it at once (with the
 * permission to publish).
 */
export async function createCaseInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: CreateCaseInput,
  opts: {
    year: number;
    code?: string;
    status?: CaseStatus;
    statusManual?: boolean;
    reason?: string;
    origin?: DataOrigin;
    geoPrecision?: GeoPrecision;
    visibility?: Visibility;
  },
): Promise<{ id: string; code: string }> {
  requirePermission(actor, "create:case:any");
  if (opts.visibility === "PUBLIC") requirePermission(actor, "publish:case:any");
  if (opts.code !== undefined && !CASE_CODE.test(opts.code))
    throw ruleBroken(`"${opts.code}" is not a case code (e.g. CN-2012-0001).`);
  const code = opts.code ?? (await nextCaseCode(tx, input.country, opts.year));
  const status = opts.status ?? "UNKNOWN";
  const data = { ...caseData(input), ...(opts.visibility ? { visibility: opts.visibility } : {}) };
  const created = await tx.case.create({
    data: {
      ...data,
      code,
      status,
      statusManual: opts.statusManual ?? false,
      ...(opts.origin ? { origin: opts.origin } : {}),
      ...(opts.geoPrecision ? { geoPrecision: opts.geoPrecision } : {}),
      createdById: actor!.id,
      updatedById: actor!.id,
    },
    select: { id: true, code: true },
  });
  const changes = changedFields({} as Record<string, unknown>, { ...data, code, ...(opts.status ? { status } : {}) }, [
    ...HISTORY_FIELDS,
    "code",
  ] as string[]);
  await writeHistory(tx, {
    actor,
    entity: "Case",
    entityId: created.id,
    caseId: created.id,
    action: "CREATE",
    changes,
    reason: opts.reason,
  });
  return created;
}

/**
 * Saves an edit made from a form opened at `version`; refuses a stale version with who and when.
 * A status chosen here is a status set by hand: it needs a reason, is marked as such (the case page
 * says "set by hand") and leaves no event behind; what happened, with its date and source, is
 * recorded through "Record what happened" instead (recordWhatHappened), and the status follows it.
 */
export async function updateCase(actor: Actor, input: UpdateCaseInput): Promise<void> {
  requirePermission(actor, "update:case:any");
  const current = await db.case.findFirst({
    where: { ...caseVisibleTo(actor), code: input.code },
    select: {
      id: true,
      version: true,
      statusManual: true,
      ...caseColumnsSelect,
      claims: { where: { deletedAt: null, target: "FIELD" }, select: { field: true } },
    },
  });
  if (!current) throw notFound("Case");
  await checkVersion(db, "Case", current, input.version);
  // A PUBLIC case stays public when edited; publishing and unpublishing go through the preview.
  const visibility: Visibility = current.visibility === "PUBLIC" ? "PUBLIC" : input.visibility;
  const after = { ...caseData(input), visibility, status: input.status };
  const changes = changedFields(current as unknown as Record<string, unknown>, after, HISTORY_FIELDS);
  if (changes.length === 0) return;
  const statusChanged = changes.some((c) => c.field === "status");
  const sourced = new Set(current.claims.map((c) => c.field));
  const sourcedChanged = changes.some((c) => SOURCED_FIELDS.has(c.field) && sourced.has(c.field));
  if (!input.reason) {
    if (statusChanged) throw ruleBroken("Give a reason for changing the status.");
    if (sourcedChanged) throw ruleBroken("Give a reason for the change: a source backs a value you changed.");
  }
  await db.$transaction(async (tx) => {
    await updateAtVersion(
      tx,
      "Case",
      { id: current.id, opened: input.version },
      { ...after, statusManual: statusChanged ? true : undefined, updatedById: actor!.id },
    );
    await writeHistory(tx, {
      actor,
      entity: "Case",
      entityId: current.id,
      caseId: current.id,
      action: "UPDATE",
      changes:
        statusChanged && !current.statusManual
          ? [...changes, { field: "statusManual", oldValue: "false", newValue: "true" }]
          : changes,
      reason: input.reason,
    });
  });
}

/** Archives (hides from lists) or restores a case. Nothing is deleted. */
export async function setCaseArchived(
  actor: Actor,
  input: { code: string; version: number; archived: boolean; reason?: string },
): Promise<void> {
  requirePermission(actor, "archive:case:any");
  const current = await db.case.findFirst({
    where: {
      code: input.code,
      visibility: caseVisibleTo(actor).visibility,
      deletedAt: input.archived ? null : { not: null },
    },
    select: { id: true, version: true },
  });
  if (!current) throw notFound("Case");
  await checkVersion(db, "Case", current, input.version);
  await db.$transaction(async (tx) => {
    await updateAtVersion(
      tx,
      "Case",
      { id: current.id, opened: input.version },
      { deletedAt: input.archived ? new Date() : null, updatedById: actor!.id },
    );
    await writeHistory(tx, {
      actor,
      entity: "Case",
      entityId: current.id,
      caseId: current.id,
      action: input.archived ? "ARCHIVE" : "RESTORE",
      reason: input.reason,
    });
  });
}

/**
 * Publishes a case (PUBLIC) or takes it back to the visibility it had before publishing (a restricted
 * case goes back to restricted, never to internal), refusing a stale version, and records the change
 * with its reason in the same transaction. Publishing a restricted case needs `confirmRestricted`:
 * everything on it becomes public.
 */
export async function setCaseVisibility(actor: Actor, input: SetVisibilityInput): Promise<{ visibility: Visibility }> {
  requirePermission(actor, "publish:case:any");
  const current = await db.case.findFirst({
    where: { ...caseVisibleTo(actor), code: input.code },
    select: { id: true, visibility: true, visibilityBeforePublish: true, version: true },
  });
  if (!current) throw notFound("Case");
  await checkVersion(db, "Case", current, input.version);
  const publishing = input.intent === "publish";
  if (publishing === (current.visibility === "PUBLIC")) return { visibility: current.visibility };
  if (publishing && current.visibility === "RESTRICTED" && input.confirmRestricted !== "yes") {
    throw ruleBroken(
      "This case is restricted. Publishing it shows its title, summary, group size, places, events and quoted sources to everyone. Tick the confirmation to publish it.",
    );
  }
  const visibility: Visibility = publishing ? "PUBLIC" : (current.visibilityBeforePublish ?? "INTERNAL");
  await db.$transaction(async (tx) => {
    await updateAtVersion(
      tx,
      "Case",
      { id: current.id, opened: input.version },
      { visibility, visibilityBeforePublish: publishing ? current.visibility : null, updatedById: actor!.id },
    );
    await writeHistory(tx, {
      actor,
      entity: "Case",
      entityId: current.id,
      caseId: current.id,
      action: "UPDATE",
      changes: [{ field: "visibility", oldValue: current.visibility, newValue: visibility }],
      reason: input.reason,
    });
  });
  return { visibility };
}
