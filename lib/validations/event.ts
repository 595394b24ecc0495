import { z } from "zod";
import { EVENT_FIELDS, EVENT_TERM_FIELDS, termFieldsFor, type EventTermField } from "@/lib/fields/event";
import { schemaOf } from "@/lib/fields/define";
import { caseCode, recordId, requiredText, version } from "@/lib/validations/fields";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { MAX_QUOTE } from "@/lib/fields/source";

export { EVENT_TYPES, PRECISIONS } from "@/lib/fields/event";

/** The fields of an event form (shared with report intake): from the field table. */
export const eventFields = schemaOf(EVENT_FIELDS).shape;

const DAY_MS = 86_400_000;
const LAST_DAY = "9999-12-31";

/** A UTC midnight as YYYY-MM-DD, kept within four-digit years. */
function isoOf(d: Date): string {
  if (d.getUTCFullYear() > 9999) return LAST_DAY;
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${d.toISOString().slice(5, 10)}`;
}

/**
 * The last day an event can have happened when only its start is known: the precision decides.
 * DAY is that day, WEEK the seven days from it, MONTH the rest of its month, YEAR the rest of its year
 * ("March 2013" is 1–31 March, not 1 March), so a filter for later in that month still finds it.
 */
export function latestForPrecision(precision: DatePrecision, earliest: string): string {
  const start = new Date(`${earliest}T00:00:00.000Z`);
  const end = new Date(start);
  if (precision === "WEEK") end.setTime(start.getTime() + 6 * DAY_MS);
  else if (precision === "MONTH") end.setUTCMonth(start.getUTCMonth() + 1, 0);
  else if (precision === "YEAR") end.setUTCMonth(12, 0);
  return isoOf(end);
}

/** An event's range: the end the user gave, or the one its precision implies. */
export function withPrecisionRange<T extends { dateEarliest: string; dateLatest?: string; precision: DatePrecision }>(
  v: T,
): T & { dateLatest: string } {
  return { ...v, dateLatest: v.dateLatest ?? latestForPrecision(v.precision, v.dateEarliest) };
}

/** Earliest ≤ latest, DAY means one day, nothing starts in the future. */
export function checkDates(v: { dateEarliest: string; dateLatest: string; precision: string }, ctx: z.RefinementCtx) {
  if (v.dateLatest < v.dateEarliest)
    ctx.addIssue({ code: "custom", path: ["dateLatest"], message: "validation.event.latestBeforeEarliest" });
  if (v.precision === "DAY" && v.dateLatest !== v.dateEarliest)
    ctx.addIssue({
      code: "custom",
      path: ["precision"],
      message: "validation.event.dayPrecision",
    });
  const today = new Date().toISOString().slice(0, 10);
  if (v.dateEarliest > today)
    ctx.addIssue({ code: "custom", path: ["dateEarliest"], message: "validation.event.inFuture" });
}

/**
 * A research field is given only on the kinds of event it describes (a crossing on a repatriation,
 * a facility on a detention or transfer…): the form shows only those, and a stray one is refused.
 */
export function checkTermFields(v: { type: string } & Partial<Record<EventTermField, string>>, ctx: z.RefinementCtx) {
  const applies = new Set<string>(termFieldsFor(v.type));
  for (const f of EVENT_TERM_FIELDS)
    if (v[f] !== undefined && !applies.has(f))
      ctx.addIssue({ code: "custom", path: [f], message: "This does not apply to the kind of event chosen." });
}

/** Dates and research fields of an event, checked together. */
export function checkEvent(
  v: { type: string; dateEarliest: string; dateLatest: string; precision: string } & Partial<
    Record<EventTermField, string>
  >,
  ctx: z.RefinementCtx,
) {
  checkDates(v, ctx);
  checkTermFields(v, ctx);
}

/** An event on a case's timeline, with an uncertain date: somewhere between earliest and latest. */
export const addEventSchema = z
  .object({ caseCode: caseCode(), ...eventFields })
  .transform(withPrecisionRange)
  .superRefine(checkEvent);

/** An edit of an event, from a form opened at `version`. */
export const updateEventSchema = z
  .object({
    eventId: recordId("validation.event.unknownEvent"),
    version,
    ...eventFields,
    reason: EVENT_FIELDS.fields.reason.schema,
  })
  .transform(withPrecisionRange)
  .superRefine(checkEvent);

/**
 * "Record what happened": an event with its uncertain date and place, and the passage of a captured
 * source that says so (the case's status follows from the event).
 */
export const recordWhatHappenedSchema = z
  .object({
    caseCode: caseCode(),
    ...eventFields,
    sourceId: recordId("validation.event.chooseSource"),
    quote: requiredText(MAX_QUOTE, "validation.label.passage", { missing: "validation.event.pastePassage" }),
  })
  .transform(withPrecisionRange)
  .superRefine(checkEvent);

/** Removing an event says why: the history keeps the reason and the case page shows it. */
export const removeEventSchema = z.object({
  eventId: recordId("validation.event.unknownEvent"),
  version,
  reason: requiredText(2000, "validation.label.reason", { missing: "validation.event.reasonForRemoving" }),
});

/** Putting a removed event back on the timeline; a reason is welcome but not required. */
export const restoreEventSchema = z.object({
  eventId: recordId("validation.event.unknownEvent"),
  version,
  reason: EVENT_FIELDS.fields.reason.schema,
});

export type AddEventInput = z.infer<typeof addEventSchema>;
export type UpdateEventInput = z.infer<typeof updateEventSchema>;
export type RemoveEventInput = z.infer<typeof removeEventSchema>;
export type RecordWhatHappenedInput = z.infer<typeof recordWhatHappenedSchema>;
