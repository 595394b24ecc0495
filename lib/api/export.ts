import "server-only";
import { stringify } from "csv-stringify/sync";
import { recordAuditEvent } from "@/lib/data/audit";
import { currentChainHead } from "@/lib/data/anchors";
import { countCases, streamCases, type CaseRow, type SourceRef } from "@/lib/data/case-search";
import type { Actor } from "@/lib/auth/permissions";
import { caseSummary } from "@/lib/api/cases";
import { CASE_FIELDS } from "@/lib/fields/case";
import { exportColumns } from "@/lib/fields/define";
import { COUNTING_RULE, describeFilter, filterToQuery, type CaseFilter } from "@/lib/validations/case-filter";
import { englishMessage } from "@/lib/i18n/english-message";
import { messageKey } from "@/lib/i18n/message-key";

export type ExportFormat = "csv" | "json";

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** One exported case: the API's object for it (lib/api/cases.ts) and its sources with their hashes and links back. */
function exportRow(c: CaseRow, sources: SourceRef[], origin: string, signedIn: boolean) {
  return {
    ...caseSummary(c, origin, signedIn),
    sources: sources.map((s) => ({
      outlet: s.outlet,
      title: s.title,
      url: s.url,
      publishedAt: isoDay(s.publishedAt),
      sha256: s.sha256,
      link: `${origin}/sources/${s.id}`,
    })),
  };
}

/** A field's value in a CSV cell: lists joined, days as YYYY-MM-DD, nothing as an empty cell. */
function csvCell(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("; ");
  if (value instanceof Date) return isoDay(value);
  return typeof value === "number" ? value : String(value);
}

/** The CSV's columns: the code and link back, the case's exported fields (lib/fields/case.ts), then what is derived. */
export function csvColumns(signedIn: boolean): string[] {
  return [
    "code",
    "link",
    ...exportColumns(CASE_FIELDS).map((f) => f.column),
    "first_event_earliest",
    "last_event_latest",
    "synthetic",
    ...(signedIn ? ["visibility"] : []),
    "sources",
    "source_sha256",
  ];
}

/**
 * Exactly the filtered view as CSV or JSON, streamed in batches (memory stays flat for any size),
 * opening with a header that states the filter, the time of export and the counting rule. Every
 * export is logged before the first byte is sent.
 */
export async function exportResponse(
  actor: Actor,
  filter: CaseFilter,
  format: ExportFormat,
  origin: string,
  ip: string | null,
  now: Date,
  /** `message` translates the provenance block's labels into the reader's language (English by default). */
  options: { provenanceHeader?: boolean; message?: (text: string) => string } = {},
): Promise<Response> {
  const totals = await countCases(actor, filter);
  const query = filterToQuery(filter);
  await recordAuditEvent({
    kind: "export",
    success: true,
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    ip,
    detail: { format, query, rows: totals.groups },
  });

  const signedIn = Boolean(actor);
  // Read after the export's own audit row: the head includes it.
  const chainHead = await currentChainHead();
  const meta = {
    title: "Refoulement Watch: cases",
    exportedAt: now.toISOString(),
    filter: describeFilter(filter),
    query,
    view: `${origin}/timeline${query ? `?${query}` : ""}`,
    countingRule: COUNTING_RULE,
    rows: totals.groups,
    peopleAtLeast: totals.peopleAtLeast,
    peopleBest: totals.peopleBest,
    chainHead,
  };
  const columns = csvColumns(signedIn);
  const fieldColumns = exportColumns(CASE_FIELDS);
  const encoder = new TextEncoder();
  const batches = streamCases(actor, filter);
  let first = true;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (format === "csv" && !options.provenanceHeader) {
        // By default the first line is the column row, so Excel and pandas read the file as it is;
        // the hashes stay in their columns and the provenance block is asked for with provenance=header.
        controller.enqueue(encoder.encode(stringify([columns])));
      } else if (format === "csv") {
        // The header block: comment lines a reader (or a spreadsheet's "skip rows") can see.
        const say = options.message ?? englishMessage;
        const lines = [
          `# ${meta.title}`,
          `# ${say(messageKey("export.header.exportedAt", { at: meta.exportedAt }))}`,
          `# ${say(messageKey("export.header.filter", { filter: meta.filter }))}`,
          `# ${say(messageKey("export.header.view", { view: meta.view }))}`,
          `# ${say(messageKey("export.header.rows", { rows: meta.rows, people: meta.peopleAtLeast, best: meta.peopleBest }))}`,
          `# ${say(messageKey("export.header.countingRule", { rule: meta.countingRule }))}`,
          `# ${say(messageKey("export.header.chainHead", { seq: chainHead.seq, hash: chainHead.hash }))}`,
        ];
        // Each line is one CSV cell, quoted and formula-escaped like the data: the filter holds text
        // anyone can put in a link, and "x,=HYPERLINK(…)" must not become a cell of its own.
        const header = stringify(
          lines.map((l) => [l.replace(/[\r\n]+/g, " ")]),
          { escape_formulas: true, record_delimiter: "unix" },
        );
        controller.enqueue(encoder.encode(header + stringify([columns])));
      } else {
        controller.enqueue(encoder.encode(`{"meta":${JSON.stringify(meta)},"cases":[`));
      }
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("]}\n"));
        controller.close();
        return;
      }
      if (format === "csv") {
        const records = next.value.rows.map((c) => {
          const sources = next.value.sources.get(c.id) ?? [];
          return [
            c.code,
            `${origin}/cases/${c.code}`,
            ...fieldColumns.map((f) => csvCell(c[f.field as keyof CaseRow])),
            isoDay(c.firstEventEarliest),
            isoDay(c.lastEventLatest),
            c.origin === "SYNTHETIC" ? "yes" : "no",
            ...(signedIn ? [c.visibility] : []),
            sources
              .map((s) => `${s.outlet}: ${s.title}${s.url ? ` <${s.url}>` : ""} (${origin}/sources/${s.id})`)
              .join(" | "),
            sources.map((s) => s.sha256).join(" "),
          ];
        });
        // Cells starting with = + - @ would run as formulas in spreadsheets: csv-stringify escapes them.
        controller.enqueue(encoder.encode(stringify(records, { escape_formulas: true })));
      } else {
        const text = next.value.rows
          .map((c) => JSON.stringify(exportRow(c, next.value.sources.get(c.id) ?? [], origin, signedIn)))
          .join(",");
        controller.enqueue(encoder.encode((first ? "" : ",") + text));
        first = false;
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  const day = now.toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="refoulement-watch-cases-${day}.${format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Evidence-Chain-Head": `${chainHead.seq} ${chainHead.hash}`,
    },
  });
}
