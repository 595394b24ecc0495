/**
 * The evidence chain's canonical text and hash (docs/decisions/014-tamper-evident-history.md), the
 * same as the database trigger computes (migration 20261202173759_evidence_chain): `npm run verify`
 * recomputes every link here, in TypeScript, from the stored columns, so a rewritten trigger or SQL
 * function cannot vouch for itself.
 *
 *   "rw-chain-v1" \n table \n seq \n prevHash \n field \n field …
 *
 * each field as "<UTF-8 byte length>:<text>", or "~" for NULL.
 */
import { createHash } from "node:crypto";

export const CHAIN_VERSION = "rw-chain-v1";
/** The "previous hash" of the first link, and the head of an empty chain. */
export const GENESIS_HASH = "0".repeat(64);

export type ChainTable = "RecordChange" | "AuditEvent";

/** The columns each table's link covers, in order, as the SQL that reads them as text. */
export const CHAIN_COLUMNS: Record<ChainTable, readonly string[]> = {
  RecordChange: [
    `"id"::text`,
    `to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    `"userId"`,
    `"entity"`,
    `"entityId"`,
    `"caseId"`,
    `"action"::text`,
    `"field"`,
    `"oldValue"`,
    `"newValue"`,
    `"reason"`,
    `"txid"::text`,
  ],
  AuditEvent: [
    `"id"::text`,
    `to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    `"actorId"`,
    `"actorEmail"`,
    `"kind"`,
    `CASE WHEN "success" THEN 'true' ELSE 'false' END`,
    `"ip"`,
    `"detail"::text`,
  ],
};

/** One field of the canonical text: its UTF-8 length, a colon and the text; "~" for NULL. */
export function chainField(value: string | null): string {
  return value === null ? "~" : `${Buffer.byteLength(value, "utf8")}:${value}`;
}

export function chainText(
  table: ChainTable,
  seq: string,
  prevHash: string,
  fields: readonly (string | null)[],
): string {
  return [CHAIN_VERSION, table, seq, prevHash, ...fields.map(chainField)].join("\n");
}

export function sha256Hex(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The hash a link must carry: SHA-256 (hex) of its canonical text. */
export function chainHash(
  table: ChainTable,
  seq: string,
  prevHash: string,
  fields: readonly (string | null)[],
): string {
  return sha256Hex(chainText(table, seq, prevHash, fields));
}
