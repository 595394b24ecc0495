import { z } from "zod";
import { recordId, requiredText } from "@/lib/validations/fields";

/** Most active (not revoked) tokens one user may hold; revoke one to make another. */
export const MAX_ACTIVE_API_TOKENS = 10;

const id = recordId("Unknown token.");

export const createApiTokenSchema = z.object({
  name: requiredText(100, "The token's name", { missing: "Name the token, e.g. after the script that will use it." }),
});

export const revokeApiTokenSchema = z.object({ id });

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
