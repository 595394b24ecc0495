"use server";
import { revalidatePath } from "next/cache";
import { addTerm, mergeTerms, setTermRetired, updateTerm } from "@/lib/data/vocabularies";
import { addTermSchema, mergeTermsSchema, retireTermSchema, updateTermSchema } from "@/lib/validations/vocabulary";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

const PAGE = "/admin/vocabularies";

export async function addTermAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:vocabulary:any",
    schema: addTermSchema,
    run: async (actor, input) => {
      await addTerm(actor, input);
      revalidatePath(PAGE);
      return `Added “${input.labelEn}”.`;
    },
  });
}

export async function updateTermAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:vocabulary:any",
    schema: updateTermSchema,
    run: async (actor, input) => {
      await updateTerm(actor, input);
      revalidatePath(PAGE);
      return "Term saved.";
    },
  });
}

export async function mergeTermsAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:vocabulary:any",
    schema: mergeTermsSchema,
    run: async (actor, input) => {
      const { moved } = await mergeTerms(actor, input);
      revalidatePath(PAGE);
      return `Merged; ${moved} ${moved === 1 ? "use" : "uses"} moved.`;
    },
  });
}

export async function retireTermAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "manage:vocabulary:any",
    schema: retireTermSchema,
    run: async (actor, input) => {
      await setTermRetired(actor, input);
      revalidatePath(PAGE);
      return input.retired ? "Term retired." : "Term brought back.";
    },
  });
}
