import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { writeHistory } from "@/lib/data/history";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import { caseVisibleTo } from "@/lib/data/visibility";
import { requirePermission } from "@/lib/auth/permissions";
import type { SetVisibilityInput } from "@/lib/validations/case-visibility";
import type { Visibility } from "@/lib/generated/prisma/enums";

const caseListSelect = {
  code: true,
  title: true,
  status: true,
  verification: true,
  sizeMin: true,
  sizeMax: true,
  sizeBest: true,
  sizeWording: true,
  country: true,
  province: true,
  cityArea: true,
  firstEventEarliest: true,
  lastEventLatest: true,
  visibility: true,
  origin: true,
} satisfies Prisma.CaseSelect;

const sourceSummarySelect = {
  id: true,
  outlet: true,
  title: true,
  author: true,
  url: true,
  publishedAt: true,
  retrievedAt: true,
  sha256: true,
  reliability: true,
} satisfies Prisma.SourceSelect;

const claimSelect = {
  id: true,
  target: true,
  field: true,
  value: true,
  quote: true,
  eventId: true,
  source: { select: sourceSummarySelect },
} satisfies Prisma.SourceClaimSelect;

export type ClaimDto = Prisma.SourceClaimGetPayload<{ select: typeof claimSelect }>;
export type SourceSummary = Prisma.SourceGetPayload<{ select: typeof sourceSummarySelect }>;

/**
 * One case with its events, sources and the quotes behind each figure, or null when it does not
 * exist or the actor may not see it (the page then answers 404, so existence does not leak).
 */
export async function getCaseByCode(actor: Actor, code: string) {
  if (!CASE_CODE.test(code)) return null;
  return loadCase({ ...caseVisibleTo(actor), code }, actor);
}

const CASE_CODE = /^[A-Z]{2,3}-\d{4}-\d{4}$/;

/**
 * The case exactly as a visitor would see it once published, for an editor about to publish it
 * (or checking a published one). The case must be one the editor may see.
 */
export async function getCasePublishPreview(actor: Actor, code: string) {
  if (!can(actor, "publish:case:any") || !CASE_CODE.test(code)) return null;
  return loadCase({ ...caseVisibleTo(actor), code }, null);
}

/** Loads one case matched by `where`, with only the parts `actor` may see (null: a visitor's view). */
async function loadCase(where: Prisma.CaseWhereInput, actor: Actor) {
  const found = await db.case.findFirst({
    where,
    select: {
      ...caseListSelect,
      id: true,
      summary: true,
      priority: true,
      statusManual: true,
      tags: true,
      latitude: true,
      longitude: true,
      geoPrecision: true,
      familyInSouthMin: true,
      familyInSouthMax: true,
      askedForHelpMin: true,
      askedForHelpMax: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      events: {
        where: { deletedAt: null },
        orderBy: [{ dateEarliest: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          type: true,
          dateEarliest: true,
          dateLatest: true,
          precision: true,
          dateWording: true,
          description: true,
          country: true,
          province: true,
          cityArea: true,
          authority: true,
          version: true,
        },
      },
      claims: { where: { deletedAt: null }, select: claimSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!found) return null;
  // Advocacy (who was approached, and how) is for the people doing it, not for the public page.
  const actions = can(actor, "read:advocacy:any")
    ? await db.advocacyAction.findMany({
        where: { caseId: found.id, deletedAt: null },
        orderBy: { date: "asc" },
        select: {
          id: true,
          kind: true,
          date: true,
          askedFor: true,
          response: true,
          status: true,
          followUpDue: true,
          notes: true,
          contact: { select: { id: true, name: true, kind: true, organisation: true, role: true } },
        },
      })
    : [];
  const { claims, ...rest } = found;
  return {
    ...rest,
    actions,
    caseClaims: claims.filter((c) => c.target === "CASE"),
    fieldClaims: groupBy(claims.filter((c) => c.target === "FIELD" && c.field), (c) => c.field as string),
    eventClaims: groupBy(claims.filter((c) => c.target === "EVENT" && c.eventId), (c) => c.eventId as string),
    sources: uniqueBy(claims.map((c) => c.source), (s) => s.id),
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseByCode>>>;

function groupBy<T>(items: T[], key: (t: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) (out[key(item)] ??= []).push(item);
  return out;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
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
    throw ruleBroken("This case is restricted. Publishing it shows its title, summary, group size, places, events and quoted sources to everyone. Tick the confirmation to publish it.");
  }
  const visibility: Visibility = publishing ? "PUBLIC" : (current.visibilityBeforePublish ?? "INTERNAL");
  await db.$transaction(async (tx) => {
    await updateAtVersion(tx, "Case", { id: current.id, opened: input.version }, { visibility, visibilityBeforePublish: publishing ? current.visibility : null, updatedById: actor!.id });
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
