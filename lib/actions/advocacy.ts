"use server";
import { revalidatePath } from "next/cache";
import { createAdvocacyAction, updateAdvocacyAction } from "@/lib/data/advocacy";
import { createAdvocacySchema, updateAdvocacySchema } from "@/lib/validations/advocacy";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

export async function createAdvocacyActionAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:advocacy:any",
    schema: createAdvocacySchema,
    invalidMessage: "Check the highlighted fields. Nothing was saved.",
    run: async (actor, { caseCode, ...input }) => {
      await createAdvocacyAction(actor, caseCode, input);
      revalidatePath(`/cases/${caseCode}`);
      revalidatePath("/follow-ups");
      return "Advocacy action recorded.";
    },
  });
}

export async function updateAdvocacyActionAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:advocacy:any",
    schema: updateAdvocacySchema,
    invalidMessage: "Check the highlighted fields. Nothing was saved.",
    run: async (actor, input) => {
      const { caseCode } = await updateAdvocacyAction(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      revalidatePath("/follow-ups");
      return "Saved.";
    },
  });
}
