import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/data/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, visibleCaseLevels, type Actor } from "@/lib/auth/permissions";
import { CASE_CODE } from "@/lib/validations/fields";

/**
 * What an actor may see, in one place: every read and write of cases, and of what hangs off them,
 * starts from these conditions, so no query can forget one.
 */

/** Cases: not archived, and at a visibility level the actor may read. */
export function caseVisibleTo(actor: Actor): Prisma.CaseWhereInput {
  return { deletedAt: null, visibility: { in: visibleCaseLevels(actor) } };
}

/** The same condition on a "Case" aliased `c`, for SQL (the timeline, exports, the API). */
export function caseVisibleSql(actor: Actor): Prisma.Sql {
  return Prisma.sql`c."deletedAt" IS NULL AND c."visibility" = ANY(CAST(${visibleCaseLevels(actor)} AS "Visibility"[]))`;
}

/**
 * Sources. Staff and admins see all. Others see a source only when it backs a case they can see (or
 * a public reference series): a report attached only to a restricted case must not reveal that case.
 * Those who capture sources also see captures not yet quoted in any case (such a capture names no case).
 */
export function sourceVisibleTo(actor: Actor): Prisma.SourceWhereInput {
  if (can(actor, "read:case:restricted")) return { deletedAt: null };
  const or: Prisma.SourceWhereInput[] = [
    { claims: { some: { deletedAt: null, case: caseVisibleTo(actor) } } },
    { stats: { some: {} } },
  ];
  if (can(actor, "write:source:any")) or.push({ claims: { none: {} } });
  return { deletedAt: null, OR: or };
}

/** A case the actor may see, by code: its id, or null when it does not exist or is not visible. */
export async function findVisibleCase(
  actor: Actor,
  code: string,
  client: Pick<typeof db, "case"> = db,
): Promise<{ id: string; code: string } | null> {
  if (!CASE_CODE.test(code)) return null;
  return client.case.findFirst({ where: { ...caseVisibleTo(actor), code }, select: { id: true, code: true } });
}

/** The same for a write: the case, or the "not-found" refusal. */
export async function requireVisibleCase(
  actor: Actor,
  code: string,
  client: Pick<typeof db, "case"> = db,
): Promise<{ id: string; code: string }> {
  const found = await findVisibleCase(actor, code, client);
  if (!found) throw notFound("Case");
  return found;
}
