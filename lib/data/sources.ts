import "server-only";
import { db } from "@/lib/db";
import { visibleCaseWhere } from "@/lib/data/cases";
import { can, type Actor } from "@/lib/permissions";

/**
 * A captured source with its text and the quotes taken from it, or null when the actor may not see
 * it. A visitor may read a source only when it backs a case they can see (or a public reference
 * series): a report attached only to a restricted case must not reveal that case.
 */
export async function getSourceForActor(actor: Actor, id: string) {
  if (!/^[a-z0-9]{20,40}$/i.test(id)) return null;
  const caseWhere = visibleCaseWhere(actor);
  const source = await db.source.findFirst({
    where: {
      id,
      deletedAt: null,
      ...(can(actor, "read:case:restricted") ? {} : { OR: [{ claims: { some: { deletedAt: null, case: caseWhere } } }, { stats: { some: {} } }] }),
    },
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
        select: { id: true, quote: true, field: true, value: true, target: true, case: { select: { code: true, title: true } } },
        orderBy: { quoteStart: "asc" },
      },
    },
  });
  return source;
}
