import { z } from "zod";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const empty = (v: unknown) => (v === "" ? undefined : v);

/** The kinds of record a case's history can be filtered to, by the entity names it stores. */
export const HISTORY_KINDS = ["Case", "CaseEvent", "SourceClaim", "AdvocacyAction", "Person", "Annotation"] as const;

const day = (label: string) =>
  z.preprocess(
    (v) => empty(one(v)),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${label} date as year-month-day, for example 2013-03-01.`)
      .refine(
        (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
        {
          message: `The ${label} date is not a day of the calendar.`,
        },
      )
      .optional(),
  );

/** A case history's filters, from the URL of /cases/[code]/history: person, kind of change, dates. */
export const historyFilterSchema = z
  .object({
    who: z.preprocess(
      (v) => empty(one(v)),
      z
        .string()
        .max(64, "Choose a person from the list.")
        .regex(/^[A-Za-z0-9_-]+$/, "Choose a person from the list.")
        .optional(),
    ),
    kind: z.preprocess(
      (v) => empty(one(v)),
      z.enum(HISTORY_KINDS, { message: "Choose a kind of change from the list." }).optional(),
    ),
    from: day("first"),
    to: day("last"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The first date must not be after the last date.",
    path: ["to"],
  });

export type HistoryFilter = z.infer<typeof historyFilterSchema>;

/** Parses the history's URL parameters; errors are keyed by parameter name, never thrown. */
export function readHistoryFilter(
  raw: Record<string, string | string[] | undefined>,
): { ok: true; filter: HistoryFilter } | { ok: false; errors: Record<string, string> } {
  const parsed = historyFilterSchema.safeParse(raw);
  if (parsed.success) return { ok: true, filter: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "filter")] ??= issue.message;
  return { ok: false, errors };
}
