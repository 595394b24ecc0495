/**
 * What "New from report" saves after the user reviewed the proposals: the source, the cases (new,
 * or events merged into an existing case), the people as contacts and the appeals as advocacy
 * actions. The review form sends it as one JSON field; every part is checked here with the same
 * rules as the single-record forms, and every quote must be a passage of the source's text.
 */
import { z } from "zod";
import { ACTION_KINDS } from "@/lib/validations/advocacy";
import { caseFields, checkRanges, CASE_STATUSES } from "@/lib/validations/case";
import { CONTACT_KINDS, type ContactKindValue } from "@/lib/validations/contact";
import { checkDates, eventFields } from "@/lib/validations/event";
import { captureSourceSchema, MAX_QUOTE } from "@/lib/validations/source";

const quote = z.string().max(MAX_QUOTE, `Quotes are limited to ${MAX_QUOTE.toLocaleString("en")} characters.`).optional();
const CASE_CODE = /^[A-Z]{2,3}-\d{4}-\d{4}$/;
const RECORD_ID = /^[a-z0-9]{20,40}$/i;

export const intakeEventSchema = z
  .object({ ...eventFields, quote })
  .transform((v) => ({ ...v, dateLatest: v.dateLatest ?? v.dateEarliest }))
  .superRefine(checkDates);

export const intakeCaseSchema = caseFields
  .extend({
    /** Add this group's events and quotes to an existing case instead of creating one. */
    mergeInto: z.string().regex(CASE_CODE, "Unknown case.").optional(),
    status: z.enum(CASE_STATUSES, { message: "Choose a status." }).optional(),
    /** The passage the group size comes from. */
    sizeQuote: quote,
    events: z.array(intakeEventSchema).max(20, "At most 20 events per case."),
  })
  .superRefine(checkRanges);

export const intakeContactSchema = z.object({
  /** Use this existing contact rather than creating a new one. */
  existingId: z.string().regex(RECORD_ID, "Unknown contact.").optional(),
  name: z.string().trim().min(1, "Enter a name.").max(200, "Names are limited to 200 characters."),
  kind: z.enum(Object.keys(CONTACT_KINDS) as [ContactKindValue, ...ContactKindValue[]], { message: "Choose a kind of contact." }),
  role: z.string().trim().max(300, "Role is limited to 300 characters.").optional(),
  organisation: z.string().trim().max(300, "Organisation is limited to 300 characters.").optional(),
  quote,
});

type ActionKind = keyof typeof ACTION_KINDS;
export const intakeActionSchema = z.object({
  /** Indexes into `cases`: the cases the appeal concerns. */
  caseIndexes: z.array(z.number().int().min(0)).min(1, "Choose the case the appeal concerns.").max(20),
  /** Index into `contacts`: who it was addressed to. */
  contactIndex: z.number().int().min(0, "Choose who the appeal was addressed to."),
  kind: z.enum(Object.keys(ACTION_KINDS) as [ActionKind, ...ActionKind[]], { message: "Choose the kind of action." }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date (YYYY-MM-DD)."),
  askedFor: z.string().trim().min(1, "Say what was asked for.").max(2000, "Limited to 2,000 characters."),
  quote,
});

export const intakeSaveSchema = z
  .object({
    source: captureSourceSchema.omit({ caseCode: true, supersedesId: true }),
    cases: z.array(intakeCaseSchema).min(1, "Keep at least one case, or nothing is saved.").max(20, "At most 20 cases from one report."),
    contacts: z.array(intakeContactSchema).max(30, "At most 30 contacts from one report."),
    actions: z.array(intakeActionSchema).max(20, "At most 20 advocacy actions from one report."),
  })
  .superRefine((v, ctx) => {
    const inText = (q: string | undefined) => !q || v.source.text.includes(q);
    v.cases.forEach((c, i) => {
      if (!inText(c.sizeQuote)) ctx.addIssue({ code: "custom", path: ["cases", i, "sizeQuote"], message: "This passage is not in the report's text." });
      c.events.forEach((e, j) => {
        if (!inText(e.quote)) ctx.addIssue({ code: "custom", path: ["cases", i, "events", j, "quote"], message: "This passage is not in the report's text." });
      });
    });
    v.contacts.forEach((c, i) => {
      if (!inText(c.quote)) ctx.addIssue({ code: "custom", path: ["contacts", i, "quote"], message: "This passage is not in the report's text." });
    });
    v.actions.forEach((a, i) => {
      if (!inText(a.quote)) ctx.addIssue({ code: "custom", path: ["actions", i, "quote"], message: "This passage is not in the report's text." });
      if (a.caseIndexes.some((n) => n >= v.cases.length)) ctx.addIssue({ code: "custom", path: ["actions", i, "caseIndexes"], message: "Choose a case that is being saved." });
      if (a.contactIndex >= v.contacts.length) ctx.addIssue({ code: "custom", path: ["actions", i, "contactIndex"], message: "Choose a contact that is being saved." });
    });
  });

export type IntakeSaveInput = z.infer<typeof intakeSaveSchema>;
