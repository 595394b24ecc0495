/**
 * npm run verify — recomputes the tamper-evident history (docs/decisions/014): the hash chain over
 * RecordChange and AuditEvent, every source's text and quotes, stored files, and the signed anchors.
 * Prints "intact: N changes, M sources, K files, A anchors", or the first row that does not match
 * in each check, and exits 1 then. Reads only; command line only (no route runs it).
 */
import { anchorPublicKey } from "../lib/evidence/anchor.ts";
import { formatVerifyReport, verifyEvidence } from "../lib/evidence/verify.ts";
import { withEvidenceDatabase } from "./lib/evidence-database.ts";
import { runScript } from "./lib/run-script.ts";

runScript(() =>
  withEvidenceDatabase(async ({ query, where, anchorPrivateKey }) => {
    console.log(`Verifying ${where}…`);
    const started = Date.now();
    const report = await verifyEvidence({
      query,
      anchorPublicKey: anchorPrivateKey ? anchorPublicKey(anchorPrivateKey) : null,
    });
    for (const line of formatVerifyReport(report)) console.log(line);
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (!report.intact) process.exit(1);
  }),
);
