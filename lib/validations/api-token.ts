import { z } from "zod";
import { API_TOKEN_FIELDS } from "@/lib/fields/account";
import { schemaOf } from "@/lib/fields/define";
import { recordId } from "@/lib/validations/fields";

/** Most active (not revoked) tokens one user may hold; revoke one to make another. */
export const MAX_ACTIVE_API_TOKENS = 10;

const id = recordId("validation.account.unknownToken");

export const createApiTokenSchema = schemaOf(API_TOKEN_FIELDS);

export const revokeApiTokenSchema = z.object({ id });

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
