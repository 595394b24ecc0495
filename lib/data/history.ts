import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findVisibleCase } from "@/lib/data/visibility";
import { historyValue } from "@/lib/format/history";
import { EVENT_LABEL, enumLabel, formatUncertainDate } from "@/lib/format/display";
import type { HistoryNames, HistoryRow, NamedRecord } from "@/lib/format/history-sentences";
import type { HistoryFilter } from "@/lib/validations/history";
import { can, type Actor } from "@/lib/auth/permissions";
import { EVENT_TERM_FIELDS } from "@/lib/fields/event";

type Tx = Prisma.TransactionClient;
type ChangeAction = "CREATE" | "UPDATE" | "ARCHIVE" | "RESTORE";

/** The fields whose value differs between `before` and `after`, as old → new text. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
) {
  return fields
    .filter((f) => f in after && historyValue(before[f]) !== historyValue(after[f]))
    .map((f) => ({ field: f, oldValue: historyValue(before[f]), newValue: historyValue(after[f]) }));
}

/**
 * Appends history rows inside the caller's transaction, one per changed field (or one row for a
 * create/archive/restore without fields), so the change and its record commit or fail together.
 * Never pass restricted values (identities, contact details): history is not encrypted, so callers
 * record "changed" for those fields instead of the values.
 */
export async function writeHistory(
  tx: Tx,
  entry: {
    actor: Actor;
    entity: string;
    entityId: string;
    caseId: string | null;
    action: ChangeAction;
    changes?: { field: string; oldValue: string | null; newValue: string | null }[];
    reason?: string | null;
  },
): Promise<void> {
  const base = {
    userId: entry.actor?.id ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    caseId: entry.caseId,
    action: entry.action,
    reason: entry.reason || null,
  };
  const rows = entry.changes?.length ? entry.changes.map((c) => ({ ...base, ...c })) : [base];
  await tx.recordChange.createMany({ data: rows });
}

/**
 * A case's history, newest first, filtered by person, kind of record and date (UTC days, inclusive),
 * with the people who made its changes (for the person filter) and names and links for the records
 * its rows point at (a quote's source, an action's contact, an event), so the page can say what
 * happened instead of showing ids. Null when the actor may not see the case or its history.
 */
/** The columns of a history row the history's sentences are written from (lib/format/history-sentences.ts). */
export const historyRowSelect = {
  id: true,
  at: true,
  userId: true,
  entity: true,
  entityId: true,
  action: true,
  field: true,
  oldValue: true,
  newValue: true,
  reason: true,
  txid: true,
  user: { select: { name: true } },
} satisfies Prisma.RecordChangeSelect;

export async function listCaseHistory(actor: Actor, caseCode: string, filter: HistoryFilter = {}, limit = 500) {
  if (!can(actor, "read:history:case")) return null;
  const found = await findVisibleCase(actor, caseCode);
  if (!found) return null;
  const at =
    filter.from || filter.to
      ? {
          ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
          ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
        }
      : undefined;
  const [rows, people] = await Promise.all([
    db.recordChange.findMany({
      where: {
        caseId: found.id,
        ...(filter.who ? { userId: filter.who } : {}),
        ...(filter.kind ? { entity: filter.kind } : {}),
        ...(at ? { at } : {}),
      },
      orderBy: { id: "desc" },
      take: limit,
      select: historyRowSelect,
    }),
    db.user.findMany({
      where: { changes: { some: { caseId: found.id } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const listed: HistoryRow[] = rows.map(({ user, ...r }) => ({
    ...r,
    id: r.id.toString(),
    txid: r.txid?.toString() ?? null,
    userName: user?.name ?? null,
  }));
  return { rows: listed, people, names: await historyNames(found.id, caseCode, listed) };
}

/** Names and links for the ids a case's history rows hold, limited to records of that case. */
async function historyNames(caseId: string, caseCode: string, rows: HistoryRow[]): Promise<HistoryNames> {
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId))];
  const contactIds = [
    ...new Set(
      rows
        .filter((r) => r.entity === "AdvocacyAction" && r.field === "contactId")
        .flatMap((r) => [r.oldValue, r.newValue]),
    ),
  ].filter((v): v is string => Boolean(v));
  const termIds = [
    ...new Set(
      rows
        .filter(
          (r) => r.entity === "CaseEvent" && r.field && (EVENT_TERM_FIELDS as readonly string[]).includes(r.field),
        )
        .flatMap((r) => [r.oldValue, r.newValue]),
    ),
  ].filter((v): v is string => Boolean(v));
  const [claims, actions, contacts, events, terms] = await Promise.all([
    db.sourceClaim.findMany({
      where: { id: { in: ids("SourceClaim") }, caseId },
      select: { id: true, source: { select: { id: true, outlet: true, title: true } } },
    }),
    db.advocacyAction.findMany({
      where: { id: { in: ids("AdvocacyAction") }, caseId },
      select: { id: true, kind: true, contact: { select: { name: true } } },
    }),
    db.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true, name: true } }),
    db.caseEvent.findMany({
      where: { id: { in: ids("CaseEvent") }, caseId },
      select: { id: true, type: true, dateEarliest: true, dateLatest: true, precision: true },
    }),
    db.vocabularyTerm.findMany({ where: { id: { in: termIds } }, select: { id: true, labelEn: true } }),
  ]);
  const names: Record<string, NamedRecord> = {};
  for (const c of claims)
    names[c.id] = { label: `${c.source.outlet}, “${c.source.title}”`, href: `/sources/${c.source.id}` };
  for (const a of actions)
    names[a.id] = {
      label: `${enumLabel(a.kind).toLowerCase()} to ${a.contact.name}`,
      href: `/cases/${caseCode}#advocacy`,
    };
  for (const c of contacts) names[c.id] = { label: c.name, href: `/contacts/${c.id}` };
  for (const t of terms) names[t.id] = { label: t.labelEn };
  for (const e of events)
    names[e.id] = {
      label: `${EVENT_LABEL[e.type]}, ${formatUncertainDate(e.dateEarliest, e.dateLatest, e.precision)}`,
      href: `/cases/${caseCode}#timeline`,
    };
  return names;
}
