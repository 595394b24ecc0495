/**
 * npm test — the whole suite, with nothing running beforehand:
 *   1. unit tests (Vitest);
 *   2. integration tests (Vitest) against a throwaway embedded PostgreSQL, migrated from scratch;
 *   3. end-to-end tests (Playwright, real Chromium) against the built app on that PostgreSQL,
 *      seeded with the demo data in a database of its own (never the demo database in .data/pg).
 * `--only unit|integration|e2e` runs one part. Ends with a "N passed, N failed" line.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { scriptPrismaClient } from "./lib/prisma.ts";
import { recreateDatabase, startEmbeddedPostgres, type RunningPostgres } from "../lib/ops/embedded-postgres.ts";
import { loadKeyring } from "../lib/crypto/encryption.ts";
import { applyMigrations } from "../lib/ops/migrations.ts";
import { TEST_ENCRYPTION_KEYS } from "../lib/testing/test-keys.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { CHROMIUM_MISSING, chromiumPath } from "./lib/chromium.ts";
import { ROOT } from "./lib/demo-database.ts";
import { bin, run } from "./lib/exec.ts";
import { freePort } from "./lib/free-port.ts";
import { BASE_ENV, buildIfStale, generatePrismaClient } from "./lib/prepare.ts";
import { readEnv } from "../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

// `--only unit|integration|e2e` runs one part; any other arguments are file filters passed to
// Vitest and Playwright (e.g. `npm run test:integration -- lib/data`).
const args = process.argv.slice(2);
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const filters = args.filter((a, i) => a !== "--" && i !== onlyIndex && i !== onlyIndex + 1);
if (only && !["unit", "integration", "e2e"].includes(only)) {
  console.error(`Unknown --only value "${only}": use unit, integration or e2e.`);
  process.exit(2);
}
const wants = (part: string) => !only || only === part;
const log = (m: string) => console.log(`\n[test] ${m}`);
const RESULTS_DIR = path.join(ROOT, "test-results");
const tally = { passed: 0, failed: 0, skipped: 0 };

/** Adds a Vitest JSON report to the tally; a missing report counts as one failure. */
function countVitest(file: string): void {
  if (!existsSync(file)) {
    tally.failed++;
    return;
  }
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  tally.passed += r.numPassedTests;
  tally.failed += r.numFailedTests;
  tally.skipped += r.numPendingTests + r.numTodoTests;
}

/** Adds a Playwright JSON report to the tally. */
function countPlaywright(file: string): void {
  if (!existsSync(file)) {
    tally.failed++;
    return;
  }
  const r = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  tally.passed += r.stats.expected + r.stats.flaky;
  tally.failed += r.stats.unexpected;
  tally.skipped += r.stats.skipped;
}

async function vitest(project: string, env: NodeJS.ProcessEnv): Promise<number> {
  const report = path.join(RESULTS_DIR, `vitest-${project}.json`);
  rmSync(report, { force: true });
  const code = await run(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...filters],
    { env },
  );
  countVitest(report);
  return code;
}

async function main(): Promise<number> {
  const started = Date.now();
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (wants("e2e") && !chromiumPath() && !config.PLAYWRIGHT_BROWSERS_PATH) {
    console.error(`\n[test] ${CHROMIUM_MISSING}`);
    return 1;
  }
  await generatePrismaClient();
  const env = { ...process.env, ...BASE_ENV };
  let failures = 0;

  if (wants("unit")) {
    log("Unit tests");
    failures += (await vitest("unit", env)) === 0 ? 0 : 1;
  }
  if (!wants("integration") && !wants("e2e")) return failures;

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "rw-test-pg-"));
  let pg: RunningPostgres | undefined;
  try {
    pg = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      password: randomBytes(12).toString("hex"),
      persistent: false,
    });
    log(`Started a throwaway PostgreSQL on 127.0.0.1:${pg.port}`);

    if (wants("integration")) {
      const url = await recreateDatabase(pg.baseUrl, "rw_integration");
      await applyMigrations(url);
      log("Integration tests");
      failures +=
        (await vitest("integration", { ...env, TEST_DATABASE_URL: url, TEST_PG_BASE_URL: pg.baseUrl })) === 0 ? 0 : 1;
    }

    if (wants("e2e")) {
      const url = await recreateDatabase(pg.baseUrl, "rw_e2e");
      await applyMigrations(url);
      const prisma = await scriptPrismaClient(url);
      // The app under test gets the same keyring from playwright.config.ts.
      await seedDatabase(prisma, { demo: true, keyring: loadKeyring(TEST_ENCRYPTION_KEYS) });
      await prisma.$disconnect();
      await buildIfStale((m) => log(m));
      const port = await freePort();
      const report = path.join(RESULTS_DIR, "playwright.json");
      rmSync(report, { force: true });
      log("End-to-end tests");
      const code = await run(bin("playwright"), ["test", ...filters], {
        env: {
          ...env,
          E2E_PORT: String(port),
          E2E_DATABASE_URL: url,
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
        },
      });
      countPlaywright(report);
      failures += code === 0 ? 0 : 1;
    }
  } finally {
    await pg?.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
    log(`Finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return failures;
}

main().then(
  (failures) => {
    console.log(
      `\nTotal: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`,
    );
    process.exit(failures === 0 && tally.failed === 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.error(`\n[test] Could not run the tests: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && config.DEBUG) console.error(error.stack);
    process.exit(1);
  },
);
