import { z } from "zod";
import { IMPORT_TARGETS } from "@/lib/import/mapping";
import { MAX_IMPORT_COLUMNS } from "@/lib/import/read";

/** The import form: what to do, and (after reading the file) the mapping chosen for each column. */
export const importFormSchema = z
  .object({
    intent: z.enum(["read", "dry-run", "apply"], { message: "Choose a file and read it first." }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    versions: z.string().max(2_000_000).optional(),
  })
  .catchall(z.string());

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

/** The versions the dry run read, by case code ({"CN-2012-0001": 3}). */
export const importVersionsSchema = z.record(z.string().max(32), z.number().int().min(1));
