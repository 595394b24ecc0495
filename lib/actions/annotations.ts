"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { createAnnotation, replyToAnnotation, resolveAnnotation } from "@/lib/data/annotations";
import { can } from "@/lib/permissions";
import { createAnnotationSchema, replyAnnotationSchema, resolveAnnotationSchema } from "@/lib/validations/annotation";
import { fieldErrors, formValues, NOT_ALLOWED, NOT_SIGNED_IN, refusal, submittedForm, type ActionState } from "@/lib/actions/action-state";

// Thin actions: check the session and role, parse, call the data layer (which checks again), revalidate.

export async function createAnnotationAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return NOT_SIGNED_IN;
  if (!can(actor, "create:annotation:any")) return NOT_ALLOWED;
  const values = formValues(submittedForm(previous, formData));
  const parsed = createAnnotationSchema.safeParse({ ...values, eventId: values.eventId || undefined, field: values.field || undefined });
  if (!parsed.success) return { status: "invalid", message: "Check the note.", errors: fieldErrors(parsed.error), values };
  try {
    const { caseCode } = await createAnnotation(actor, parsed.data);
    revalidatePath(`/cases/${caseCode}`);
    revalidatePath("/annotations");
    return { status: "ok", message: "Note added." };
  } catch (error) {
    return refusal(error, values);
  }
}

export async function replyAnnotationAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return NOT_SIGNED_IN;
  if (!can(actor, "reply:annotation:any")) return NOT_ALLOWED;
  const values = formValues(submittedForm(previous, formData));
  const parsed = replyAnnotationSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", message: "Check the reply.", errors: fieldErrors(parsed.error), values };
  try {
    const { caseCode } = await replyToAnnotation(actor, parsed.data);
    revalidatePath(`/cases/${caseCode}`);
    revalidatePath("/annotations");
    return { status: "ok", message: "Reply added." };
  } catch (error) {
    return refusal(error, values);
  }
}

export async function resolveAnnotationAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return NOT_SIGNED_IN;
  if (!can(actor, "resolve:annotation:any")) return NOT_ALLOWED;
  const values = formValues(submittedForm(previous, formData));
  const parsed = resolveAnnotationSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", message: "This note could not be identified.", errors: fieldErrors(parsed.error), values };
  try {
    const { caseCode } = await resolveAnnotation(actor, parsed.data);
    revalidatePath(`/cases/${caseCode}`);
    revalidatePath("/annotations");
    return { status: "ok", message: "Resolved." };
  } catch (error) {
    return refusal(error, values);
  }
}
