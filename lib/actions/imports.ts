"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { now } from "@/lib/clock";
import type { ImportFile } from "@/lib/data/imports";
import { saveImportMapping } from "@/lib/data/import-mappings";
import { createImportJob, getImportJob, startImportApply, startImportDryRun } from "@/lib/data/import-jobs";
import {
  importFormSchema,
  importJobSchema,
  mappingFromForm,
  valueMappingsFromForm,
  type ValueMappingsResult,
} from "@/lib/validations/import";

/** The uploaded file of the form, or null when none was chosen. */
async function uploaded(form: FormData): Promise<ImportFile | null> {
  const file = form.get("file");
  if (!(file instanceof File) || file.name === "") return null;
  return { name: file.name.slice(0, 255), bytes: new Uint8Array(await file.arrayBuffer()) };
}

const NO_FILE: ActionState = {
  status: "invalid",
  message: "Choose a CSV or Excel file to import. Nothing was read.",
  errors: { file: "Choose a CSV (.csv) or Excel (.xlsx) file." },
};
/** A value mapped outside the vocabularies: refused with its sentence, nothing stored or run. */
const badValues = (v: Extract<ValueMappingsResult, { ok: false }>): ActionState => ({
  status: "invalid",
  message: v.message,
});
const NO_JOB: ActionState = { status: "invalid", message: "Read a file first, then map its columns." };

/**
 * The import page's form, in three steps its buttons choose (`intent`): read the file into a new
 * import (kept on the server; the page then shows it at /import?job=…); start its dry run with the
 * mapping chosen; start applying it. The dry run and the apply run on the server as jobs the page
 * polls (importJobStatusAction); the apply insists on the dry run's file and case versions.
 */
export async function importSpreadsheetAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  const form = formData instanceof FormData ? formData : previous instanceof FormData ? previous : new FormData();
  let opened: string | null = null;
  const state = await runFormAction(previous, formData, {
    permission: "import:case:any",
    schema: importFormSchema,
    run: async (actor, input, values) => {
      if (input.intent === "read") {
        const file = await uploaded(form);
        if (!file) return NO_FILE;
        opened = (await createImportJob(actor, file)).id;
        return "Read.";
      }
      if (!input.job) return NO_JOB;
      if (input.intent === "save-mapping") {
        const mapping = mappingFromForm(values);
        if (!mapping) return NO_JOB;
        const valueMappings = valueMappingsFromForm(values);
        if (!valueMappings.ok) return badValues(valueMappings);
        if (!input.mappingName)
          return {
            status: "invalid",
            message: "Give the mapping a name to save it under. Nothing was saved.",
            errors: { mappingName: "Give the mapping a name." },
          };
        const saved = await saveImportMapping(actor, {
          name: input.mappingName,
          job: input.job,
          mapping,
          values: valueMappings.values,
        });
        revalidatePath("/import");
        return `Saved the mapping “${saved.name}” for your team's next files.`;
      }
      if (input.intent === "dry-run") {
        const mapping = mappingFromForm(values);
        if (!mapping) return NO_JOB;
        const valueMappings = valueMappingsFromForm(values);
        if (!valueMappings.ok) return badValues(valueMappings);
        await startImportDryRun(actor, input.job, mapping, valueMappings.values, input.matchBy ?? "code");
      } else {
        await startImportApply(actor, input.job, await now());
        revalidatePath("/cases");
        revalidatePath("/timeline");
      }
      const job = await getImportJob(actor, input.job);
      return { status: "ok", importJob: job ?? undefined };
    },
  });
  if (state.status === "ok" && opened) redirect(`/import?job=${opened}`);
  return state;
}

/** The state of one of the user's imports, for the page to poll while its job runs. */
export async function importJobStatusAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "import:case:any",
    schema: importJobSchema,
    run: async (actor, input) => {
      const job = await getImportJob(actor, input.job);
      if (!job) return { status: "not-found", message: "This import was not found. Start a new one." };
      return { status: "ok", importJob: job };
    },
  });
}
