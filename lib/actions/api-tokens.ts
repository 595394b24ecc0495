"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validations/api-token";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

/** Makes a token; the state carries it (`oneTimeSecret`) for the form to show this once. */
export async function createApiTokenAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:api-token:own",
    schema: createApiTokenSchema,
    run: async (actor, input) => {
      const { token } = await createApiToken(actor, input.name);
      revalidatePath("/account");
      return { status: "ok", message: `Token "${input.name}" created.`, oneTimeSecret: token };
    },
  });
}

export async function revokeApiTokenAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:api-token:own",
    schema: revokeApiTokenSchema,
    invalidMessage: "This token could not be identified.",
    run: async (actor, input) => {
      const { name, alreadyRevoked } = await revokeApiToken(actor, input.id);
      revalidatePath("/account");
      return alreadyRevoked ? `Token "${name}" was already revoked.` : `Token "${name}" revoked: it no longer works.`;
    },
  });
}
