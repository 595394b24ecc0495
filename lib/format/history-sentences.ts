import { formatPlace, formatUncertainDate } from "@/lib/format/display";
import type { Messages } from "@/lib/i18n/field-labels";
import { historyDescriber } from "@/lib/i18n/history-labels";
import type { DatePrecision } from "@/lib/generated/prisma/enums";

/** One stored history row (RecordChange), with the name of who made it. */
export type HistoryRow = {
  id: string;
  at: Date;
  userId: string | null;
  userName: string | null;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  /** The transaction that wrote it (rows of one save share it); null for rows from before it was kept. */
  txid: string | null;
};

/** A record a history row names, as a person would call it, with where to see it. */
export type NamedRecord = { label: string; href?: string };
/** Names for record ids the rows point at (a claim's source, an action's contact), from the data layer. */
export type HistoryNames = Readonly<Record<string, NamedRecord | undefined>>;

/** One thing done in a save: "added an event: Arrested, March 2013, Tumen", with its edits old → new. */
export type HistoryClause = {
  text: string;
  link?: NamedRecord;
  changes: { field: string; oldValue: string | null; newValue: string | null }[];
};

/** One save: who, when, the clauses that make its sentence, its reasons, and the raw rows behind it. */
export type HistorySave = {
  key: string;
  at: Date;
  who: string;
  clauses: HistoryClause[];
  reasons: string[];
  rows: HistoryRow[];
};

/** For rows without a transaction id: rows by the same person within this window count as one save. */
export const SAVE_WINDOW_MS = 2000;

/** Whether a row belongs to the same save as the save's newest row. */
function sameSave(head: HistoryRow, row: HistoryRow): boolean {
  if (head.userId !== row.userId) return false;
  if (head.txid !== null || row.txid !== null) return head.txid === row.txid;
  return Math.abs(head.at.getTime() - row.at.getTime()) <= SAVE_WINDOW_MS;
}

/**
 * Groups rows (newest first, as listed) into saves: consecutive rows written in one transaction (the
 * same txid). A save writes its rows in one transaction, so they are adjacent in id order. Rows from
 * before the transaction was recorded fall back to the same person within SAVE_WINDOW_MS.
 */
export function groupSaves(rows: readonly HistoryRow[]): HistoryRow[][] {
  const groups: HistoryRow[][] = [];
  for (const row of rows) {
    const current = groups.at(-1);
    if (current && sameSave(current[0], row)) current.push(row);
    else groups.push([row]);
  }
  return groups;
}

const day = (iso: string | null | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00.000Z`) : null;

/**
 * Builds readable sentences for a list of history rows: each save becomes "Demo Editor added an event:
 * Arrested, March 2013, Tumen; added a source quote from The Korea Herald", with field labels, enum
 * labels and names instead of codes and ids, and old → new for edits. `t` translates the whole
 * message file; `names` maps record ids to names and links. Never throws on odd rows: what it cannot
 * name it shows as stored.
 */
export function historySentences(t: Messages, names: HistoryNames = {}) {
  const describe = historyDescriber(t);
  const known = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  // Ids become names; stored booleans read as yes/no.
  const nameOf = (v: string | null) =>
    v === null ? null : v === "true" ? "yes" : v === "false" ? "no" : (names[v]?.label ?? v);

  /** The short description of a record from the values its CREATE rows hold. */
  function summary(entity: string, rows: HistoryRow[]): string {
    const value = (field: string) => rows.find((r) => r.field === field)?.newValue ?? null;
    const label = (field: string) => {
      const row = rows.find((r) => r.field === field);
      return row ? describe(row).newValue : null;
    };
    if (entity === "CaseEvent") {
      const earliest = day(value("dateEarliest"));
      const latest = day(value("dateLatest")) ?? earliest;
      const precision = (value("precision") ?? "DAY") as DatePrecision;
      const place = formatPlace({
        country: value("country"),
        province: value("province"),
        cityArea: value("cityArea"),
      });
      return [
        label("type"),
        value("dateWording") || (earliest && latest ? formatUncertainDate(earliest, latest, precision) : null),
        place || null,
      ]
        .filter(Boolean)
        .join(", ");
    }
    if (entity === "Case") return [value("code"), value("title")].filter(Boolean).join(" ");
    if (entity === "AdvocacyAction")
      return [label("kind"), nameOf(value("contactId")) && `to ${nameOf(value("contactId"))}`]
        .filter(Boolean)
        .join(" ");
    if (entity === "SourceClaim") {
      const quote = value("quote");
      return quote ? `“${quote.length > 120 ? `${quote.slice(0, 119)}…` : quote}”` : "";
    }
    if (entity === "Annotation") return value("body") ?? "";
    if (entity === "Contact") return value("name") ?? "";
    if (entity === "VocabularyTerm") return [value("labelEn"), label("vocabulary")].filter(Boolean).join(", ");
    return "";
  }

  function clause(entity: string, entityId: string, action: string, rows: HistoryRow[]): HistoryClause {
    const verb = known(`history.verb.${action}`, action.toLowerCase());
    const article = action === "CREATE" ? "a" : "the";
    const noun = known(`history.${article}.${entity}`, known(`history.entity.${entity}`, entity));
    const link = names[entityId];
    const fieldRows = rows.filter((r) => r.field !== null);
    const changes =
      action === "CREATE"
        ? []
        : fieldRows.map((r) => {
            const d = describe(r);
            return { field: d.field ?? "", oldValue: nameOf(d.oldValue), newValue: nameOf(d.newValue) };
          });
    let detail = action === "CREATE" ? summary(entity, rows) : "";
    if (action === "UPDATE")
      detail = changes.map((c) => `${c.field} ${c.oldValue ?? "—"} → ${c.newValue ?? "—"}`).join("; ");
    // A quote is named by its source; an existing record other than the case by its name ("the event Arrested, …").
    const named =
      entity === "SourceClaim" && link
        ? ` ${known("history.from", "from")} ${link.label}`
        : action !== "CREATE" && entity !== "Case" && link
          ? ` ${link.label}`
          : "";
    return { text: `${verb} ${noun}${named}${detail ? `: ${detail}` : ""}`, link, changes };
  }

  return (rows: readonly HistoryRow[]): HistorySave[] =>
    groupSaves(rows).map((save) => {
      // One clause per record and action, in the order they were written (oldest first).
      const ordered = [...save].reverse();
      const buckets = new Map<string, HistoryRow[]>();
      for (const r of ordered) {
        const key = `${r.entity}\u0000${r.entityId}\u0000${r.action}`;
        buckets.set(key, [...(buckets.get(key) ?? []), r]);
      }
      const clauses = [...buckets.values()].map((b) => clause(b[0].entity, b[0].entityId, b[0].action, b));
      return {
        key: save[0].id,
        at: save[0].at,
        who: save[0].userName ?? known("history.system", "system"),
        clauses,
        reasons: [...new Set(save.map((r) => r.reason).filter((r): r is string => Boolean(r)))],
        rows: save,
      };
    });
}

/** A save as one plain sentence: "Demo Editor added an event: …; changed the case: Status A → B." */
export function saveSentence(save: HistorySave): string {
  return `${save.who} ${save.clauses.map((c) => c.text).join("; ")}.`;
}
