/**
 * Field tables: one declaration per field of an entity, from which everything that lists fields is
 * built — the zod schema forms and actions share, the form's widgets and labels, the history's
 * labels, the CSV export's columns, the JSON API's properties and their OpenAPI description, and
 * whether a source can back the field. Adding a field to a case means the Prisma schema, its
 * migration and one entry in lib/fields/case.ts (docs/adding-a-field.md).
 *
 * Labels are message keys, not text: `fields.<entity>.<field>.label` (and `.hint`, and `.history`
 * where the history says it differently) in lib/i18n/messages/<locale>.json.
 */
import { z } from "zod";

/** The enums whose value labels live in the messages under `enums.<name>`. */
export type EnumName =
  | "CaseStatus"
  | "EventType"
  | "Verification"
  | "Priority"
  | "Visibility"
  | "DatePrecision"
  | "ContactKind"
  | "ActionKind"
  | "ActionResponse"
  | "ActionStatus"
  | "Role"
  | "ClaimTarget"
  /** A record's text language (decision 016): "auto", "ko", "en". */
  | "TextLang"
  | "Vocabulary";

export type Widget =
  /** `plain`: a name or code the browser should neither autofill nor spell-check (shown monospaced when `code`). */
  | { kind: "text"; type?: "text" | "url" | "email" | "password"; plain?: boolean; code?: boolean }
  | { kind: "textarea"; rows: number }
  | { kind: "number" }
  | { kind: "date" }
  | { kind: "select"; enumName: EnumName; options: readonly string[] }
  /** A choice among records (contacts, sources…): the form supplies the options. */
  | { kind: "choice" }
  | { kind: "tags" };

export type FieldSpec = {
  schema: z.ZodType;
  widget: Widget;
  /** The longest value the form lets a person type (the schema refuses longer anyway). */
  maxLength?: number;
  /** A hint is in the messages (`fields.<entity>.<field>.hint`). */
  hint?: boolean;
  /** Changes are recorded in the history, under the field's history label (else its label). */
  history: boolean;
  /** Column in the CSV export (snake_case), or null when the field is not exported. */
  exportColumn: string | null;
  /** Where the field sits in the JSON API's object ("size.min"), with its OpenAPI schema; null when not published. */
  api: { path: string; schema: Record<string, unknown> } | null;
  /** A source can back it: quotes can point at it, and changing it once quoted needs a reason. */
  sourced: boolean;
  /**
   * Where the entity's form shows the field, for forms laid out from the table (the case form):
   * its section, whether it spans the row, and whether only an edit shows it.
   */
  form?: { section: string; wide?: boolean; editOnly?: boolean };
  /** A form-only input (e.g. the reason for a change), not a column of the record. */
  formOnly?: boolean;
  /**
   * A term of a managed vocabulary (docs/decisions/017): the column holds the term's id, the form
   * offers the vocabulary's current terms, the API and exports publish the term's code, and the field
   * applies only to the listed record types (an event's type).
   */
  term?: { vocabulary: string; appliesTo: readonly string[]; filterParam: string };
};

type Fields = Record<string, FieldSpec>;
export type FieldTable<F extends Fields = Fields> = { entity: string; fields: F };

/** Declares an entity's field table; `entity` names its messages (`fields.<entity>`). */
export function defineFields<F extends Fields>(entity: string, fields: F): FieldTable<F> {
  return { entity, fields };
}

/** The names of a table's fields, in declaration order. */
export function fieldNames<F extends Fields>(table: FieldTable<F>): (keyof F & string)[] {
  return Object.keys(table.fields) as (keyof F & string)[];
}

/** The zod object of the named fields (all of the record's fields by default, form-only inputs left out). */
export function schemaOf<F extends Fields, K extends keyof F & string>(table: FieldTable<F>, names?: readonly K[]) {
  const chosen = (names ?? fieldNames(table).filter((n) => !table.fields[n].formOnly)) as K[];
  return z.object(Object.fromEntries(chosen.map((n) => [n, table.fields[n].schema])) as { [P in K]: F[P]["schema"] });
}

/** The message key of a field's label, and of how the history names it. */
export function labelKey(table: FieldTable, name: string): string {
  return `fields.${table.entity}.${name}.label`;
}
export function historyLabelKey(table: FieldTable, name: string, has: (key: string) => boolean): string {
  const own = `fields.${table.entity}.${name}.history`;
  return has(own) ? own : labelKey(table, name);
}

/** A Prisma select of the named columns ({ name: true, … }), so reads list a table's columns once. */
export function selectOf<N extends string>(names: readonly N[]): { [K in N]: true } {
  return Object.fromEntries(names.map((n) => [n, true])) as { [K in N]: true };
}

/** The named columns' values from a validated input, an absent optional one as null (what Prisma stores). */
export function columnValues<I extends Record<string, unknown>, N extends keyof I & string>(
  names: readonly N[],
  input: I,
) {
  return Object.fromEntries(names.map((n) => [n, input[n] ?? null])) as {
    [K in N]-?: undefined extends I[K] ? Exclude<I[K], undefined> | null : I[K];
  };
}

/** The fields the form shows in a section, in declaration order. */
export function formSection<F extends Fields>(
  table: FieldTable<F>,
  section: string,
  mode: "create" | "edit",
): (keyof F & string)[] {
  return fieldNames(table).filter(
    (n) => table.fields[n].form?.section === section && (mode === "edit" || !table.fields[n].form?.editOnly),
  );
}

/** The fields a history row may name. */
export function historyFields<F extends Fields>(table: FieldTable<F>): (keyof F & string)[] {
  return fieldNames(table).filter((n) => table.fields[n].history);
}

/** The fields a source can back. */
export function sourcedFields<F extends Fields>(table: FieldTable<F>): (keyof F & string)[] {
  return fieldNames(table).filter((n) => table.fields[n].sourced);
}

/** The CSV columns of the table's exported fields, in declaration order. */
export function exportColumns<F extends Fields>(table: FieldTable<F>): { field: keyof F & string; column: string }[] {
  return fieldNames(table).flatMap((n) =>
    table.fields[n].exportColumn ? [{ field: n, column: table.fields[n].exportColumn as string }] : [],
  );
}

/** The table's published fields placed in a nested object by their API paths. */
export function toApiObject<F extends Fields>(
  table: FieldTable<F>,
  record: Partial<Record<keyof F & string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of fieldNames(table)) {
    const api = table.fields[n].api;
    if (!api || !(n in record)) continue;
    const parts = api.path.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    const value = record[n];
    node[parts.at(-1) as string] = value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
  }
  return out;
}

/** The OpenAPI properties of the same nested object. */
export function apiSchemaProperties(table: FieldTable): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const spec of Object.values(table.fields)) {
    if (!spec.api) continue;
    const parts = spec.api.path.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= { type: "object", properties: {} };
      node = node[part].properties as Record<string, Record<string, unknown>>;
    }
    node[parts.at(-1) as string] = spec.api.schema;
  }
  return out;
}
