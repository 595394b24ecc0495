/**
 * Memory stays flat: back up and restore a database of 100,000 generated cases (with their events,
 * sources and claims: about 100 MB of COPY text) in child processes, and compare their peak
 * resident memory with the size of the data. BACKUP_MEMORY_CASES changes the size.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { recreateDatabase } from "@/lib/ops/embedded-postgres";
import { applyMigrations } from "@/lib/ops/migrations";
import { generateBenchData } from "@/scripts/lib/bench-data";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const base = process.env.TEST_PG_BASE_URL as string;
const CASES = Number(process.env.BACKUP_MEMORY_CASES ?? 100_000);
let dir: string | undefined;
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

/** Runs `code` (an ES module body) in a fresh Node process; returns what it printed last as JSON, and its peak RSS in MB. */
async function inChild(code: string): Promise<{ result: Record<string, unknown>; peakMb: number }> {
  const script = `${code}\nconsole.log(JSON.stringify({ result, peakMb: process.resourceUsage().maxRSS / 1024 }));\nprocess.exit(0);`;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    maxBuffer: 16 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) as string);
}

describe("backup and restore of a large database", () => {
  it(`keep memory flat (${CASES.toLocaleString("en")} cases)`, { timeout: 600_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rw-backup-memory-"));
    const srcUrl = await recreateDatabase(base, "rw_backup_large");
    await applyMigrations(srcUrl);
    const client = new pg.Client({ connectionString: srcUrl });
    await client.connect();
    try {
      await generateBenchData(client, { cases: CASES, sources: Math.round(CASES / 5) });
    } finally {
      await client.end();
    }
    const file = path.join(dir, "large.tar.gz");

    // A baseline: the same child loading the same modules and doing nothing.
    const idle = await inChild(
      `await import("./lib/ops/backup.ts"); await import("./lib/ops/restore.ts"); const result = {};`,
    );
    const backup = await inChild(`
      const { backupDatabase } = await import("./lib/ops/backup.ts");
      const r = await backupDatabase(${JSON.stringify(srcUrl)}, ${JSON.stringify(file)});
      const result = { seconds: r.seconds, bytes: r.bytes, copyBytes: r.manifest.tables.reduce((n, t) => n + t.bytes, 0), rows: r.manifest.tables.reduce((n, t) => n + t.rows, 0) };`);
    const dstUrl = await recreateDatabase(base, "rw_backup_large_restored");
    const restore = await inChild(`
      const { restoreDatabase, verifyBackup } = await import("./lib/ops/restore.ts");
      const verified = await verifyBackup(${JSON.stringify(file)});
      const r = await restoreDatabase(${JSON.stringify(dstUrl)}, ${JSON.stringify(file)}, verified);
      const result = { seconds: r.seconds, rows: r.tables.reduce((n, t) => n + t.rows, 0) };`);

    const copyMb = Number(backup.result.copyBytes) / 1e6;
    console.log(
      [
        `${Number(backup.result.rows).toLocaleString("en")} rows, ${copyMb.toFixed(0)} MB of COPY text, archive ${((await stat(file)).size / 1e6).toFixed(1)} MB`,
        `idle child peak RSS ${idle.peakMb.toFixed(0)} MB`,
        `backup  ${Number(backup.result.seconds).toFixed(1)} s, peak RSS ${backup.peakMb.toFixed(0)} MB`,
        `restore ${Number(restore.result.seconds).toFixed(1)} s (check pass + load), peak RSS ${restore.peakMb.toFixed(0)} MB`,
      ].join("\n"),
    );
    expect(restore.result.rows).toBe(backup.result.rows);
    // Flat: a bounded amount above the idle process, whatever the data's size (the largest table alone is far bigger).
    if (CASES >= 100_000) expect(copyMb).toBeGreaterThan(80);
    expect(backup.peakMb - idle.peakMb).toBeLessThan(100);
    expect(restore.peakMb - idle.peakMb).toBeLessThan(100);
  });
});
