/**
 * Value mappings: what the user said an unrecognised status or place of a file means. A status cell
 * the project's vocabulary does not know, or a place cell the gazetteer does not know, is refused
 * with its reason and listed (with how many rows it affects) for the user to map; only a value the
 * user mapped is ever turned into a vocabulary value, never a guess. Pure (no database), and safe to
 * import from the browser.
 */
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { IMPORT_MATCH_KEYS, type ImportMatchKey } from "@/lib/import/mapping";

export type PlaceChoice = { country: string; province: string | null; cityArea: string | null };
/** Each column's mapped values, by valueKey of the cell. */
export type ValueMappings = { status: Record<string, CaseStatus>; place: Record<string, PlaceChoice> };
export type ValueColumn = keyof ValueMappings;
export const VALUE_COLUMNS: readonly ValueColumn[] = ["status", "place"];

export const noValueMappings = (): ValueMappings => ({ status: {}, place: {} });

/** One unrecognised value of a column: as first written, its key, and how many rows carry it. */
export type UnmatchedValue = { value: string; key: string; rows: number };
/** A dry run's unrecognised values per column, most rows first; `distinct` counts all of them. */
export type UnmatchedValues = Record<ValueColumn, { values: UnmatchedValue[]; distinct: number }>;
/** Values listed per column (the rest are counted). */
export const UNMATCHED_SHOWN = 100;

/** A cell as the mapping knows it: the same text whatever its case and spacing ("Taken  back" is "taken back"). */
export function valueKey(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** What the user mapped this cell of the column to, or undefined when they did not map it. */
export function mappedValue<C extends ValueColumn>(
  values: ValueMappings | null | undefined,
  column: C,
  raw: string,
): ValueMappings[C][string] | undefined {
  const table = values?.[column];
  if (!table || typeof table !== "object") return undefined;
  const key = valueKey(raw);
  // Own keys only: a cell reading "constructor" or "__proto__" is not mapped by the object's prototype.
  return Object.hasOwn(table, key) ? ((table as Record<string, unknown>)[key] as ValueMappings[C][string]) : undefined;
}

/** The distinct unrecognised values of each column over the rows, with the rows each affects. */
export function collectUnmatched(
  rows: Iterable<{ unmatched?: { column: ValueColumn; value: string }[] }>,
): UnmatchedValues {
  const seen: Record<ValueColumn, Map<string, UnmatchedValue>> = { status: new Map(), place: new Map() };
  for (const row of rows)
    for (const { column, value } of row.unmatched ?? []) {
      const key = valueKey(value);
      const entry = seen[column].get(key);
      if (entry) entry.rows++;
      else seen[column].set(key, { value: value.slice(0, 300), key, rows: 1 });
    }
  const list = (m: Map<string, UnmatchedValue>) => ({
    values: [...m.values()].sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key)).slice(0, UNMATCHED_SHOWN),
    distinct: m.size,
  });
  return { status: list(seen.status), place: list(seen.place) };
}

/**
 * Saved named mappings keep their columns by normalized header in one JSON object; the value
 * mappings ride in it under VALUES_KEY, which no normalized header can be (normalizing takes "_"
 * out), so mappings saved before value mappings existed load unchanged, with none.
 */
export const VALUES_KEY = "_values";

export function splitSavedColumns(stored: unknown): { columns: Record<string, string>; values: ValueMappings } {
  const columns: Record<string, string> = {};
  const values = noValueMappings();
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return { columns, values };
  for (const [k, v] of Object.entries(stored))
    if (k === VALUES_KEY && v && typeof v === "object") {
      const s = v as Partial<ValueMappings>;
      if (s.status && typeof s.status === "object") values.status = Object.fromEntries(Object.entries(s.status));
      if (s.place && typeof s.place === "object") values.place = Object.fromEntries(Object.entries(s.place));
    } else if (typeof v === "string") columns[k] = v;
  return { columns, values };
}

/**
 * An import job's stored mapping: the columns (stored alone, as an array, before value mappings),
 * the value mappings, and how rows are matched to existing cases (by code when not stored).
 */
export function splitJobMapping<T>(stored: unknown): {
  columns: T[] | null;
  values: ValueMappings;
  matchBy: ImportMatchKey;
} {
  if (Array.isArray(stored)) return { columns: stored as T[], values: noValueMappings(), matchBy: "code" };
  if (stored && typeof stored === "object" && Array.isArray((stored as { columns?: unknown }).columns)) {
    const s = stored as { columns: T[]; values?: unknown; matchBy?: unknown };
    return {
      columns: s.columns,
      values: splitSavedColumns({ [VALUES_KEY]: s.values }).values,
      matchBy: (IMPORT_MATCH_KEYS as readonly unknown[]).includes(s.matchBy) ? (s.matchBy as ImportMatchKey) : "code",
    };
  }
  return { columns: null, values: noValueMappings(), matchBy: "code" };
}

export const countValueMappings = (v: ValueMappings) => Object.keys(v.status).length + Object.keys(v.place).length;
