import "server-only";
import { db } from "@/lib/db";
import { settings } from "@/lib/env";
import { anchorPublicKey, chainHead, publicKeyPem, readAnchors, type Query } from "@/lib/evidence/anchor";
import { CHAIN_VERSION, GENESIS_HASH } from "@/lib/evidence/chain";

/** Prisma's raw query as the evidence modules' Query. */
const query: Query = (text, values = []) => db.$queryRawUnsafe(text, ...values);

/**
 * What an outsider needs to check the evidence chain's anchors (docs/decisions/014): this server's
 * public key and every anchor. Public by design: an anchor holds a position and a hash, nothing of
 * the records themselves.
 */
export async function publishedAnchors() {
  const key = settings().RW_ANCHOR_PRIVATE_KEY;
  const publicKey = key ? anchorPublicKey(key) : null;
  const anchors = await readAnchors(query);
  return {
    algorithm: "Ed25519",
    publicKey: publicKey ? { spkiBase64: publicKey, pem: publicKeyPem(publicKey) } : null,
    signedText: "rw-anchor-v1\\n<day>\\n<seq>\\n<hash> (UTF-8); RFC 3161 tokens time-stamp its SHA-256",
    chain: {
      version: CHAIN_VERSION,
      genesisHash: GENESIS_HASH,
      description:
        "RecordChange and AuditEvent rows form one chain: link <seq> has hash = SHA-256 of its canonical text, which includes the previous link's hash. See docs/decisions/014-tamper-evident-history.md.",
    },
    anchors: anchors.map((a) => ({
      day: a.day,
      seq: a.seq,
      hash: a.hash,
      signature: a.signature,
      publicKey: a.publicKey,
      rfc3161: a.tsaToken ? { authority: a.tsaUrl, token: a.tsaToken } : null,
    })),
  };
}

/**
 * The evidence chain's head now (committed links only): exports state it, so a copy can later be
 * matched with the history it was made from (`npm run verify` and the anchors vouch for that history).
 */
export async function currentChainHead(): Promise<{ seq: string; hash: string }> {
  return chainHead(query);
}
