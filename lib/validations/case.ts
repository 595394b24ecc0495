import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { CASE_CREATE_FIELDS, CASE_FIELDS } from "@/lib/fields/case";
import { COMPOSITION_GROUPS, type CompositionGroup } from "@/lib/fields/case-composition";
import { schemaOf } from "@/lib/fields/define";
import { caseCode, version } from "@/lib/validations/fields";

export { CASE_STATUSES, EDITABLE_VISIBILITIES, PRIORITIES, VERIFICATIONS } from "@/lib/fields/case";

/** The fields of a case form, before the cross-field checks (shared with report intake): from the field table. */
export const caseFields = schemaOf(CASE_FIELDS, CASE_CREATE_FIELDS);

type CaseFieldValues = z.infer<typeof caseFields>;

/** min ≤ best ≤ max, for each range on the form. */
function checkRanges(v: CaseFieldValues, ctx: z.RefinementCtx) {
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

/**
 * The parts of a group fit inside it: each part's range is ordered, no part's minimum is above the
 * group's largest possible size, the disjoint parts (women, men, children) together are not either, and
 * a part of a part (infants of the children, pregnant women of the women) is not above its whole.
 */
export function checkComposition(v: CaseFieldValues, ctx: z.RefinementCtx) {
  const groupAtMost = v.sizeMax ?? Math.max(v.sizeMin, v.sizeBest ?? 0);
  const min = (g: CompositionGroup) => v[`${g}Min`];
  const atMost = (g: CompositionGroup) => v[`${g}Max`] ?? groupAtMost;
  for (const g of COMPOSITION_GROUPS) {
    const [lo, best, hi] = [v[`${g}Min`], v[`${g}Best`], v[`${g}Max`]];
    if (lo !== undefined && hi !== undefined && hi < lo)
      ctx.addIssue({ code: "custom", path: [`${g}Max`], message: "validation.case.maxBelowMin" });
    if (best !== undefined && ((lo !== undefined && best < lo) || (hi !== undefined && best > hi)))
      ctx.addIssue({
        code: "custom",
        path: [`${g}Best`],
        message: "validation.case.bestOutsideRange",
      });
    if (lo !== undefined && lo > groupAtMost)
      ctx.addIssue({
        code: "custom",
        path: [`${g}Min`],
        message: messageKey("validation.composition.moreThanGroup", { atMost: groupAtMost }),
      });
  }
  const disjoint = (["women", "men", "children"] as const).reduce((sum, g) => sum + (min(g) ?? 0), 0);
  if (disjoint > groupAtMost)
    ctx.addIssue({
      code: "custom",
      path: ["womenMin"],
      message: messageKey("validation.composition.partsMoreThanGroup", { parts: disjoint, atMost: groupAtMost }),
    });
  for (const [part, whole] of [
    ["infants", "children"],
    ["pregnant", "women"],
  ] as const) {
    const lo = min(part);
    if (lo !== undefined && lo <= groupAtMost && lo > atMost(whole))
      ctx.addIssue({
        code: "custom",
        path: [`${part}Min`],
        message: messageKey(`validation.composition.moreThan.${whole}`, { atMost: atMost(whole) }),
      });
  }
}

/** Every cross-field check of a case form. */
export function checkCase(v: CaseFieldValues, ctx: z.RefinementCtx) {
  checkRanges(v, ctx);
  checkComposition(v, ctx);
}

export const createCaseSchema = caseFields.superRefine(checkCase);

export const updateCaseSchema = caseFields
  .extend({
    code: caseCode(),
    version,
    status: CASE_FIELDS.fields.status.schema,
    reason: CASE_FIELDS.fields.reason.schema,
  })
  .superRefine(checkCase);

export const archiveCaseSchema = z.object({ code: caseCode(), version, reason: CASE_FIELDS.fields.reason.schema });

export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;
