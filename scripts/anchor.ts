/**
 * npm run anchor — writes today's signed anchor of the evidence chain (docs/decisions/014) unless
 * today has one: the chain head (link position and hash), signed with RW_ANCHOR_PRIVATE_KEY (the demo
 * keys file in demo mode), with an RFC 3161 time-stamp when RW_TSA_URL is set and answers.
 * The app writes one a day by itself too; this is for cron jobs and for trying it out.
 */
import { publicKeyPem, writeAnchor } from "../lib/evidence/anchor.ts";
import { withEvidenceDatabase } from "./lib/evidence-database.ts";
import { runScript } from "./lib/run-script.ts";

runScript(() =>
  withEvidenceDatabase(async ({ query, where, anchorPrivateKey, tsaUrl }) => {
    if (!anchorPrivateKey)
      throw new Error(
        "RW_ANCHOR_PRIVATE_KEY must be set when DATABASE_URL is set. Generate one with: openssl genpkey -algorithm ed25519 -outform DER | base64 -w0",
      );
    const { anchor, created, timestamp } = await writeAnchor(query, { privateKey: anchorPrivateKey, tsaUrl });
    console.log(
      `${created ? "Wrote" : "Already there:"} the anchor of ${anchor.day} for ${where}: link ${anchor.seq}, hash ${anchor.hash}`,
    );
    console.log(`  signature (Ed25519, base64): ${anchor.signature}`);
    console.log(`  time-stamp: ${timestamp}`);
    console.log(`  public key (published at /api/v1/anchors):\n${publicKeyPem(anchor.publicKey).trimEnd()}`);
  }),
);
