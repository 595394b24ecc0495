/**
 * The composition of a group (women, men, children, infants, elderly people, pregnant women), each
 * part a range with the same honest uncertainty as the group's size: a minimum (what totals count), a
 * best estimate, a maximum and the words the source used. Declared once here and spread into the case's
 * field table, so the form, history, export, API and "according to" quotes get them like any field.
 *
 * The parts overlap the way reports use them: women, men and children are disjoint; infants are
 * children, pregnant women are women, elderly people are adults.
 */
import type { FieldSpec } from "@/lib/fields/define";
import { optionalCount, optionalText } from "@/lib/validations/fields";

export const COMPOSITION_GROUPS = ["women", "men", "children", "infants", "elderly", "pregnant"] as const;
export type CompositionGroup = (typeof COMPOSITION_GROUPS)[number];

/** The groups a reader meets first on the dashboard and in totals. */
export const HEADLINE_GROUPS = ["women", "children"] as const satisfies readonly CompositionGroup[];

type CountSpec = FieldSpec & { schema: ReturnType<typeof optionalCount> };
type WordingSpec = FieldSpec & { schema: ReturnType<typeof optionalText> };
export type CompositionFields = { [G in CompositionGroup as `${G}${"Min" | "Best" | "Max"}`]: CountSpec } & {
  [G in CompositionGroup as `${G}Wording`]: WordingSpec;
};

const snake = (g: CompositionGroup) => g; // the group names are already one lowercase word

/** The table entries of every part, in form order (min, best, max, wording per group). */
export function compositionFields(): CompositionFields {
  const out: Record<string, FieldSpec> = {};
  for (const g of COMPOSITION_GROUPS) {
    for (const suffix of ["Min", "Best", "Max"] as const) {
      out[`${g}${suffix}`] = {
        form: { section: "composition" },
        // The field's own label names it in its messages ("Women (min) must be a number.").
        schema: optionalCount(`fields.case.${g}${suffix}.label`),
        widget: { kind: "number" },
        history: true,
        exportColumn: `${snake(g)}_${suffix.toLowerCase()}`,
        api: { path: `composition.${g}.${suffix.toLowerCase()}`, schema: { type: ["integer", "null"] } },
        sourced: true,
      };
    }
    out[`${g}Wording`] = {
      form: { section: "composition" },
      schema: optionalText(300, `fields.case.${g}Wording.label`),
      widget: { kind: "text" },
      maxLength: 300,
      history: true,
      exportColumn: `${snake(g)}_wording`,
      api: { path: `composition.${g}.wording`, schema: { type: ["string", "null"] } },
      sourced: false,
    };
  }
  return out as CompositionFields;
}

/** The column names of one part. */
export function partColumns(g: CompositionGroup) {
  return { min: `${g}Min`, best: `${g}Best`, max: `${g}Max`, wording: `${g}Wording` } as const;
}

/** A case's composition columns as read from the database (null where the sources do not say). */
export type CompositionValues = { [G in CompositionGroup as `${G}${"Min" | "Best" | "Max"}`]: number | null } & {
  [G in CompositionGroup as `${G}Wording`]: string | null;
};
