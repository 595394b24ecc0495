import { useTranslations } from "next-intl";
import type { FieldTable } from "@/lib/fields/define";

/** A translator of a message namespace (useTranslations / getTranslations), with its `has`. */
export type Messages = { (key: string): string; has(key: string): boolean };

/**
 * Names a field of a field table in the reader's language: its form label, or with "history" the way
 * the history and source quotes name it, where that differs ("Group size (minimum)" for the form's
 * "At least"). Unknown names come back as they are.
 */
export function fieldLabeler(t: Messages, table: FieldTable, kind: "label" | "history" = "label") {
  return (name: string): string => {
    const history = `${table.entity}.${name}.history`;
    if (kind === "history" && t.has(history)) return t(history);
    const label = `${table.entity}.${name}.label`;
    return t.has(label) ? t(label) : name;
  };
}

/** fieldLabeler for client and synchronous server components. */
export function useFieldLabel(table: FieldTable, kind: "label" | "history" = "label") {
  return fieldLabeler(useTranslations("fields"), table, kind);
}
