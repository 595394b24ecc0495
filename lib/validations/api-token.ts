import { z } from "zod";

/** Most active (not revoked) tokens one user may hold; revoke one to make another. */
export const MAX_ACTIVE_API_TOKENS = 10;

const id = z.string({ message: "Unknown token." }).regex(/^[a-z0-9]{20,40}$/i, "Unknown token.");

export const createApiTokenSchema = z.object({
  name: z
    .string({ message: "Name the token, e.g. after the script that will use it." })
    .trim()
    .min(1, "Name the token, e.g. after the script that will use it.")
    .max(100, "Token names are limited to 100 characters."),
});

export const revokeApiTokenSchema = z.object({ id });

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
