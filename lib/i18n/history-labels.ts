import { FIELD_TABLE_BY_ENTITY } from "@/lib/fields";
import { fieldLabeler, type Messages } from "@/lib/i18n/field-labels";

/**
 * How the history names a row in the reader's language, from the field tables (lib/fields/): the
 * entity and what was done to it ("Added event"), the field by its history label ("Group size
 * (minimum)"), and enum values by their labels ("Repatriated" for REPATRIATED). Fields outside the
 * tables (derived dates, the code) are named under `history.fields.<Entity>`; anything unknown is
 * shown as stored rather than hidden. `t` translates the whole message file.
 */
export function historyDescriber(t: Messages) {
  const known = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const fields = scoped(t, "fields");
  return (row: {
    entity: string;
    action: string;
    field: string | null;
    oldValue: string | null;
    newValue: string | null;
  }) => {
    // Own properties only: a stored name such as "constructor" must not find Object's prototype.
    const table = Object.hasOwn(FIELD_TABLE_BY_ENTITY, row.entity) ? FIELD_TABLE_BY_ENTITY[row.entity] : undefined;
    const spec = table && row.field && Object.hasOwn(table.fields, row.field) ? table.fields[row.field] : undefined;
    let field: string | null = null;
    if (row.field)
      field =
        spec && table
          ? fieldLabeler(fields, table, "history")(row.field)
          : known(`history.fields.${row.entity}.${row.field}`, row.field);
    const value = (v: string | null) =>
      v !== null && spec?.widget.kind === "select" ? known(`enums.${spec.widget.enumName}.${v}`, v) : v;
    return {
      what: `${known(`history.action.${row.action}`, row.action.toLowerCase())} ${known(`history.entity.${row.entity}`, row.entity)}`,
      field,
      oldValue: value(row.oldValue),
      newValue: value(row.newValue),
    };
  };
}

/** The same translator narrowed to one namespace. */
function scoped(t: Messages, namespace: string): Messages {
  return Object.assign((key: string) => t(`${namespace}.${key}`), {
    has: (key: string) => t.has(`${namespace}.${key}`),
  });
}
