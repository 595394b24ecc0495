/** Managing the vocabularies' terms (admins): add, edit (rename, translate, define), merge, retire. */
import { z } from "zod";
import { schemaOf } from "@/lib/fields/define";
import { TERM_EDIT_FIELDS, TERM_FIELDS } from "@/lib/fields/vocabulary";
import { recordId, version } from "@/lib/validations/fields";

/** Latitude and longitude come together or not at all. */
function bothCoordinates(v: { latitude?: number; longitude?: number }, ctx: z.RefinementCtx) {
  if ((v.latitude === undefined) !== (v.longitude === undefined))
    ctx.addIssue({
      code: "custom",
      path: [v.latitude === undefined ? "latitude" : "longitude"],
      message: "Give both latitude and longitude, or neither.",
    });
}

export const addTermSchema = schemaOf(TERM_FIELDS).superRefine(bothCoordinates);

export const updateTermSchema = z
  .object({ termId: recordId("Unknown term."), version, ...schemaOf(TERM_FIELDS, TERM_EDIT_FIELDS).shape })
  .superRefine(bothCoordinates);

/** Merging moves every use of `termId` to `intoId` (same vocabulary) and leaves `termId` pointing there. */
export const mergeTermsSchema = z
  .object({
    termId: recordId("Choose the term to merge."),
    intoId: recordId("Choose the term to keep."),
  })
  .refine((v) => v.termId !== v.intoId, { path: ["intoId"], message: "Choose a different term to keep." });

/** Retiring (or bringing back) a term: its uses stay; new events cannot choose it. */
export const retireTermSchema = z.object({
  termId: recordId("Unknown term."),
  version,
  retired: z.enum(["true", "false"], { message: "Retire or restore?" }).transform((v) => v === "true"),
});

export type AddTermInput = z.infer<typeof addTermSchema>;
export type UpdateTermInput = z.infer<typeof updateTermSchema>;
export type MergeTermsInput = z.infer<typeof mergeTermsSchema>;
export type RetireTermInput = z.infer<typeof retireTermSchema>;
