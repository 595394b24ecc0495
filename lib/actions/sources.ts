"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addClaim, captureSource } from "@/lib/data/sources";
import { getTranslations } from "next-intl/server";
import { addClaimSchema, captureSourceSchema } from "@/lib/validations/source";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Captures a report. Opened from a case, it returns to that case's "attach a source" page with the
 * new capture selected (the page shows its SHA-256); the redirect happens only after the capture
 * is committed, and a refused form keeps its input.
 */
export async function captureSourceAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:source:any",
    schema: captureSourceSchema,
    run: async (actor, input) => {
      const { id, sha256, created } = await captureSource(actor, input);
      if (input.caseCode)
        redirect(`/cases/${input.caseCode}/sources/new?source=${id}&${created ? "captured" : "existing"}=1`);
      return created ? messageKey("actions.captured", { sha256 }) : messageKey("actions.capturedBefore", { sha256 });
    },
  });
}

/** Ties a quoted passage of a source to the case, one of its events or one field. */
export async function addClaimAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:source:any",
    schema: addClaimSchema,
    run: async (actor, input) => {
      const { caseCode, sourceId } = await addClaim(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      revalidatePath(`/sources/${sourceId}`);
      revalidatePath("/");
      const t = await getTranslations();
      const what =
        input.target === "FIELD" && input.field
          ? (t.has(`fields.case.${input.field}.history`)
              ? t(`fields.case.${input.field}.history`)
              : t(`fields.case.${input.field}.label`)
            ).toLowerCase()
          : input.target === "EVENT"
            ? t("sourceForms.theEvent")
            : t("sourceForms.theCase");
      return t("sourceForms.quoteAdded", { what });
    },
  });
}
