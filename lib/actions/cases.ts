"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { setCaseVisibility } from "@/lib/data/cases";
import { can } from "@/lib/permissions";
import { setVisibilitySchema } from "@/lib/validations/case-visibility";
import { fieldErrors, formValues, NOT_ALLOWED, NOT_SIGNED_IN, refusal, submittedForm, type ActionState } from "@/lib/actions/action-state";

/** Publish (PUBLIC) or unpublish (INTERNAL) a case after previewing it. */
export async function setCaseVisibilityAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return NOT_SIGNED_IN;
  if (!can(actor, "publish:case:any")) return NOT_ALLOWED;
  const values = formValues(submittedForm(previous, formData));
  const parsed = setVisibilitySchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", message: "Check the form.", errors: fieldErrors(parsed.error), values };
  try {
    await setCaseVisibility(actor, parsed.data);
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath(`/cases/${parsed.data.code}`);
  revalidatePath("/cases");
  revalidatePath("/");
  return { status: "ok", message: parsed.data.visibility === "PUBLIC" ? "Published: visitors can now see this case." : "Unpublished: visitors can no longer see this case." };
}
