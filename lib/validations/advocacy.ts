import { z } from "zod";
import { ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import { schemaOf } from "@/lib/fields/define";
import { caseCode, recordId, version } from "@/lib/validations/fields";

export { ACTION_KINDS, ACTION_RESPONSES, ACTION_STATUSES } from "@/lib/fields/advocacy";

const fields = schemaOf(ADVOCACY_FIELDS).shape;

/** A follow-up is due on or after the action's date (shared with the one-pass case log). */
export const followUpAfterDate = <T extends { date: Date; followUpDue?: Date }>(v: T, ctx: z.RefinementCtx) => {
  if (v.followUpDue && v.followUpDue < v.date)
    ctx.addIssue({
      code: "custom",
      path: ["followUpDue"],
      message: "validation.advocacy.followUpBeforeDate",
    });
};

export const createAdvocacySchema = z.object({ caseCode: caseCode(), ...fields }).superRefine(followUpAfterDate);

export const updateAdvocacySchema = z
  .object({ id: recordId("validation.advocacy.unknownAction"), version, ...fields })
  .superRefine(followUpAfterDate);

export type CreateAdvocacyInput = z.infer<typeof createAdvocacySchema>;
export type UpdateAdvocacyInput = z.infer<typeof updateAdvocacySchema>;
export type AdvocacyFields = Omit<CreateAdvocacyInput, "caseCode">;
