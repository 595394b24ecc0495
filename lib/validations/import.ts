import { z } from "zod";
import { IMPORT_TARGETS } from "@/lib/import/mapping";
import { MAX_IMPORT_COLUMNS } from "@/lib/import/read";

/** An import job's id (lib/data/import-jobs.ts). */
const jobId = z.string().regex(/^[a-z0-9]{1,64}$/, "Choose an import from the list, or start a new one.");

/** The import form: what to do, the import it is about (after reading the file), and the mapping of each column. */
export const importFormSchema = z
  .object({
    intent: z.enum(["read", "dry-run", "apply", "save-mapping"], { message: "Choose a file and read it first." }),
    job: jobId.optional(),
    mappingName: z.string().trim().max(100, "A mapping's name has at most 100 characters.").optional(),
  })
  .catchall(z.string());

/** Polling an import's progress. */
export const importJobSchema = z.object({ job: jobId });

/** The mapping from the form's `column-<i>` selects, in column order; null when one is missing or unknown. */
export function mappingFromForm(values: Record<string, string>): (typeof IMPORT_TARGETS)[number][] | null {
  const out: (typeof IMPORT_TARGETS)[number][] = [];
  for (let i = 0; i < MAX_IMPORT_COLUMNS; i++) {
    const v = values[`column-${i}`];
    if (v === undefined) break;
    if (!(IMPORT_TARGETS as readonly string[]).includes(v)) return null;
    out.push(v as (typeof IMPORT_TARGETS)[number]);
  }
  return out.length > 0 ? out : null;
}
