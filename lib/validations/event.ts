import { z } from "zod";
import { EVENT_FIELDS } from "@/lib/fields/event";
import { schemaOf } from "@/lib/fields/define";
import { caseCode, recordId, version } from "@/lib/validations/fields";

export { EVENT_TYPES, PRECISIONS } from "@/lib/fields/event";

/** The fields of an event form (shared with report intake): from the field table. */
export const eventFields = schemaOf(EVENT_FIELDS).shape;

/** Earliest ≤ latest, DAY means one day, nothing starts in the future. */
export function checkDates(v: { dateEarliest: string; dateLatest: string; precision: string }, ctx: z.RefinementCtx) {
  if (v.dateLatest < v.dateEarliest)
    ctx.addIssue({ code: "custom", path: ["dateLatest"], message: "The latest date cannot be before the earliest." });
  if (v.precision === "DAY" && v.dateLatest !== v.dateEarliest)
    ctx.addIssue({
      code: "custom",
      path: ["precision"],
      message: "A date known to the day has the same earliest and latest date.",
    });
  const today = new Date().toISOString().slice(0, 10);
  if (v.dateEarliest > today)
    ctx.addIssue({ code: "custom", path: ["dateEarliest"], message: "An event cannot start in the future." });
}

/** An event on a case's timeline, with an uncertain date: somewhere between earliest and latest. */
export const addEventSchema = z
  .object({ caseCode: caseCode(), ...eventFields })
  .transform((v) => ({ ...v, dateLatest: v.dateLatest ?? v.dateEarliest }))
  .superRefine(checkDates);

/** An edit of an event, from a form opened at `version`. */
export const updateEventSchema = z
  .object({ eventId: recordId("Unknown event."), version, ...eventFields, reason: EVENT_FIELDS.fields.reason.schema })
  .transform((v) => ({ ...v, dateLatest: v.dateLatest ?? v.dateEarliest }))
  .superRefine(checkDates);

export const removeEventSchema = z.object({
  eventId: recordId("Unknown event."),
  version,
  reason: EVENT_FIELDS.fields.reason.schema,
});

export type AddEventInput = z.infer<typeof addEventSchema>;
export type UpdateEventInput = z.infer<typeof updateEventSchema>;
