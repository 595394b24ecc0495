"use server";
import { revalidatePath } from "next/cache";
import { createAdvocacyAction, updateAdvocacyAction } from "@/lib/data/advocacy";
import { createAdvocacySchema, updateAdvocacySchema } from "@/lib/validations/advocacy";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

export async function createAdvocacyActionAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:advocacy:any",
    schema: createAdvocacySchema,
    run: async (actor, { caseCode, ...input }) => {
      await createAdvocacyAction(actor, caseCode, input);
      revalidatePath(`/cases/${caseCode}`);
      revalidatePath("/follow-ups");
      return "actions.advocacyRecorded";
    },
  });
}

export async function updateAdvocacyActionAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:advocacy:any",
    schema: updateAdvocacySchema,
    run: async (actor, input) => {
      const { caseCode } = await updateAdvocacyAction(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      // The edit page too, so the form carries the new version and a second save is not a conflict.
      revalidatePath(`/cases/${caseCode}/advocacy/${input.id}/edit`);
      revalidatePath("/follow-ups");
      return "actions.saved";
    },
  });
}
