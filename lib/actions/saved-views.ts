"use server";
import { revalidatePath } from "next/cache";
import { deleteSavedView, saveView } from "@/lib/data/saved-views";
import { deleteSavedViewSchema, saveViewSchema } from "@/lib/validations/saved-view";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { messageKey } from "@/lib/i18n/message-key";

export async function saveViewAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:saved-view:own",
    schema: saveViewSchema,
    run: async (actor, input) => {
      const { replaced } = await saveView(actor, input);
      revalidatePath("/account");
      return replaced
        ? messageKey("actions.viewReplaced", { name: input.name })
        : messageKey("actions.viewSaved", { name: input.name });
    },
  });
}

export async function deleteSavedViewAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:saved-view:own",
    schema: deleteSavedViewSchema,
    invalidMessage: "actions.viewUnidentified",
    run: async (actor, input) => {
      const { name } = await deleteSavedView(actor, input.id);
      revalidatePath("/account");
      return messageKey("actions.viewDeleted", { name });
    },
  });
}
