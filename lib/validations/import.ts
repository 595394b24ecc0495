import { z } from "zod";
import { IMPORT_MATCH_KEYS, IMPORT_TARGETS } from "@/lib/import/mapping";
import { MAX_IMPORT_COLUMNS } from "@/lib/import/read";
import { valueKey, type ValueMappings } from "@/lib/import/value-mapping";
import { CASE_STATUSES } from "@/lib/validations/case";
import { countryCode, optionalText } from "@/lib/validations/fields";
import { englishMessage } from "@/lib/i18n/english-message";

/** An import job's id (lib/data/import-jobs.ts). */
const jobId = z.string().regex(/^[a-z0-9]{1,64}$/, "Choose an import from the list, or start a new one.");

/** The import form: what to do, the import it is about (after reading the file), and the mapping of each column. */
export const importFormSchema = z
  .object({
    intent: z.enum(["read", "dry-run", "apply", "save-mapping"], { message: "Choose a file and read it first." }),
    job: jobId.optional(),
    mappingName: z.string().trim().max(100, "A mapping's name has at most 100 characters.").optional(),
    matchBy: z
      .enum(IMPORT_MATCH_KEYS, { message: "Choose how rows find the cases they update: by case code, or by title." })
      .optional(),
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

/** Values mapped per column at most (a file's distinct unrecognised values beyond are left refused). */
const MAX_VALUE_MAPPINGS = 500;
const valueText = z.string().min(1).max(300);
/** A field as parsed before (null when empty) or as typed (possibly ""): both read the same. */
const stored = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema);
/** A place a value is mapped to: checked as the case form checks a case's place. */
const placeChoiceSchema = z
  .object({
    country: countryCode,
    province: stored(optionalText(120, "Province")),
    cityArea: stored(optionalText(200, "City or area")),
  })
  .transform((p) => ({ country: p.country, province: p.province ?? null, cityArea: p.cityArea ?? null }));

/** The value mappings of an import (lib/import/value-mapping.ts): keys are valueKey()s of cells. */
export const valueMappingsSchema = z.object({
  status: z
    .record(valueText, z.enum(CASE_STATUSES))
    .refine((r) => Object.keys(r).length <= MAX_VALUE_MAPPINGS)
    .default({}),
  place: z
    .record(valueText, placeChoiceSchema)
    .refine((r) => Object.keys(r).length <= MAX_VALUE_MAPPINGS)
    .default({}),
});

export type ValueMappingsResult = { ok: true; values: ValueMappings } | { ok: false; message: string };

/** Parses value mappings, refusing any mapped to a value outside the vocabularies with a sentence. */
export function parseValueMappings(input: unknown): ValueMappingsResult {
  const parsed = valueMappingsSchema.safeParse(input ?? {});
  if (parsed.success) {
    // Keys as the mapping compares them, built as own properties (a "__proto__" cell stays a key).
    const norm = <V>(r: Record<string, V>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [valueKey(k), v]));
    return { ok: true, values: { status: norm(parsed.data.status), place: norm(parsed.data.place) } };
  }
  const issue = parsed.error.issues[0];
  const [column, key, field] = issue.path.map(String);
  const value = key ? `“${key.slice(0, 80)}”` : "a value";
  let message: string;
  if (column === "status")
    message =
      issue.code === "custom"
        ? `At most ${MAX_VALUE_MAPPINGS} status values can be mapped.`
        : `The status value ${value} is mapped to something that is not one of the project's statuses. Choose a status from the list, or leave it refused.`;
  else if (column === "place" && field === "country")
    message = `The place value ${value} is mapped to a country that is not a two-letter code (e.g. CN). Give a country code, or leave it refused.`;
  else if (column === "place" && field)
    message = `The place value ${value}: ${englishMessage(issue.message).replace(/\.$/, "")}.`;
  else if (column === "place" && issue.code === "custom")
    message = `At most ${MAX_VALUE_MAPPINGS} place values can be mapped.`;
  else message = "The value mappings could not be read. Map the values again.";
  return { ok: false, message: `${message} Nothing was saved or run.` };
}

/**
 * The value mappings from the form: the ones it carried (`values-json`, from the job or a saved
 * mapping), then each listed value's choice on top (`status-value-<i>`/`status-to-<i>`, and
 * `place-value-<i>` with `place-country-<i>`, `place-province-<i>`, `place-city-<i>`); a choice left
 * empty un-maps the value, so it stays refused.
 */
export function valueMappingsFromForm(values: Record<string, string>): ValueMappingsResult {
  let carried: unknown = {};
  if (values["values-json"]) {
    try {
      carried = JSON.parse(values["values-json"]);
    } catch {
      return {
        ok: false,
        message: "The value mappings could not be read. Map the values again. Nothing was saved or run.",
      };
    }
  }
  const base = parseValueMappings(carried);
  if (!base.ok) return base;
  const raw: { status: Record<string, unknown>; place: Record<string, unknown> } = {
    status: { ...base.values.status },
    place: { ...base.values.place },
  };
  for (let i = 0; i < MAX_VALUE_MAPPINGS; i++) {
    const key = values[`status-value-${i}`];
    if (key === undefined) break;
    const to = values[`status-to-${i}`] ?? "";
    if (to === "") delete raw.status[valueKey(key)];
    else raw.status = { ...raw.status, ...Object.fromEntries([[valueKey(key), to]]) };
  }
  for (let i = 0; i < MAX_VALUE_MAPPINGS; i++) {
    const key = values[`place-value-${i}`];
    if (key === undefined) break;
    const country = (values[`place-country-${i}`] ?? "").trim();
    const province = values[`place-province-${i}`] ?? "";
    const cityArea = values[`place-city-${i}`] ?? "";
    if (country === "" && (province.trim() !== "" || cityArea.trim() !== ""))
      return {
        ok: false,
        message: `The place value “${key.slice(0, 80)}” has a province or city but no country: give its two-letter country code, or clear it to leave the value refused. Nothing was saved or run.`,
      };
    if (country === "") delete raw.place[valueKey(key)];
    else raw.place = { ...raw.place, ...Object.fromEntries([[valueKey(key), { country, province, cityArea }]]) };
  }
  return parseValueMappings(raw);
}
