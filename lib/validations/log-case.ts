import { messageKey } from "@/lib/i18n/message-key";
import { z } from "zod";
import { ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import { CONTACT_FIELDS } from "@/lib/fields/contact";
import { schemaOf } from "@/lib/fields/define";
import { EVENT_FIELDS } from "@/lib/fields/event";
import { CLAIM_FORM_FIELDS, SOURCE_FIELDS } from "@/lib/fields/source";
import { followUpAfterDate } from "@/lib/validations/advocacy";
import { caseFields, checkCase } from "@/lib/validations/case";
import { checkDates, withPrecisionRange } from "@/lib/validations/event";
import { blank, RECORD_ID } from "@/lib/validations/fields";
import { LOG_CASE_NAMES } from "@/lib/validations/log-case-names";

export { LOG_CASE_NAMES };

/**
 * "Log an arrest in one pass": one form holds a case, its first event, the source (pasted or already
 * captured) with the passages behind the size and the event, and optionally an advocacy action with
 * its contact (picked or created). The form's names say which record a field belongs to: case fields
 * as they are, then `event.`, `source.`, `action.` and `contact.` fields, and the two passages.
 * Each record is checked by its own schema (the same rules as its own form); an error names the
 * form field, so the form shows it beside that field.
 */

/** The event's fields on this form; its place is the case's (an arrest happens where the group was caught). */
const EVENT_PART = [
  "type",
  "dateEarliest",
  "dateLatest",
  "precision",
  "dateWording",
  "authority",
  "description",
  "descriptionAlt",
] as const;
const eventSchema = schemaOf(EVENT_FIELDS, EVENT_PART).transform(withPrecisionRange).superRefine(checkDates);
const caseSchema = caseFields.superRefine(checkCase);
const newSourceSchema = schemaOf(SOURCE_FIELDS, [
  "url",
  "outlet",
  "title",
  "author",
  "language",
  "publishedAt",
  "text",
] as const);
const actionSchema = schemaOf(ADVOCACY_FIELDS, [
  "kind",
  "date",
  "followUpDue",
  "response",
  "status",
  "askedFor",
  "notes",
] as const).superRefine(followUpAfterDate);
const newContactSchema = schemaOf(CONTACT_FIELDS, ["name", "kind", "organisation", "role", "country"] as const);
const quoteSchema = CLAIM_FORM_FIELDS.fields.quote.schema;

/** Checks the fields that start with `prefix` against `schema`; issues are reported under their form names. */
function part<S extends z.ZodType>(
  values: Record<string, unknown>,
  prefix: string,
  schema: S,
  ctx: z.RefinementCtx,
): z.infer<S> | undefined {
  const own = Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
  const parsed = schema.safeParse(own);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: "custom", path: [`${prefix}${String(issue.path[0] ?? "")}`], message: issue.message });
  return undefined;
}

/** One passage: required (event) or optional (size); for a pasted text it must occur in that text. */
function passage(
  values: Record<string, unknown>,
  name: string,
  ctx: z.RefinementCtx,
  opts: { missing?: string; what: string },
): string | undefined {
  const raw = blank(values[name]);
  if (raw === undefined) {
    if (opts.missing) ctx.addIssue({ code: "custom", path: [name], message: opts.missing });
    return undefined;
  }
  const parsed = quoteSchema.safeParse(raw);
  if (parsed.success) return parsed.data as string;
  ctx.addIssue({
    code: "custom",
    path: [name],
    message: messageKey("validation.logCase.passageProblem", {
      what: opts.what,
      problem: parsed.error.issues[0].message,
    }),
  });
  return undefined;
}

export const logCaseSchema = z.record(z.string(), z.unknown()).transform((values, ctx) => {
  const caseInput = part(values, "", caseSchema, ctx);
  const eventInput = part(values, "event.", eventSchema, ctx);

  const pickedId = blank(values[LOG_CASE_NAMES.sourceId]);
  let source: { mode: "existing"; id: string } | ({ mode: "new" } & z.infer<typeof newSourceSchema>) | undefined;
  if (pickedId !== undefined) {
    if (typeof pickedId === "string" && RECORD_ID.test(pickedId)) source = { mode: "existing", id: pickedId };
    else
      ctx.addIssue({
        code: "custom",
        path: [LOG_CASE_NAMES.sourceId],
        message: "validation.logCase.unknownSource",
      });
  } else {
    const fresh = part(values, "source.", newSourceSchema, ctx);
    if (fresh) source = { mode: "new", ...fresh };
  }

  const sizeQuote = passage(values, LOG_CASE_NAMES.sizeQuote, ctx, { what: "validation.label.sizeQuote" });
  const eventQuote = passage(values, LOG_CASE_NAMES.eventQuote, ctx, {
    what: "validation.label.eventQuote",
    missing: "validation.logCase.selectEventPassage",
  });
  if (source?.mode === "new") {
    for (const [name, quote, what] of [
      [LOG_CASE_NAMES.sizeQuote, sizeQuote, "validation.label.sizeQuote"],
      [LOG_CASE_NAMES.eventQuote, eventQuote, "validation.label.eventQuote"],
    ] as const) {
      if (quote !== undefined && !source.text.includes(quote))
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: messageKey("validation.logCase.passageNotInText", { what }),
        });
    }
  }

  let action:
    | (z.infer<typeof actionSchema> & {
        contact: { mode: "existing"; id: string } | ({ mode: "new" } & z.infer<typeof newContactSchema>);
      })
    | undefined;
  if (values[LOG_CASE_NAMES.addAction] === "yes") {
    const fields = part(values, "action.", actionSchema, ctx);
    const contactId = blank(values[LOG_CASE_NAMES.contactId]);
    let contact: NonNullable<typeof action>["contact"] | undefined;
    if (contactId !== undefined) {
      if (typeof contactId === "string" && RECORD_ID.test(contactId)) contact = { mode: "existing", id: contactId };
      else
        ctx.addIssue({
          code: "custom",
          path: [LOG_CASE_NAMES.contactId],
          message: "validation.logCase.unknownContact",
        });
    } else {
      const fresh = part(values, "contact.", newContactSchema, ctx);
      if (fresh) contact = { mode: "new", ...fresh };
    }
    if (fields && contact) action = { ...fields, contact };
  }

  if (!caseInput || !eventInput || !source || !eventQuote || ctx.issues.length > 0) return z.NEVER;
  return { case: caseInput, event: eventInput, source, sizeQuote, eventQuote, action };
});

export type LogCaseInput = z.infer<typeof logCaseSchema>;
