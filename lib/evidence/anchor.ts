/**
 * Signed daily anchors of the evidence chain (docs/decisions/014-tamper-evident-history.md): the
 * chain head (position and hash) on a UTC day, signed with the server's Ed25519 key, optionally with
 * an RFC 3161 time-stamp from an authority (RW_TSA_URL). Whoever holds an anchor and the public key
 * can later check that the history up to that link was not rewritten after that day.
 *
 * The signed text is exactly: "rw-anchor-v1\n<YYYY-MM-DD>\n<seq>\n<hash>" (UTF-8).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { sha256Hex } from "./chain.ts";

/** A SQL runner: pg's client or pool (`(text, values) => rows`), or Prisma's $queryRawUnsafe wrapped. */
export type Query = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

export const ANCHOR_VERSION = "rw-anchor-v1";

export function anchorText(day: string, seq: string, hash: string): string {
  return `${ANCHOR_VERSION}\n${day}\n${seq}\n${hash}`;
}

/** A new Ed25519 private key as RW_ANCHOR_PRIVATE_KEY takes it: PKCS#8 DER, base64. */
export function newAnchorPrivateKey(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
}

export function loadAnchorPrivateKey(base64: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(base64, "base64"), format: "der", type: "pkcs8" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("RW_ANCHOR_PRIVATE_KEY must be an Ed25519 key");
  return key;
}

/** The public key of a private key, as published: SPKI DER, base64 (PEM is the same bytes, wrapped). */
export function anchorPublicKey(privateKeyBase64: string): string {
  return createPublicKey(loadAnchorPrivateKey(privateKeyBase64))
    .export({ format: "der", type: "spki" })
    .toString("base64");
}

export function publicKeyPem(spkiBase64: string): string {
  return createPublicKey({ key: Buffer.from(spkiBase64, "base64"), format: "der", type: "spki" })
    .export({ format: "pem", type: "spki" })
    .toString();
}

export function signAnchor(privateKeyBase64: string, text: string): string {
  return sign(null, Buffer.from(text, "utf8"), loadAnchorPrivateKey(privateKeyBase64)).toString("base64");
}

export function anchorSignatureValid(spkiBase64: string, text: string, signatureBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiBase64, "base64"), format: "der", type: "spki" });
    return verify(null, Buffer.from(text, "utf8"), key, Buffer.from(signatureBase64, "base64"));
  } catch {
    return false;
  }
}

/** The chain's current head as the database sees it (committed links only). */
export async function chainHead(query: Query): Promise<{ seq: string; hash: string }> {
  const [head] = await query<{ seq: string; hash: string }>(
    `SELECT seq::text AS seq, hash::text AS hash FROM rw_chain_head()`,
  );
  return head;
}

export function utcDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

// --- RFC 3161 ------------------------------------------------------------------------------------

const der = (tag: number, body: Buffer) => {
  if (body.length >= 128) throw new Error("DER body too long for this encoder");
  return Buffer.concat([Buffer.from([tag, body.length]), body]);
};

/** A TimeStampReq (RFC 3161 §2.4.1) for a SHA-256 digest, asking for the authority's certificate. */
export function timeStampRequest(digest: Buffer, nonce: Buffer = randomBytes(8)): Buffer {
  const sha256Oid = Buffer.from("0609608648016503040201", "hex");
  const algorithm = der(0x30, Buffer.concat([sha256Oid, Buffer.from([0x05, 0x00])]));
  const imprint = der(0x30, Buffer.concat([algorithm, der(0x04, digest)]));
  const positiveNonce = Buffer.from(nonce);
  positiveNonce[0] &= 0x7f;
  return der(
    0x30,
    Buffer.concat([der(0x02, Buffer.from([1])), imprint, der(0x02, positiveNonce), der(0x01, Buffer.from([0xff]))]),
  );
}

/** PKIStatus of a TimeStampResp (0 granted, 1 granted with modifications), or null when unreadable. */
export function timeStampStatus(response: Buffer): number | null {
  let at = 0;
  const header = (): { tag: number; length: number } | null => {
    if (at + 2 > response.length) return null;
    const tag = response[at++];
    let length = response[at++];
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0 || octets > 4 || at + octets > response.length) return null;
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + response[at++];
    }
    return { tag, length };
  };
  const outer = header();
  const statusInfo = header();
  const status = header();
  if (outer?.tag !== 0x30 || statusInfo?.tag !== 0x30 || status?.tag !== 0x02 || status.length !== 1) return null;
  return response[at] ?? null;
}

/** Asks the authority at `url` to time-stamp `text`; the DER response (base64) or why not. */
export async function requestTimeStamp(
  url: string,
  text: string,
  timeoutMs = 10_000,
): Promise<{ token: string } | { error: string }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/timestamp-query", Accept: "application/timestamp-reply" },
      body: new Uint8Array(timeStampRequest(Buffer.from(sha256Hex(text), "hex"))),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { error: `the authority answered HTTP ${response.status}` };
    const body = Buffer.from(await response.arrayBuffer());
    const status = timeStampStatus(body);
    if (status !== 0 && status !== 1) return { error: `the authority refused (status ${status ?? "unreadable"})` };
    return { token: body.toString("base64") };
  } catch (error) {
    return { error: `the authority could not be reached (${(error as Error).message})` };
  }
}

// --- writing and reading anchors -----------------------------------------------------------------

export type AnchorRow = {
  id: string;
  day: string;
  seq: string;
  hash: string;
  publicKey: string;
  signature: string;
  tsaUrl: string | null;
  tsaToken: string | null;
};

/**
 * Writes the anchor for `day` (today, UTC) unless that day has one: the chain head now, signed.
 * Returns the anchor and what happened to the time-stamp.
 */
export async function writeAnchor(
  query: Query,
  options: { privateKey: string; tsaUrl?: string; day?: string },
): Promise<{ anchor: AnchorRow; created: boolean; timestamp: string }> {
  const day = options.day ?? utcDay();
  const existing = await readAnchors(query, day);
  if (existing.length)
    return { anchor: existing[0], created: false, timestamp: "unchanged (the day already had its anchor)" };
  const head = await chainHead(query);
  const text = anchorText(day, head.seq, head.hash);
  const signature = signAnchor(options.privateKey, text);
  let tsaToken: string | null = null;
  let timestamp = "skipped: no time-stamp authority configured (RW_TSA_URL)";
  if (options.tsaUrl) {
    const stamped = await requestTimeStamp(options.tsaUrl, text);
    if ("token" in stamped) {
      tsaToken = stamped.token;
      timestamp = `RFC 3161 time-stamp from ${options.tsaUrl}`;
    } else timestamp = `skipped: ${stamped.error}`;
  }
  await query(
    `INSERT INTO "EvidenceAnchor" ("day", "seq", "hash", "publicKey", "signature", "tsaUrl", "tsaToken")
     VALUES ($1::date, $2::bigint, $3, $4, $5, $6, $7) ON CONFLICT ("day") DO NOTHING`,
    [
      day,
      head.seq,
      head.hash,
      anchorPublicKey(options.privateKey),
      signature,
      tsaToken ? options.tsaUrl : null,
      tsaToken,
    ],
  );
  const [anchor] = await readAnchors(query, day);
  return { anchor, created: anchor.signature === signature, timestamp };
}

/** Every anchor (or one day's), oldest first. */
export async function readAnchors(query: Query, day?: string): Promise<AnchorRow[]> {
  return query<AnchorRow>(
    `SELECT "id"::text AS id, to_char("day", 'YYYY-MM-DD') AS day, "seq"::text AS seq, "hash"::text AS hash,
            "publicKey" AS "publicKey", "signature", "tsaUrl" AS "tsaUrl", "tsaToken" AS "tsaToken"
     FROM "EvidenceAnchor" ${day ? `WHERE "day" = $1::date` : ""} ORDER BY "day", "id"`,
    day ? [day] : [],
  );
}
