"use server";
import { revalidatePath } from "next/cache";
import { createAnnotation, replyToAnnotation, resolveAnnotation } from "@/lib/data/annotations";
import { createAnnotationSchema, replyAnnotationSchema, resolveAnnotationSchema } from "@/lib/validations/annotation";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

function revalidateCase(caseCode: string) {
  revalidatePath(`/cases/${caseCode}`);
  revalidatePath("/annotations");
}

export async function createAnnotationAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "create:annotation:any",
    schema: createAnnotationSchema,
    invalidMessage: "actions.checkNote",
    run: async (actor, input) => {
      const { caseCode } = await createAnnotation(actor, input);
      revalidateCase(caseCode);
      return "actions.noteAdded";
    },
  });
}

export async function replyAnnotationAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "reply:annotation:any",
    schema: replyAnnotationSchema,
    invalidMessage: "actions.checkReply",
    run: async (actor, input) => {
      revalidateCase((await replyToAnnotation(actor, input)).caseCode);
      return "actions.replyAdded";
    },
  });
}

export async function resolveAnnotationAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "resolve:annotation:any",
    schema: resolveAnnotationSchema,
    invalidMessage: "actions.noteUnidentified",
    run: async (actor, input) => {
      revalidateCase((await resolveAnnotation(actor, input)).caseCode);
      return "actions.resolved";
    },
  });
}
