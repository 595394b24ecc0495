import "server-only";
import { stringify } from "csv-stringify/sync";
import { recordAuditEvent } from "@/lib/data/audit";
import { countCases, streamCases, type CaseRow, type SourceRef } from "@/lib/data/case-search";
import type { Actor } from "@/lib/auth/permissions";
import { COUNTING_RULE, describeFilter, filterToQuery, type CaseFilter } from "@/lib/validations/case-filter";

export type ExportFormat = "csv" | "json";

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** One exported case: what the reader may see, its link back, and its sources with their hashes. */
function exportRow(c: CaseRow, sources: SourceRef[], origin: string, signedIn: boolean) {
  return {
    code: c.code,
    link: `${origin}/cases/${c.code}`,
    title: c.title,
    status: c.status,
    verification: c.verification,
    sizeMin: c.sizeMin,
    sizeBest: c.sizeBest,
    sizeMax: c.sizeMax,
    sizeWording: c.sizeWording,
    country: c.country,
    province: c.province,
    city: c.cityArea,
    firstEventEarliest: isoDay(c.firstEventEarliest),
    lastEventLatest: isoDay(c.lastEventLatest),
    tags: c.tags,
    synthetic: c.origin === "SYNTHETIC",
    ...(signedIn ? { visibility: c.visibility } : {}),
    sources: sources.map((s) => ({ outlet: s.outlet, title: s.title, url: s.url, publishedAt: isoDay(s.publishedAt), sha256: s.sha256, link: `${origin}/sources/${s.id}` })),
  };
}

const CSV_COLUMNS = [
  "code", "link", "title", "status", "verification", "size_min", "size_best", "size_max", "size_wording", "country", "province", "city",
  "first_event_earliest", "last_event_latest", "tags", "synthetic",
];

/**
 * Exactly the filtered view as CSV or JSON, streamed in batches (memory stays flat for any size),
 * opening with a header that states the filter, the time of export and the counting rule. Every
 * export is logged before the first byte is sent.
 */
export async function exportResponse(actor: Actor, filter: CaseFilter, format: ExportFormat, origin: string, ip: string | null, now: Date): Promise<Response> {
  const totals = await countCases(actor, filter);
  const query = filterToQuery(filter);
  await recordAuditEvent({ kind: "export", success: true, actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, ip, detail: { format, query, rows: totals.groups } });

  const signedIn = Boolean(actor);
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
  };
  const columns = [...CSV_COLUMNS, ...(signedIn ? ["visibility"] : []), "sources", "source_sha256"];
  const encoder = new TextEncoder();
  const batches = streamCases(actor, filter);
  let first = true;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (format === "csv") {
        // The header block: comment lines a reader (or a spreadsheet's "skip rows") can see.
        const lines = [
          `# ${meta.title}`,
          `# Exported at: ${meta.exportedAt}`,
          `# Filter: ${meta.filter}`,
          `# View: ${meta.view}`,
          `# Rows: ${meta.rows} cases (groups); at least ${meta.peopleAtLeast} people (best estimate ${meta.peopleBest})`,
          `# Counting rule: ${meta.countingRule}`,
        ];
        // Each line is one CSV cell, quoted and formula-escaped like the data: the filter holds text
        // anyone can put in a link, and "x,=HYPERLINK(…)" must not become a cell of its own.
        const header = stringify(lines.map((l) => [l.replace(/[\r\n]+/g, " ")]), { escape_formulas: true, record_delimiter: "unix" });
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
      const rows = next.value.rows.map((c) => exportRow(c, next.value.sources.get(c.id) ?? [], origin, signedIn));
      if (format === "csv") {
        const records = rows.map((r) => [
          r.code, r.link, r.title, r.status, r.verification, r.sizeMin, r.sizeBest ?? "", r.sizeMax ?? "", r.sizeWording ?? "", r.country, r.province ?? "", r.city ?? "",
          r.firstEventEarliest, r.lastEventLatest, r.tags.join("; "), r.synthetic ? "yes" : "no",
          ...(signedIn ? [r.visibility] : []),
          r.sources.map((s) => `${s.outlet}: ${s.title}${s.url ? ` <${s.url}>` : ""} (${s.link})`).join(" | "),
          r.sources.map((s) => s.sha256).join(" "),
        ]);
        // Cells starting with = + - @ would run as formulas in spreadsheets: csv-stringify escapes them.
        controller.enqueue(encoder.encode(stringify(records, { escape_formulas: true })));
      } else {
        const text = rows.map((r) => JSON.stringify(r)).join(",");
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
    },
  });
}
