import { z } from "zod";

export const EVENT_TYPES = ["CROSSED_BORDER", "ARRESTED", "DETAINED", "TRANSFERRED", "REPATRIATION_TALKS", "REPATRIATED", "RELEASED", "REACHED_SAFETY", "APPEAL_MADE", "OTHER"] as const;
export const PRECISIONS = ["DAY", "WEEK", "MONTH", "YEAR"] as const;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number, label: string) => z.preprocess(blank, z.string().trim().max(max, `${label} is limited to ${max} characters.`).optional());
const isoDay = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: use a date (YYYY-MM-DD).`).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${label} is not a real date.`);

/** The fields of an event form (shared with report intake). */
export const eventFields = {
  type: z.enum(EVENT_TYPES, { message: "Choose what happened." }),
  dateEarliest: isoDay("Earliest date"),
  dateLatest: z.preprocess(blank, isoDay("Latest date").optional()),
  precision: z.enum(PRECISIONS, { message: "Choose how precise the date is." }),
  dateWording: optionalText(300, "The reported wording"),
  description: z.preprocess((v) => v ?? "", z.string().trim().max(5000, "The description is limited to 5,000 characters.")),
  country: z.preprocess(blank, z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. CN.").optional()),
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
  .object({ caseCode: z.string().regex(/^[A-Z]{2,3}-\d{4}-\d{4}$/, "Unknown case."), ...eventFields })
  .transform((v) => ({ ...v, dateLatest: v.dateLatest ?? v.dateEarliest }))
  .superRefine(checkDates);

/** An edit of an event, from a form opened at `version`. */
export const updateEventSchema = z
  .object({
    eventId: z.string().regex(/^[a-z0-9]{20,40}$/i, "Unknown event."),
    version: z.coerce.number().int().min(1, "Missing version."),
    reason: optionalText(2000, "The reason"),
    ...eventFields,
  })
  .transform((v) => ({ ...v, dateLatest: v.dateLatest ?? v.dateEarliest }))
  .superRefine(checkDates);

export const removeEventSchema = z.object({
  eventId: z.string().regex(/^[a-z0-9]{20,40}$/i, "Unknown event."),
  version: z.coerce.number().int().min(1, "Missing version."),
  reason: optionalText(2000, "The reason"),
});

export type AddEventInput = z.infer<typeof addEventSchema>;
export type UpdateEventInput = z.infer<typeof updateEventSchema>;
