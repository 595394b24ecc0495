import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/data/audit";
import { notFound, ruleBroken } from "@/lib/data/errors";
import { writeHistory } from "@/lib/data/history";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import type { ImportPreview } from "@/lib/data/imports";
import { columnsByHeader, normalizeHeader, type ColumnsByHeader, type ImportMapping } from "@/lib/import/mapping";
import {
  countValueMappings,
  noValueMappings,
  splitSavedColumns,
  VALUES_KEY,
  type ValueMappings,
} from "@/lib/import/value-mapping";
import { parseValueMappings } from "@/lib/validations/import";
import { EXPORT_PROFILES, PROFILE_LABEL, profilePreset } from "@/lib/export/profiles";

/**
 * Named column mappings for spreadsheet imports, shared by the team (everyone who may import sees
 * and uses them). `kind` tells a mapping saved here from one built into the app (export profiles'
 * presets), so both can be offered in one list.
 */
export type ImportMappingChoice = {
  id: string;
  name: string;
  kind: "saved" | "preset";
  columns: ColumnsByHeader;
  /** What unrecognised status and place values were mapped to (none in mappings saved before value mappings). */
  values: ValueMappings;
  createdBy: string | null;
  createdAt: string | null;
};

/** The team's saved mappings, by name. Editors and up. */
export async function listImportMappings(actor: Actor): Promise<ImportMappingChoice[]> {
  requirePermission(actor, "import:case:any");
  const rows = await db.savedImportMapping.findMany({
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true, columns: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const saved = rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: "saved" as const,
    ...(({ columns, values }) => {
      // Stored values are checked again as they load: one that no longer parses is dropped, not used.
      const checked = parseValueMappings(values);
      return { columns: columns as ColumnsByHeader, values: checked.ok ? checked.values : noValueMappings() };
    })(splitSavedColumns(r.columns)),
    createdBy: r.createdBy.name,
    createdAt: r.createdAt.toISOString(),
  }));
  // The export profiles' presets: a file exported here as ACLED-style, HXL or Uwazi CSV comes back unchanged.
  const presets = EXPORT_PROFILES.map((profile) => ({
    id: `preset:${profile}`,
    name: PROFILE_LABEL[profile],
    kind: "preset" as const,
    columns: Object.fromEntries(
      Object.entries(profilePreset(profile)).map(([header, target]) => [normalizeHeader(header), target]),
    ),
    values: noValueMappings(),
    createdBy: null,
    createdAt: null,
  }));
  return [...saved, ...presets];
}

/**
 * Saves the mapping chosen for one of the actor's imports under a name, for the team's next files:
 * each mapped column by its header. A name already used is refused (names are shared by the team).
 * The creation is in the history and the audit log.
 */
export async function saveImportMapping(
  actor: Actor,
  input: { name: string; job: string; mapping: ImportMapping; values?: ValueMappings | null },
): Promise<ImportMappingChoice> {
  requirePermission(actor, "import:case:any");
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) throw ruleBroken("Give the mapping a name of 1 to 100 characters.");
  const job = await db.importJob.findFirst({
    where: { id: input.job, createdById: actor!.id },
    select: { preview: true },
  });
  if (!job) throw notFound("Import");
  const { headers } = job.preview as unknown as ImportPreview;
  if (input.mapping.length !== headers.length)
    throw ruleBroken("The mapping does not match the file's columns. Read the file again.");
  const columns = columnsByHeader(headers, input.mapping);
  if (Object.keys(columns).length === 0) throw ruleBroken("Map at least one column before saving the mapping.");
  const parsedValues = parseValueMappings(input.values ?? {});
  if (!parsedValues.ok) throw ruleBroken(parsedValues.message);
  const values = parsedValues.values;
  // The value mappings ride in the columns' JSON under a key no header can be; none, none stored (the old shape).
  const stored = countValueMappings(values) > 0 ? { ...columns, [VALUES_KEY]: values } : columns;
  return db.$transaction(async (tx) => {
    if (await tx.savedImportMapping.findUnique({ where: { name }, select: { id: true } }))
      throw ruleBroken(`A mapping called “${name}” already exists. Choose another name.`);
    const saved = await tx.savedImportMapping.create({
      data: { name, columns: stored, createdById: actor!.id },
      select: { id: true, createdAt: true },
    });
    await writeHistory(tx, {
      actor,
      entity: "SavedImportMapping",
      entityId: saved.id,
      caseId: null,
      action: "CREATE",
      changes: [
        { field: "name", oldValue: null, newValue: name },
        { field: "columns", oldValue: null, newValue: JSON.stringify(stored) },
      ],
    });
    await recordAuditEvent(
      {
        kind: "import-mapping",
        success: true,
        actorId: actor!.id,
        actorEmail: actor!.email,
        detail: { name, columns: stored },
      },
      tx,
    );
    return {
      id: saved.id,
      name,
      kind: "saved" as const,
      columns,
      values,
      createdBy: actor!.name,
      createdAt: saved.createdAt.toISOString(),
    };
  });
}
