"use server";
import { revalidatePath } from "next/cache";
import { setCaseVisibility } from "@/lib/data/cases";
import { setVisibilitySchema } from "@/lib/validations/case-visibility";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

/** Publish a case after previewing it, or take it back to the visibility it had before. */
export async function setCaseVisibilityAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "publish:case:any",
    schema: setVisibilitySchema,
    invalidMessage: "Check the form.",
    run: async (actor, input) => {
      const { visibility } = await setCaseVisibility(actor, input);
      revalidatePath(`/cases/${input.code}`);
      revalidatePath("/cases");
      revalidatePath("/");
      if (visibility === "PUBLIC") return "Published: visitors can now see this case.";
      return `Unpublished: visitors can no longer see this case. It is ${visibility === "RESTRICTED" ? "restricted (staff only)" : "internal (signed-in users)"} again.`;
    },
  });
}
