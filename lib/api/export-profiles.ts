import "server-only";
import { stringify } from "csv-stringify/sync";
import { recordAuditEvent } from "@/lib/data/audit";
import { countCases, profileExtrasForCases, streamCases } from "@/lib/data/case-search";
import type { Actor } from "@/lib/auth/permissions";
import { profileHeaderRows, profileRow, type ExportProfile } from "@/lib/export/profiles";
import { filterToQuery, type CaseFilter } from "@/lib/validations/case-filter";

/**
 * The filtered view in a profile other tools read (ACLED-style, HXL, Uwazi): the header row first
 * (no comment lines, which those tools would take for data), streamed in batches and logged before
 * the first byte, as the plain export is.
 */
export async function profileExportResponse(
  actor: Actor,
  filter: CaseFilter,
  profile: ExportProfile,
  ip: string | null,
  now: Date,
): Promise<Response> {
  const totals = await countCases(actor, filter);
  await recordAuditEvent({
    kind: "export",
    success: true,
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    ip,
    detail: { format: `csv:${profile}`, query: filterToQuery(filter), rows: totals.groups },
  });
  const encoder = new TextEncoder();
  const batches = streamCases(actor, filter);
  // Cells starting with = + - @ would run as formulas in spreadsheets: csv-stringify escapes them
  // (with a leading '), and the importer takes that quote off again.
  const csv = (rows: (string | number)[][]) => encoder.encode(stringify(rows, { escape_formulas: true }));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(csv(profileHeaderRows(profile)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const extras = await profileExtrasForCases(next.value.rows.map((r) => r.id));
      const rows = next.value.rows.map((c) =>
        profileRow(profile, {
          ...c,
          geoPrecision: extras.get(c.id)?.geoPrecision ?? null,
          event: extras.get(c.id)?.event ?? null,
          sources: next.value.sources.get(c.id) ?? [],
        }),
      );
      controller.enqueue(csv(rows));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = now.toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="refoulement-watch-cases-${profile}-${day}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
