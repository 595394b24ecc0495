"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { findPossibleDuplicates } from "@/lib/data/cases";
import { logCaseInOnePass } from "@/lib/data/log-case";
import { formatPlace } from "@/lib/format/display";
import { rankDuplicates } from "@/lib/format/duplicates";
import { logCaseSchema } from "@/lib/validations/log-case";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * Logs an arrest in one pass (case, first event, source and passages, advocacy action with its
 * contact), all in one transaction; first shows possible duplicates unless the user has seen them.
 */
export async function logCaseAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  let created: string | undefined;
  const state = await runFormAction(previous, formData, {
    permission: "create:case:any",
    schema: logCaseSchema,
    run: async (actor, input, values) => {
      if (values.confirmNotDuplicate !== "yes") {
        const found = await findPossibleDuplicates(actor, input.case);
        // Best match first, with what matches: the place, the dates, the size.
        const duplicates = rankDuplicates({ ...input.case, caughtOn: input.event.dateEarliest }, found);
        if (duplicates.length > 0)
          return {
            status: "duplicates",
            message: messageKey("actions.logDuplicates", { count: duplicates.length }),
            duplicates: duplicates.map((d) => ({
              code: d.code,
              title: d.title,
              sizeMin: d.sizeMin,
              place: formatPlace({ country: input.case.country, province: d.province, cityArea: d.cityArea }),
              reasons: d.reasons,
            })),
            values,
          };
      }
      created = (await logCaseInOnePass(actor, input)).code;
      revalidatePath("/cases");
      revalidatePath("/");
      return messageKey("actions.caseLoggedWithEvent", { code: created });
    },
  });
  if (state.status === "ok" && created) redirect(`/cases/${created}`);
  return state;
}
