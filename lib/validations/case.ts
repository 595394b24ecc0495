import { z } from "zod";
import { CASE_CREATE_FIELDS, CASE_FIELDS } from "@/lib/fields/case";
import { schemaOf } from "@/lib/fields/define";
import { caseCode, version } from "@/lib/validations/fields";

export { CASE_STATUSES, EDITABLE_VISIBILITIES, PRIORITIES, VERIFICATIONS } from "@/lib/fields/case";

/** The fields of a case form, before the cross-field checks (shared with report intake): from the field table. */
export const caseFields = schemaOf(CASE_FIELDS, CASE_CREATE_FIELDS);

type CaseFieldValues = z.infer<typeof caseFields>;

/** min ≤ best ≤ max, for each range on the form. */
export function checkRanges(v: CaseFieldValues, ctx: z.RefinementCtx) {
  if (v.sizeMax !== undefined && v.sizeMax < v.sizeMin)
    ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "validation.case.maxBelowMin" });
  if (v.sizeBest !== undefined && (v.sizeBest < v.sizeMin || (v.sizeMax !== undefined && v.sizeBest > v.sizeMax))) {
    ctx.addIssue({
      code: "custom",
      path: ["sizeBest"],
      message: "validation.case.bestOutsideRange",
    });
  }
  for (const [min, max] of [
    ["familyInSouthMin", "familyInSouthMax"],
    ["askedForHelpMin", "askedForHelpMax"],
  ] as const) {
    const lo = v[min];
    const hi = v[max];
    if (lo !== undefined && hi !== undefined && hi < lo)
      ctx.addIssue({ code: "custom", path: [max], message: "validation.case.maxBelowMin" });
    if (lo !== undefined && lo > (v.sizeMax ?? Number.MAX_SAFE_INTEGER))
      ctx.addIssue({ code: "custom", path: [min], message: "validation.case.moreThanGroup" });
  }
}

export const createCaseSchema = caseFields.superRefine(checkRanges);

export const updateCaseSchema = caseFields
  .extend({
    code: caseCode(),
    version,
    status: CASE_FIELDS.fields.status.schema,
    reason: CASE_FIELDS.fields.reason.schema,
  })
  .superRefine(checkRanges);

export const archiveCaseSchema = z.object({ code: caseCode(), version, reason: CASE_FIELDS.fields.reason.schema });

export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;
