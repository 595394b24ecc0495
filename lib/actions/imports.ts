"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { now } from "@/lib/clock";
import { applyImport, dryRunImport, previewImport, type ImportFile } from "@/lib/data/imports";
import { importFormSchema, importVersionsSchema, mappingFromForm } from "@/lib/validations/import";

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

/**
 * The import page's one action, in three steps the form's buttons choose (`intent`): read the file
 * and guess its mapping; dry-run the mapping; apply it. The file comes with every step (the browser
 * keeps it in the form), so nothing is kept on the server between steps, and apply insists on the
 * dry run's file (SHA-256) and versions.
 */
export async function importSpreadsheetAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  const form = formData instanceof FormData ? formData : previous instanceof FormData ? previous : new FormData();
  return runFormAction(previous, formData, {
    permission: "import:case:any",
    schema: importFormSchema,
    run: async (actor, input, values) => {
      const file = await uploaded(form);
      if (!file) return NO_FILE;
      const preview = await previewImport(actor, file);
      if (input.intent === "read") {
        return {
          status: "ok",
          message: `Read ${preview.rowCount.toLocaleString("en")} rows and ${preview.headers.length} columns from ${preview.fileName}. Check how each column maps to a case field, then run the dry run; nothing is written yet.`,
          importPreview: preview,
        };
      }
      const mapping = mappingFromForm(values);
      if (!mapping)
        return { status: "invalid", message: "Read the file first, then map its columns.", importPreview: preview };
      if (input.intent === "dry-run") {
        const dryRun = await dryRunImport(actor, file, mapping);
        return {
          status: "ok",
          message: `Dry run: ${dryRun.creates.length} rows would create a case, ${dryRun.updates.length} would update one, ${dryRun.refused.length} are refused, ${dryRun.duplicates.length} may duplicate existing cases. Nothing is written until you apply it.`,
          importPreview: preview,
          importMapping: mapping,
          dryRun,
        };
      }
      let versions: Record<string, number> = {};
      try {
        versions = importVersionsSchema.parse(JSON.parse(input.versions ?? "{}"));
      } catch {
        return {
          status: "invalid",
          message: "Run the dry run again; its result could not be read.",
          importPreview: preview,
        };
      }
      if (!input.sha256)
        return { status: "invalid", message: "Run the dry run first; nothing was imported.", importPreview: preview };
      const result = await applyImport(actor, file, mapping, { sha256: input.sha256, versions }, await now());
      revalidatePath("/cases");
      revalidatePath("/timeline");
      for (const { code } of result.updated) revalidatePath(`/cases/${code}`);
      return {
        status: "ok",
        message: `Imported ${preview.fileName}: ${result.created.length} cases created, ${result.updated.length} updated, ${result.unchanged.length} unchanged (nothing written), ${result.refused} refused rows left out.`,
        importResult: result,
      };
    },
  });
}
