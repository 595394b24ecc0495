"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCase, setCaseArchived, setCaseVisibility, updateCase } from "@/lib/data/case-writes";
import { findPossibleDuplicates } from "@/lib/data/cases";
import { formatPlace } from "@/lib/format/display";
import { rankDuplicates } from "@/lib/format/duplicates";
import { archiveCaseSchema, createCaseSchema, updateCaseSchema } from "@/lib/validations/case";
import { setVisibilitySchema } from "@/lib/validations/case-visibility";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { messageKey } from "@/lib/i18n/message-key";

/** Logs a new case; first shows possible duplicates unless the user has seen them and goes on. */
export async function createCaseAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  let created: string | undefined;
  const state = await runFormAction(previous, formData, {
    permission: "create:case:any",
    schema: createCaseSchema,
    run: async (actor, input, values) => {
      if (values.confirmNotDuplicate !== "yes") {
        // Best match first, with what matches (place and size; the dates are not known yet).
        const duplicates = rankDuplicates(input, await findPossibleDuplicates(actor, input));
        if (duplicates.length > 0) {
          return {
            status: "duplicates",
            message: messageKey("actions.duplicates", { count: duplicates.length }),
            duplicates: duplicates.map((d) => ({
              code: d.code,
              title: d.title,
              sizeMin: d.sizeMin,
              place: formatPlace({ country: input.country, province: d.province, cityArea: d.cityArea }),
              reasons: d.reasons,
            })),
            values,
          };
        }
      }
      created = (await createCase(actor, input)).code;
      revalidatePath("/cases");
      return messageKey("actions.caseLogged", { code: created });
    },
  });
  if (state.status === "ok" && created) redirect(`/cases/${created}`);
  return state;
}

export async function updateCaseAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "update:case:any",
    schema: updateCaseSchema,
    run: async (actor, input) => {
      await updateCase(actor, input);
      revalidatePath(`/cases/${input.code}`);
      revalidatePath("/cases");
      return "actions.saved";
    },
  });
}

/** Archives a case, then shows the archived list (the case's own pages no longer exist for lists). */
export async function archiveCaseAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  const state = await runFormAction(previous, formData, {
    permission: "archive:case:any",
    schema: archiveCaseSchema,
    run: async (actor, input) => {
      await setCaseArchived(actor, { ...input, archived: true });
      revalidatePath("/cases");
      revalidatePath("/cases/archived");
      return messageKey("actions.archived", { code: input.code });
    },
  });
  if (state.status === "ok") redirect("/cases/archived");
  return state;
}

export async function restoreCaseAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "archive:case:any",
    schema: archiveCaseSchema,
    run: async (actor, input) => {
      await setCaseArchived(actor, { ...input, archived: false });
      revalidatePath("/cases");
      revalidatePath("/cases/archived");
      return messageKey("actions.restored", { code: input.code });
    },
  });
}

/** Publish a case after previewing it, or take it back to the visibility it had before. */
export async function setCaseVisibilityAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "publish:case:any",
    schema: setVisibilitySchema,
    invalidMessage: "actions.checkForm",
    run: async (actor, input) => {
      const { visibility } = await setCaseVisibility(actor, input);
      revalidatePath(`/cases/${input.code}`);
      revalidatePath("/cases");
      revalidatePath("/");
      if (visibility === "PUBLIC") return "actions.published";
      return messageKey("actions.unpublished", { visibility });
    },
  });
}
