"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validations/api-token";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { messageKey } from "@/lib/i18n/message-key";

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
      return { status: "ok", message: messageKey("actions.tokenCreated", { name: input.name }), oneTimeSecret: token };
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
    invalidMessage: "actions.tokenUnidentified",
    run: async (actor, input) => {
      const { name, alreadyRevoked } = await revokeApiToken(actor, input.id);
      revalidatePath("/account");
      return messageKey(alreadyRevoked ? "actions.tokenAlreadyRevoked" : "actions.tokenRevoked", { name });
    },
  });
}
