import { z } from "zod";
import { blank, caseCode, countryCode, isoDay, optionalText, recordId, textOrEmpty, version } from "@/lib/validations/fields";

export const EVENT_TYPES = ["CROSSED_BORDER", "ARRESTED", "DETAINED", "TRANSFERRED", "REPATRIATION_TALKS", "REPATRIATED", "RELEASED", "REACHED_SAFETY", "APPEAL_MADE", "OTHER"] as const;
export const PRECISIONS = ["DAY", "WEEK", "MONTH", "YEAR"] as const;


/** The fields of an event form (shared with report intake). */
export const eventFields = {
  type: z.enum(EVENT_TYPES, { message: "Choose what happened." }),
  dateEarliest: isoDay("Earliest date"),
  dateLatest: z.preprocess(blank, isoDay("Latest date").optional()),
  precision: z.enum(PRECISIONS, { message: "Choose how precise the date is." }),
  dateWording: optionalText(300, "The reported wording"),
  description: textOrEmpty(5000, "The description"),
  country: z.preprocess(blank, countryCode.optional()),
  province: optionalText(120, "Province"),
  cityArea: optionalText(200, "City or area"),
  authority: optionalText(300, "Authority"),
};

/** Earliest ≤ latest, DAY means one day, nothing starts in the future. */
export function checkDates(v: { dateEarliest: string; dateLatest: string; precision: string }, ctx: z.RefinementCtx) {
  if (v.dateLatest < v.dateEarliest) ctx.addIssue({ code: "custom", path: ["dateLatest"], message: "The latest date cannot be before the earliest." });
  if (v.precision === "DAY" && v.dateLatest !== v.dateEarliest) ctx.addIssue({ code: "custom", path: ["precision"], message: "A date known to the day has the same earliest and latest date." });
  const today = new Date().toISOString().slice(0, 10);
  if (v.dateEarliest > today) ctx.addIssue({ code: "custom", path: ["dateEarliest"], message: "An event cannot start in the future." });
}

/** An event on a case's timeline, with an uncertain date: somewhere between earliest and latest. */
export const addEventSchema = z
  .object({ caseCode: caseCode(), ...eventFields })
  .transform((v) => ({ ...v, dateLatest: v.dateLatest ?? v.dateEarliest }))
  .superRefine(checkDates);

/** An edit of an event, from a form opened at `version`. */
export const updateEventSchema = z
  .object({
    eventId: recordId("Unknown event."),
    version,
    reason: optionalText(2000, "The reason"),
    ...eventFields,
  })
  .transform((v) => ({ ...v, dateLatest: v.dateLatest ?? v.dateEarliest }))
  .superRefine(checkDates);

export const removeEventSchema = z.object({
  eventId: recordId("Unknown event."),
  version,
  reason: optionalText(2000, "The reason"),
});

export type AddEventInput = z.infer<typeof addEventSchema>;
export type UpdateEventInput = z.infer<typeof updateEventSchema>;
