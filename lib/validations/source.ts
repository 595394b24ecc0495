import { z } from "zod";
import { blank, CASE_CODE, isStorableText, optionalText, RECORD_ID, requiredText, unstorableMessage } from "@/lib/validations/fields";

export { isStorableText };

/** Case fields a quote can back, with the label forms show. */
export const CLAIM_FIELDS = {
  sizeMin: "Group size (minimum)",
  sizeMax: "Group size (maximum)",
  sizeBest: "Group size (best estimate)",
  status: "Status",
  country: "Country",
  province: "Province",
  cityArea: "City or area",
  familyInSouthMin: "With family in South Korea (minimum)",
  familyInSouthMax: "With family in South Korea (maximum)",
  askedForHelpMin: "Asked for help (minimum)",
  askedForHelpMax: "Asked for help (maximum)",
  verification: "Verification",
} as const;

export type ClaimField = keyof typeof CLAIM_FIELDS;
export const CLAIM_FIELD_NAMES = Object.keys(CLAIM_FIELDS) as [ClaimField, ...ClaimField[]];
/** Fields whose value is a count: a value given for them must be a whole number. */
export const NUMERIC_CLAIM_FIELDS: readonly ClaimField[] = ["sizeMin", "sizeMax", "sizeBest", "familyInSouthMin", "familyInSouthMax", "askedForHelpMin", "askedForHelpMax"];

export const CLAIM_TARGETS = ["CASE", "EVENT", "FIELD"] as const;
export const MAX_SOURCE_TEXT = 1_000_000;
export const MAX_QUOTE = 5000;


/** Browsers send a textarea's line breaks as CRLF; the captured text keeps plain LF. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}


/** The latest published date accepted: tomorrow in UTC (a day of slack for time zones ahead of UTC). */
export function latestPublishedDay(now: Date = new Date()): string {
  return new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD, a real calendar day, not after today (a day of slack for time zones ahead of UTC). */
const publishedAt = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2012-02-20.")
    .transform((s, ctx) => {
      const d = new Date(`${s}T00:00:00.000Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
        ctx.addIssue({ code: "custom", message: "That date does not exist." });
        return z.NEVER;
      }
      if (d.getUTCFullYear() < 1900) {
        ctx.addIssue({ code: "custom", message: "The published date is too early." });
        return z.NEVER;
      }
      if (s > latestPublishedDay()) {
        ctx.addIssue({ code: "custom", message: "The published date cannot be in the future." });
        return z.NEVER;
      }
      return d;
    })
    .optional(),
);

/** An optional web address: http(s) only, so a stored link can never run script. */
export const webUrl = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .max(2000, "The URL is limited to 2,000 characters.")
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
      } catch {
        return false;
      }
    }, "Give the full web address, starting with http:// or https://.")
    .optional(),
);

/** A new capture of a report: metadata plus the text exactly as pasted (only line breaks normalized). */
export const captureSourceSchema = z.object({
  /** The case page the form was opened from (where to go back to); optional. */
  caseCode: z.preprocess(blank, z.string().regex(CASE_CODE, "Unknown case.").optional()),
  url: webUrl,
  outlet: requiredText(300, "The outlet"),
  title: requiredText(500, "The title"),
  author: optionalText(300, "The author"),
  language: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : "en"),
    z.string().max(16, "Use a language code such as en or ko.").regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language code such as en, ko or zh-Hans."),
  ),
  publishedAt,
  text: z.preprocess(
    (v) => (typeof v === "string" ? normalizeLineBreaks(v) : ""),
    z
      .string()
      .refine((s) => s.trim().length > 0, "Paste the text of the report.")
      .refine((s) => s.length <= MAX_SOURCE_TEXT, `The text is limited to ${MAX_SOURCE_TEXT.toLocaleString("en")} characters; split it or shorten it.`)
      .refine((s) => isStorableText(s), unstorableMessage("The text")),
  ),
  supersedesId: z.preprocess(blank, z.string().regex(RECORD_ID, "Unknown source.").optional()),
});

export type CaptureSourceInput = z.infer<typeof captureSourceSchema>;

/** A quoted passage of a source tied to a case, one of its events, or one field of the case. */
export const addClaimSchema = z
  .object({
    sourceId: z.string({ message: "Choose a source." }).regex(RECORD_ID, "Choose a source."),
    caseCode: z.string({ message: "Unknown case." }).regex(CASE_CODE, "Unknown case."),
    target: z.enum(CLAIM_TARGETS, { message: "Choose what the quote is about: the case, an event or a field." }),
    eventId: z.preprocess(blank, z.string().regex(RECORD_ID, "Choose an event.").optional()),
    field: z.preprocess(blank, z.enum(CLAIM_FIELD_NAMES, { message: "Choose a field from the list." }).optional()),
    value: optionalText(300, "The value"),
    quote: z.preprocess(
      (v) => (typeof v === "string" ? normalizeLineBreaks(v) : ""),
      z
        .string()
        .trim()
        .min(1, "Copy the passage from the source's text.")
        .max(MAX_QUOTE, `Quotes are limited to ${MAX_QUOTE.toLocaleString("en")} characters.`)
        .refine((s) => isStorableText(s), unstorableMessage("The quote")),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.target === "EVENT" && !v.eventId) ctx.addIssue({ code: "custom", path: ["eventId"], message: "Choose the event the quote is about." });
    if (v.target === "FIELD" && !v.field) ctx.addIssue({ code: "custom", path: ["field"], message: "Choose the field the quote backs." });
    if (v.target === "FIELD" && v.field && v.value !== undefined && NUMERIC_CLAIM_FIELDS.includes(v.field) && !/^\d{1,6}$/.test(v.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "For this field, give the number the source states (digits only), or leave it empty." });
    }
  })
  // Only what the target uses is kept: an event for EVENT, a field and its value for FIELD.
  .transform((v) => ({
    sourceId: v.sourceId,
    caseCode: v.caseCode,
    target: v.target,
    eventId: v.target === "EVENT" ? v.eventId : undefined,
    field: v.target === "FIELD" ? v.field : undefined,
    value: v.target === "FIELD" ? v.value : undefined,
    quote: v.quote,
  }));

/** What addClaim takes (the schema's output; fields a target does not use may be left out). */
export type AddClaimInput = {
  sourceId: string;
  caseCode: string;
  target: (typeof CLAIM_TARGETS)[number];
  eventId?: string;
  field?: ClaimField;
  value?: string;
  quote: string;
};
