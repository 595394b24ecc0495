import { z } from "zod";
import { CASE_FIELDS } from "@/lib/fields/case";
import { caseCode, version } from "@/lib/validations/fields";

/** Publishing a case or taking it back, from the preview page. */
export const setVisibilitySchema = z.object({
  code: caseCode(),
  /** Publish makes the case PUBLIC; unpublish returns it to the visibility it had before. */
  intent: z.enum(["publish", "unpublish"], { message: "validation.case.choosePublish" }),
  version,
  reason: CASE_FIELDS.fields.reason.schema,
  /** Ticked to publish a restricted case, after reading what becomes public. */
  confirmRestricted: z.literal("yes").optional(),
});

export type SetVisibilityInput = z.infer<typeof setVisibilitySchema>;
