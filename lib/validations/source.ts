import { z } from "zod";
import { CASE_FIELDS, type CaseFieldName } from "@/lib/fields/case";
import { schemaOf } from "@/lib/fields/define";
import { CLAIM_FIELD_NAMES, CLAIM_FORM_FIELDS, CLAIM_TARGETS, SOURCE_FIELDS } from "@/lib/fields/source";
import { blank, caseCode, isStorableText } from "@/lib/validations/fields";

export { isStorableText };
export { normalizeLineBreaks, latestPublishedDay, webUrl } from "@/lib/validations/fields";
export { CLAIM_FIELD_NAMES, CLAIM_TARGETS, MAX_QUOTE, MAX_SOURCE_TEXT } from "@/lib/fields/source";

export type ClaimField = (typeof CLAIM_FIELD_NAMES)[number];
/** Fields whose value is a count: a value given for them must be a whole number. */
export const NUMERIC_CLAIM_FIELDS: readonly ClaimField[] = CLAIM_FIELD_NAMES.filter(
  (f) => CASE_FIELDS.fields[f].widget.kind === "number",
);
export type { CaseFieldName };

/** A new capture of a report: metadata plus the text exactly as pasted (only line breaks normalized). */
export const captureSourceSchema = schemaOf(SOURCE_FIELDS).extend({
  /** The case page the form was opened from (where to go back to); optional. */
  caseCode: z.preprocess(blank, caseCode().optional()),
});

export type CaptureSourceInput = z.infer<typeof captureSourceSchema>;

/** A quoted passage of a source tied to a case, one of its events, or one field of the case. */
export const addClaimSchema = schemaOf(CLAIM_FORM_FIELDS)
  .extend({ caseCode: caseCode() })
  .superRefine((v, ctx) => {
    if (v.target === "EVENT" && !v.eventId)
      ctx.addIssue({ code: "custom", path: ["eventId"], message: "validation.source.chooseEvent" });
    if (v.target === "FIELD" && !v.field)
      ctx.addIssue({ code: "custom", path: ["field"], message: "validation.source.chooseField" });
    if (
      v.target === "FIELD" &&
      v.field &&
      v.value !== undefined &&
      NUMERIC_CLAIM_FIELDS.includes(v.field) &&
      !/^\d{1,6}$/.test(v.value)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "validation.source.numericValue",
      });
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
