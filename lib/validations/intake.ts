/**
 * What "New from report" saves after the user reviewed the proposals: the source, the cases (new,
 * or events merged into an existing case), the people as contacts and the appeals as advocacy
 * actions. The review form sends it as one JSON field; every part is checked here with the same
 * rules as the single-record forms, and every quote must be a passage of the source's text.
 */
import { z } from "zod";
import { ACTION_KINDS } from "@/lib/validations/advocacy";
import { caseFields, checkCase, CASE_STATUSES } from "@/lib/validations/case";
import { CONTACT_KINDS } from "@/lib/validations/contact";
import { checkDates, eventFields, withPrecisionRange } from "@/lib/validations/event";
import { caseCode, isStorableText, optionalText, requiredText, unstorableMessage } from "@/lib/validations/fields";
import { captureSourceSchema, latestPublishedDay, MAX_QUOTE, webUrl } from "@/lib/validations/source";
import { MAX_REPORT_CHARS, notTextReason } from "@/lib/intake/text";

const quote = z
  .string()
  .max(MAX_QUOTE, `Quotes are limited to ${MAX_QUOTE.toLocaleString("en")} characters.`)
  .refine(isStorableText, unstorableMessage("The quote"))
  .optional();
const RECORD_ID = /^[a-z0-9]{20,40}$/i;

export const intakeEventSchema = z
  .object({ ...eventFields, quote })
  .transform(withPrecisionRange)
  .superRefine(checkDates);

export const intakeCaseSchema = caseFields
  .extend({
    /** Add this group's events and quotes to an existing case instead of creating one. */
    mergeInto: caseCode().optional(),
    status: z.enum(CASE_STATUSES, { message: "Choose a status." }).optional(),
    /** The passage the group size comes from. */
    sizeQuote: quote,
    events: z.array(intakeEventSchema).max(20, "At most 20 events per case."),
  })
  .superRefine(checkCase);

export const intakeContactSchema = z.object({
  /** Use this existing contact rather than creating a new one. */
  existingId: z.string().regex(RECORD_ID, "Unknown contact.").optional(),
  name: requiredText(200, "The name", { missing: "Enter a name." }),
  kind: z.enum(CONTACT_KINDS, { message: "Choose a kind of contact." }),
  role: optionalText(300, "The role"),
  organisation: optionalText(300, "The organisation"),
  quote,
});

export const intakeActionSchema = z.object({
  /** Indexes into `cases`: the cases the appeal concerns. */
  caseIndexes: z.array(z.number().int().min(0)).min(1, "Choose the case the appeal concerns.").max(20),
  /** Index into `contacts`: who it was addressed to. */
  contactIndex: z.number().int().min(0, "Choose who the appeal was addressed to."),
  kind: z.enum(ACTION_KINDS, { message: "Choose the kind of action." }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date (YYYY-MM-DD)."),
  askedFor: requiredText(2000, "What was asked for", { missing: "Say what was asked for." }),
  quote,
});

export const intakeSaveSchema = z
  .object({
    source: captureSourceSchema.omit({ caseCode: true, supersedesId: true }),
    cases: z
      .array(intakeCaseSchema)
      .min(1, "Keep at least one case, or nothing is saved.")
      .max(20, "At most 20 cases from one report."),
    contacts: z.array(intakeContactSchema).max(30, "At most 30 contacts from one report."),
    actions: z.array(intakeActionSchema).max(20, "At most 20 advocacy actions from one report."),
  })
  .superRefine((v, ctx) => {
    const inText = (q: string | undefined) => !q || v.source.text.includes(q);
    v.cases.forEach((c, i) => {
      if (!inText(c.sizeQuote))
        ctx.addIssue({
          code: "custom",
          path: ["cases", i, "sizeQuote"],
          message: "This passage is not in the report's text.",
        });
      c.events.forEach((e, j) => {
        if (!inText(e.quote))
          ctx.addIssue({
            code: "custom",
            path: ["cases", i, "events", j, "quote"],
            message: "This passage is not in the report's text.",
          });
      });
    });
    v.contacts.forEach((c, i) => {
      if (!inText(c.quote))
        ctx.addIssue({
          code: "custom",
          path: ["contacts", i, "quote"],
          message: "This passage is not in the report's text.",
        });
    });
    v.actions.forEach((a, i) => {
      if (!inText(a.quote))
        ctx.addIssue({
          code: "custom",
          path: ["actions", i, "quote"],
          message: "This passage is not in the report's text.",
        });
      if (a.caseIndexes.some((n) => n >= v.cases.length))
        ctx.addIssue({
          code: "custom",
          path: ["actions", i, "caseIndexes"],
          message: "Choose a case that is being saved.",
        });
      if (a.contactIndex >= v.contacts.length)
        ctx.addIssue({
          code: "custom",
          path: ["actions", i, "contactIndex"],
          message: "Choose a contact that is being saved.",
        });
    });
  });

export type IntakeSaveInput = z.infer<typeof intakeSaveSchema>;

/** Longest report the extractor reads: far beyond any news article, far below a pasted file dump. */
export const MAX_REPORT_TEXT = MAX_REPORT_CHARS;

/** The message for a paste over the limit, also shown by the form before sending a huge paste. */
export function tooLongMessage(length: number): string {
  return `The text is ${length.toLocaleString("en")} characters long; at most ${MAX_REPORT_CHARS.toLocaleString("en")} can be read. Paste the article alone, not the whole page or file.`;
}

/**
 * The "New from report" paste form: a clear message per field, so that a 5 MB paste or a binary
 * file is refused, not processed. The extractor itself never throws on any string; these checks
 * are for the person at the form.
 */
export type ReportInputField = "text" | "publishedAt" | "url" | "outlet";
export type ReportInputErrors = Partial<Record<ReportInputField, string>>;

const blankInput = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export function reportInputSchema(now: Date = new Date()) {
  const latest = latestPublishedDay(now);
  return z.object({
    text: z.string({ message: "Paste the text of the report." }).superRefine((s, ctx) => {
      // Checked in this order, and only the first failure is reported: a 5 MB paste is not scanned further.
      if (s.trim().length === 0) ctx.addIssue({ code: "custom", message: "Paste the text of the report." });
      else if (s.length > MAX_REPORT_CHARS)
        ctx.addIssue({
          code: "custom",
          message: tooLongMessage(s.length),
        });
      else {
        const reason = notTextReason(s);
        if (reason)
          ctx.addIssue({
            code: "custom",
            message: `This does not look like text (${reason}). Paste the words of the article, not a file.`,
          });
        else if (!isStorableText(s))
          ctx.addIssue({
            code: "custom",
            message: "The text contains characters that cannot be stored (a broken surrogate pair); copy it again.",
          });
      }
    }),
    publishedAt: z.preprocess(
      blankInput,
      z
        .string()
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2012-02-14.")
        .superRefine((s, ctx) => {
          const d = new Date(`${s}T00:00:00.000Z`);
          if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s)
            ctx.addIssue({ code: "custom", message: "That date does not exist." });
          else if (d.getUTCFullYear() < 1900)
            ctx.addIssue({ code: "custom", message: "The publication date is too early." });
          else if (s > latest)
            ctx.addIssue({ code: "custom", message: "The publication date cannot be in the future." });
        })
        .optional(),
    ),
    url: webUrl,
    outlet: z.preprocess(blankInput, z.string().trim().max(300, "The outlet is limited to 300 characters.").optional()),
  });
}

export type ReportInput = z.infer<ReturnType<typeof reportInputSchema>>;

/** Field errors for the form (empty when the input can be read), and the checked values. */
export function checkReportInput(
  input: { text?: unknown; publishedAt?: unknown; url?: unknown; outlet?: unknown },
  now: Date = new Date(),
): { ok: true; value: ReportInput; errors: ReportInputErrors } | { ok: false; errors: ReportInputErrors } {
  const parsed = reportInputSchema(now).safeParse({
    text: input.text ?? "",
    publishedAt: input.publishedAt,
    url: input.url,
    outlet: input.outlet,
  });
  if (parsed.success) return { ok: true, value: parsed.data, errors: {} };
  const errors: ReportInputErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ReportInputField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
