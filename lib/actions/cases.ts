"use server";
import { revalidatePath } from "next/cache";
import { setCaseVisibility } from "@/lib/data/cases";
import { setVisibilitySchema } from "@/lib/validations/case-visibility";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

/** Publish (PUBLIC) or unpublish (INTERNAL) a case after previewing it. */
export async function setCaseVisibilityAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "publish:case:any",
    schema: setVisibilitySchema,
    invalidMessage: "Check the form.",
    run: async (actor, input) => {
      await setCaseVisibility(actor, input);
      revalidatePath(`/cases/${input.code}`);
      revalidatePath("/cases");
      revalidatePath("/");
      return input.visibility === "PUBLIC" ? "Published: visitors can now see this case." : "Unpublished: visitors can no longer see this case.";
    },
  });
}
