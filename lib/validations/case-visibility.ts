import { z } from "zod";

/** Publishing a case or taking it back, from the preview page. */
export const setVisibilitySchema = z.object({
  code: z.string().regex(/^[A-Z]{2,3}-\d{4}-\d{4}$/, "Unknown case."),
  /** Publish makes the case PUBLIC; unpublish returns it to the visibility it had before. */
  intent: z.enum(["publish", "unpublish"], { message: "Choose publish or unpublish." }),
  version: z.coerce.number().int().min(1, "Missing version."),
  reason: z.string().trim().max(2000, "Reasons are limited to 2,000 characters.").optional(),
  /** Ticked to publish a restricted case, after reading what becomes public. */
  confirmRestricted: z.literal("yes").optional(),
});

export type SetVisibilityInput = z.infer<typeof setVisibilitySchema>;
