/**
 * `npm run verify` (docs/decisions/014-tamper-evident-history.md): a list of named checks, each
 * recomputing one kind of evidence from what is stored and returning how many items it checked and
 * the first one that does not match. Adding a check is one entry in CHECKS.
 *
 * Everything is recomputed here, in TypeScript, from plain column values: the hashes the database's
 * trigger wrote are compared, never trusted.
 */
import { verifySourceFiles } from "./source-files-verify.ts";
import { anchorSignatureValid, anchorText, readAnchors, type Query } from "./anchor.ts";
import { CHAIN_COLUMNS, chainHash, GENESIS_HASH, sha256Hex, type ChainTable } from "./chain.ts";

export type { Query } from "./anchor.ts";

/** The first item that does not match: where it is and what differs. */
export type Mismatch = { table: string; id: string; seq?: string; problem: string };

export type CheckResult = {
  /** Plural noun for the summary line ("changes", "sources", "files", "anchors"). */
  label: string;
  count: number;
  firstMismatch?: Mismatch;
  /** A line worth printing beside the count (what was covered, what was skipped). */
  note?: string;
};

export type VerifyContext = {
  query: Query;
  /** The server's anchor public key (SPKI DER, base64) when its private key is at hand; null otherwise. */
  anchorPublicKey: string | null;
};

export type Check = { name: string; run: (context: VerifyContext) => Promise<CheckResult> };

const BATCH = 2000;
const TABLES: ChainTable[] = ["RecordChange", "AuditEvent"];

// --- the chain -------------------------------------------------------------------------------------

type LinkRow = {
  t: ChainTable;
  id: string;
  seq: string;
  prev: string | null;
  hash: string | null;
  f: (string | null)[];
};

/**
 * Walks RecordChange and AuditEvent together in chain order: positions 1, 2, 3 … without a gap or a
 * repeat, each prevHash the hash of the link before, each hash the SHA-256 of its row's canonical text.
 */
export async function checkChain({ query }: VerifyContext): Promise<CheckResult> {
  const result = (count: number, firstMismatch?: Mismatch, note?: string): CheckResult => ({
    label: "changes",
    count,
    firstMismatch,
    note,
  });
  for (const table of TABLES) {
    const [loose] = await query<{ id: string }>(
      `SELECT "id"::text AS id FROM "${table}" WHERE "chainSeq" IS NULL OR "prevHash" IS NULL OR "hash" IS NULL ORDER BY "id" LIMIT 1`,
    );
    if (loose)
      return result(0, {
        table,
        id: loose.id,
        problem: "the row is not linked into the chain (it was inserted with the chain's trigger bypassed)",
      });
  }
  const select = (table: ChainTable) =>
    `(SELECT '${table}' AS t, "id"::text AS id, "chainSeq" AS n, "chainSeq"::text AS seq, "prevHash"::text AS prev,
             "hash"::text AS hash, ARRAY[${CHAIN_COLUMNS[table].join(", ")}]::text[] AS f
      FROM "${table}" WHERE "chainSeq" > $1::bigint ORDER BY "chainSeq" LIMIT ${BATCH})`;
  const sql = `SELECT t, id, seq, prev, hash, f FROM (${TABLES.map(select).join(" UNION ALL ")}) x ORDER BY n, t LIMIT ${BATCH}`;
  let last = { seq: 0n, hash: GENESIS_HASH, table: "", id: "" };
  const counts: Record<ChainTable, number> = { RecordChange: 0, AuditEvent: 0 };
  for (;;) {
    const rows = await query<LinkRow>(sql, [last.seq.toString()]);
    for (const row of rows) {
      const seq = BigInt(row.seq);
      const at = { table: row.t, id: row.id, seq: row.seq };
      const linked = counts.RecordChange + counts.AuditEvent;
      if (seq === last.seq)
        return result(linked, {
          ...at,
          problem: `position ${row.seq} is taken twice (also by ${last.table} ${last.id})`,
        });
      if (seq !== last.seq + 1n)
        return result(linked, {
          ...at,
          problem:
            seq - last.seq === 2n
              ? `link ${last.seq + 1n} before it is missing (a row was removed)`
              : `links ${last.seq + 1n} to ${seq - 1n} before it are missing (rows were removed)`,
        });
      if (row.prev !== last.hash)
        return result(linked, {
          ...at,
          problem:
            seq === 1n
              ? `its previous hash is ${row.prev}, not the chain's start (${GENESIS_HASH.slice(0, 8)}…)`
              : `its previous hash ${row.prev} is not the hash ${last.hash} of link ${last.seq} (${last.table} ${last.id}): that row was rewritten`,
        });
      const computed = chainHash(row.t, row.seq, row.prev, row.f);
      if (computed !== row.hash)
        return result(linked, {
          ...at,
          problem: `its content does not match its hash (stored ${row.hash}, computed ${computed}): the row was changed after it was written`,
        });
      counts[row.t]++;
      last = { seq, hash: row.hash, table: row.t, id: row.id };
    }
    if (rows.length < BATCH) break;
  }
  return result(
    counts.RecordChange + counts.AuditEvent,
    undefined,
    `${counts.RecordChange} history rows and ${counts.AuditEvent} audit rows, head at link ${last.seq} (${last.hash})`,
  );
}

// --- sources ---------------------------------------------------------------------------------------

/**
 * Each source's evidence: its captured text (SHA-256 recomputed and compared with the stored hash and
 * with the hash its capture wrote into the chained history) and each quoted passage (compared with the
 * quote its creation wrote into the chained history, and found at its offset in the text).
 * Sources hold no encrypted field, so this needs no key; see the decision record.
 */
export async function checkSources({ query }: VerifyContext): Promise<CheckResult> {
  let count = 0;
  let after = "";
  const result = (firstMismatch?: Mismatch): CheckResult => ({ label: "sources", count, firstMismatch });
  for (;;) {
    const sources = await query<{ id: string; text: string; sha256: string }>(
      `SELECT "id", "text", "sha256"::text AS sha256 FROM "Source" WHERE "id" > $1 ORDER BY "id" LIMIT 200`,
      [after],
    );
    if (!sources.length) break;
    const ids = sources.map((s) => s.id);
    const claims = await query<{ id: string; sourceId: string; quote: string; quoteStart: number | null }>(
      `SELECT "id", "sourceId" AS "sourceId", "quote", "quoteStart" AS "quoteStart" FROM "SourceClaim"
       WHERE "sourceId" = ANY($1::text[]) ORDER BY "id"`,
      [ids],
    );
    const recorded = await query<{ entity: string; entityId: string; newValue: string | null }>(
      `SELECT DISTINCT ON ("entity", "entityId") "entity", "entityId" AS "entityId", "newValue" AS "newValue"
       FROM "RecordChange"
       WHERE ("entity" = 'Source' AND "field" = 'sha256' AND "action" = 'CREATE' AND "entityId" = ANY($1::text[]))
          OR ("entity" = 'SourceClaim' AND "field" = 'quote' AND "action" = 'CREATE' AND "entityId" = ANY($2::text[]))
       ORDER BY "entity", "entityId", "chainSeq"`,
      [ids, claims.map((c) => c.id)],
    );
    const chained = new Map(recorded.map((r) => [`${r.entity}:${r.entityId}`, r.newValue]));
    const claimsOf = new Map<string, typeof claims>();
    for (const claim of claims) claimsOf.set(claim.sourceId, [...(claimsOf.get(claim.sourceId) ?? []), claim]);
    for (const source of sources) {
      const at = { table: "Source", id: source.id };
      const computed = sha256Hex(Buffer.from(source.text, "utf8"));
      if (computed !== source.sha256)
        return result({ ...at, problem: `its text's SHA-256 is ${computed}, not the stored ${source.sha256}` });
      const capture = chained.get(`Source:${source.id}`);
      if (capture === undefined)
        return result({ ...at, problem: "the history holds no record of its capture (no chained sha256)" });
      if (capture !== computed)
        return result({
          ...at,
          problem: `its text's SHA-256 is ${computed}, but its capture recorded ${capture} in the history: the text was replaced`,
        });
      for (const claim of claimsOf.get(source.id) ?? []) {
        const where = { table: "SourceClaim", id: claim.id, problem: "" };
        const quote = chained.get(`SourceClaim:${claim.id}`);
        if (quote === undefined)
          return result({ ...where, problem: `a quote of source ${source.id} has no chained record of its creation` });
        if (quote !== claim.quote)
          return result({
            ...where,
            problem: `its quote of source ${source.id} differs from the quote recorded in the history when it was made`,
          });
        if (
          claim.quoteStart !== null &&
          source.text.slice(claim.quoteStart, claim.quoteStart + claim.quote.length) !== claim.quote
        )
          return result({
            ...where,
            problem: `its quote is not in source ${source.id}'s text at offset ${claim.quoteStart}`,
          });
      }
      count++;
    }
    after = sources[sources.length - 1].id;
  }
  return result();
}

// --- stored files ----------------------------------------------------------------------------------

/** Stored source files: each file's bytes against the SHA-256 taken at upload (lib/evidence/source-files-verify.ts). */
export async function checkFiles({ query }: VerifyContext): Promise<CheckResult> {
  const result = await verifySourceFiles(query);
  const [, sourceId, fileId] = result.firstMismatch?.match(/^source (\S+), file (\S+)/) ?? [];
  return {
    label: "files",
    count: result.count,
    firstMismatch: result.firstMismatch
      ? { table: "SourceFile", id: fileId ?? sourceId ?? "?", problem: result.firstMismatch }
      : undefined,
  };
}

// --- anchors ---------------------------------------------------------------------------------------

/**
 * Each anchor: signed by the server's key (its Ed25519 signature over "rw-anchor-v1\nday\nseq\nhash"),
 * and the link it names still in the chain with the hash it recorded.
 */
export async function checkAnchors({ query, anchorPublicKey }: VerifyContext): Promise<CheckResult> {
  const anchors = await readAnchors(query);
  let count = 0;
  const result = (firstMismatch?: Mismatch): CheckResult => ({
    label: "anchors",
    count,
    firstMismatch,
    note: anchorPublicKey
      ? anchors.length
        ? `the last on ${anchors.at(-1)!.day} at link ${anchors.at(-1)!.seq}`
        : "none written yet (npm run anchor)"
      : "no RW_ANCHOR_PRIVATE_KEY here: signatures checked against each anchor's own public key only",
  });
  for (const anchor of anchors) {
    const at = { table: "EvidenceAnchor", id: anchor.id, seq: anchor.seq };
    if (anchorPublicKey && anchor.publicKey !== anchorPublicKey)
      return result({ ...at, problem: `the anchor of ${anchor.day} is signed by a key other than this server's` });
    if (!anchorSignatureValid(anchor.publicKey, anchorText(anchor.day, anchor.seq, anchor.hash), anchor.signature))
      return result({ ...at, problem: `the signature of the anchor of ${anchor.day} does not match its content` });
    let hash: string | undefined = GENESIS_HASH;
    if (anchor.seq !== "0") {
      const [link] = await query<{ hash: string }>(
        `SELECT "hash"::text AS hash FROM "RecordChange" WHERE "chainSeq" = $1::bigint
         UNION ALL SELECT "hash"::text FROM "AuditEvent" WHERE "chainSeq" = $1::bigint`,
        [anchor.seq],
      );
      hash = link?.hash;
    }
    if (hash === undefined)
      return result({ ...at, problem: `link ${anchor.seq}, anchored on ${anchor.day}, is no longer in the chain` });
    if (hash !== anchor.hash)
      return result({
        ...at,
        problem: `link ${anchor.seq} has hash ${hash}, but the anchor of ${anchor.day} recorded ${anchor.hash}: history up to that day was rewritten`,
      });
    count++;
  }
  return result();
}

// --- running them ----------------------------------------------------------------------------------

/** The checks `npm run verify` runs, in order. */
export const CHECKS: Check[] = [
  { name: "chain", run: checkChain },
  { name: "sources", run: checkSources },
  { name: "files", run: checkFiles },
  { name: "anchors", run: checkAnchors },
];

export type VerifyReport = { intact: boolean; results: CheckResult[] };

export async function verifyEvidence(context: VerifyContext, checks: Check[] = CHECKS): Promise<VerifyReport> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await check.run(context));
  return { intact: results.every((r) => !r.firstMismatch), results };
}

/** "intact: N changes, M sources, K files, A anchors" and notes, or the first mismatch of each failing check. */
export function formatVerifyReport(report: VerifyReport): string[] {
  const lines: string[] = [];
  if (report.intact) lines.push(`intact: ${report.results.map((r) => `${r.count} ${r.label}`).join(", ")}`);
  else {
    lines.push("NOT INTACT");
    for (const r of report.results) {
      if (!r.firstMismatch) {
        lines.push(`  ${r.label}: ${r.count} intact`);
        continue;
      }
      const m = r.firstMismatch;
      lines.push(
        `  ${r.label}: first mismatch after ${r.count} intact: ${m.table} ${m.id}${m.seq ? ` (link ${m.seq})` : ""}: ${m.problem}`,
      );
    }
  }
  for (const r of report.results) if (r.note && !r.firstMismatch) lines.push(`  ${r.label}: ${r.note}`);
  return lines;
}
