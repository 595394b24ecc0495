/**
 * npm run bench:http — what a user feels: pages and API answers over HTTP from the production server.
 *
 * Starts a throwaway embedded PostgreSQL, applies the migrations, generates BENCH_CASES cases (default
 * 100,000) with BENCH_EVENTS_PER_CASE events each on average (default 10, so ~1,000,000 events), a
 * fifth as many sources and their claims (scripts/lib/bench-data.ts, in SQL), adds one researcher
 * account, builds the app if its sources changed and starts it as `npm start` does (scripts/serve.ts,
 * production). Then, for each request below, as a visitor and as the signed-in researcher: a warm-up,
 * BENCH_SECONDS (default 10) of autocannon with 10 connections (p50, p95, requests per second, and the
 * 1-minute load average at the end of the run), and the same data-layer calls the page makes, run
 * directly in this process (1 warm-up and BENCH_RUNS timed runs; their median is `sqlP50`, and
 * `ratio` is p50 / sqlP50). Prints a table and writes bench-results.json (an array of
 * { label, path, role, p50, p95, rps, sqlP50, ratio, requests, statuses, load }, milliseconds).
 * Nothing is asserted. The server, the database and its directory are removed at the end, also on
 * error or Ctrl-C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "../lib/ops/migrations.ts";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../lib/ops/embedded-postgres.ts";
import type { Actor } from "../lib/auth/permissions.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { COMMON_WORD, generateBenchData } from "./lib/bench-data.ts";
import { ROOT } from "./lib/demo-database.ts";
import { freePort } from "./lib/free-port.ts";
import { BASE_ENV, buildIfStale, generatePrismaClient } from "./lib/prepare.ts";
import { runScript } from "./lib/run-script.ts";
import { readEnv } from "../lib/env.ts";

const config = readEnv();
const CASES = config.BENCH_CASES;
const SOURCES = config.BENCH_SOURCES ?? Math.max(100, Math.round(CASES / 5));
const EVENTS_PER_CASE = config.BENCH_EVENTS_PER_CASE;
const SECONDS = config.BENCH_SECONDS;
const RUNS = config.BENCH_RUNS;
const CONNECTIONS = 10;
const RESULTS_FILE = path.join(ROOT, "bench-results.json");
if (!Number.isInteger(CASES) || CASES < 1000 || CASES > 9_999_999) {
  console.error("BENCH_CASES must be a whole number from 1000 to 9999999.");
  process.exit(2);
}

const started = performance.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => os.loadavg()[0];
const loads = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const heading = (title: string) => console.log(`\n== ${title} ${"=".repeat(Math.max(3, 100 - title.length))}`);

// Clean-up for the normal end, errors and Ctrl-C alike.
let dataDir: string | undefined;
let database: RunningPostgres | undefined;
let app: ChildProcess | undefined;
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    app?.kill("SIGTERM");
    if (!database) process.exit(130);
    console.error(`\n${signal}: stopping the server and the bench database…`);
  });
}
process.on("exit", () => {
  app?.kill("SIGKILL");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Role = "visitor" | "researcher";
type Row = {
  label: string;
  path: string;
  role: Role;
  p50: number;
  p95: number;
  rps: number;
  sqlP50: number | null;
  ratio: number | null;
  requests: number;
  statuses: Record<string, number>;
  load: number;
};

/** The value at quantile q (0–1) of sorted numbers, nearest rank. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** BENCH_SECONDS of `CONNECTIONS` connections on one URL; every response's time and status, as they came. */
function drive(url: string, headers: Record<string, string>, seconds: number) {
  return new Promise<{ times: number[]; statuses: Record<string, number>; rps: number; errors: number }>(
    (resolve, reject) => {
      const times: number[] = [];
      const statuses: Record<string, number> = {};
      const instance = autocannon(
        { url, connections: CONNECTIONS, duration: seconds, headers, timeout: 60 },
        (error, result) => {
          if (error) return reject(error);
          times.sort((a, b) => a - b);
          resolve({ times, statuses, rps: times.length / seconds, errors: result.errors + result.timeouts });
        },
      );
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        times.push(responseTime);
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      });
    },
  );
}

/** The median of RUNS timed runs of `fn`, after one warm-up. */
async function medianOf(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return quantile(times, 0.5);
}

/** Waits until the app answers its health check. */
async function waitForApp(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} during start-up.`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not answer /api/health within 120 s.");
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  keep(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie: cookieHeader() } })).json()) as {
    user?: { email?: string };
  };
  if (session.user?.email !== email) throw new Error(`Signing in as ${email} failed (status ${res.status}).`);
  return cookieHeader();
}

async function main(): Promise<void> {
  heading(
    `Refoulement Watch HTTP benchmark: ${CASES.toLocaleString("en")} cases, ~${EVENTS_PER_CASE} events each, ${SECONDS} s × ${CONNECTIONS} connections per request`,
  );
  console.log(`Machine: ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB; load average ${loads()}`);
  await generatePrismaClient();

  // 1. A throwaway cluster, migrated and filled.
  let t0 = performance.now();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "rw-bench-http-"));
  database = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    password: randomBytes(12).toString("hex"),
    persistent: false,
  });
  const url = await ensureDatabase(database.baseUrl, "bench");
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  client.on("error", (error) => {
    if (!interrupted) console.error(`PostgreSQL connection error: ${error.message}`);
  });
  await client.connect();
  console.log(`PostgreSQL on port ${database.port}, migrated in ${secs(performance.now() - t0)}`);

  try {
    heading("Generating data");
    t0 = performance.now();
    const { counts } = await generateBenchData(client, {
      cases: CASES,
      sources: SOURCES,
      eventsPerCase: EVENTS_PER_CASE,
      log: console.log,
    });
    console.log(
      `Generated in ${secs(performance.now() - t0)}: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
        .join(", ")}`,
    );
    const password = randomBytes(12).toString("hex");
    const researcherEmail = "bench-researcher@example.org";
    const {
      rows: [researcherRow],
    } = await client.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt")
       VALUES ('benchresearcher0000001', $1, 'Bench Researcher', 'RESEARCHER', $2, now()) RETURNING "id"`,
      [researcherEmail, await hashPassword(password)],
    );
    // A public case with several events and sources, whose code the case routes accept.
    const {
      rows: [pick],
    } = await client.query<{ code: string }>(`
      SELECT c."code" FROM "Case" c
      WHERE c."visibility" = 'PUBLIC' AND c."deletedAt" IS NULL AND c."code" ~ '^[A-Z]{2,3}-\\d{4}-\\d{4}$'
        AND EXISTS (SELECT 1 FROM "SourceClaim" sc WHERE sc."caseId" = c."id")
        AND (SELECT count(*) FROM "CaseEvent" e WHERE e."caseId" = c."id") >= 5
      ORDER BY c."code" LIMIT 1`);
    if (!pick) throw new Error("No public case with a short code, 5+ events and a source: use more BENCH_CASES.");
    const code = pick.code;

    // 2. The production server on that database.
    heading("Production server");
    await buildIfStale((m) => console.log(m));
    const port = await freePort();
    const encryptionKeys = `bench:${randomBytes(32).toString("base64")}`;
    const base = `http://localhost:${port}`;
    t0 = performance.now();
    app = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "serve.ts")], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        ...BASE_ENV,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: url,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        RW_ENCRYPTION_KEYS: encryptionKeys,
        RW_DEMO_MODE: "0",
      },
    });
    await waitForApp(base, app);
    console.log(`Serving on ${base} (ready in ${secs(performance.now() - t0)})`);
    const cookie = await signIn(base, researcherEmail, password);

    // 3. The data layer, for the direct timings (imported only now, after DATABASE_URL is set).
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex"); // lib/env.ts requires one; unused here
    process.env.RW_ENCRYPTION_KEYS = encryptionKeys;
    const { pageSql } = await import("./lib/bench-pages.ts");
    const researcher: Actor = {
      id: researcherRow.id,
      email: researcherEmail,
      name: "Bench Researcher",
      role: "RESEARCHER",
    };
    const actors: Record<Role, Actor> = { visitor: null, researcher };
    const requests = pageSql(code, COMMON_WORD);

    heading(
      `Requests (${SECONDS} s each, ${CONNECTIONS} connections; times in ms; load = 1-minute load average after the run)`,
    );
    const rows: Row[] = [];
    const header = `${"request".padEnd(44)} ${"role".padEnd(10)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"req/s".padStart(7)} ${"sql p50".padStart(8)} ${"ratio".padStart(6)} ${"load".padStart(5)}  statuses`;
    console.log(header);
    console.log("-".repeat(header.length + 10));
    for (const request of requests) {
      for (const role of ["visitor", "researcher"] as const) {
        if (interrupted) break;
        const headers: Record<string, string> = role === "researcher" ? { cookie } : {};
        // Warm-up: a few requests one at a time (compiles, fills the pools and PostgreSQL's caches).
        for (let i = 0; i < 3; i++) await fetch(`${base}${request.path}`, { headers, redirect: "manual" });
        const run = await drive(`${base}${request.path}`, headers, SECONDS);
        const loadAfter = load();
        const sqlP50 = request.sql ? await medianOf(() => request.sql!(actors[role])) : null;
        const p50 = quantile(run.times, 0.5);
        const p95 = quantile(run.times, 0.95);
        const row: Row = {
          label: request.label,
          path: request.path,
          role,
          p50,
          p95,
          rps: Math.round(run.rps * 10) / 10,
          sqlP50: sqlP50 === null ? null : Math.round(sqlP50 * 10) / 10,
          ratio: sqlP50 ? Math.round((p50 / sqlP50) * 100) / 100 : null,
          requests: run.times.length,
          statuses: { ...run.statuses, ...(run.errors ? { errors: run.errors } : {}) },
          load: Math.round(loadAfter * 100) / 100,
        };
        rows.push(row);
        const fmt = (v: number | null, w: number, digits = 0) =>
          (v === null || Number.isNaN(v) ? "–" : v.toFixed(digits)).padStart(w);
        console.log(
          `${request.label.padEnd(44)} ${role.padEnd(10)} ${fmt(p50, 8)} ${fmt(p95, 8)} ${fmt(row.rps, 7, 1)} ${fmt(row.sqlP50, 8, 1)} ${fmt(row.ratio, 6, 2)} ${fmt(row.load, 5, 2)}  ${Object.entries(
            row.statuses,
          )
            .map(([s, n]) => `${s}×${n}`)
            .join(" ")}`,
        );
      }
    }
    writeFileSync(RESULTS_FILE, `${JSON.stringify(rows, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(ROOT, RESULTS_FILE)} (${rows.length} rows). Paths: case ${code}.`);
    const { db } = await import("../lib/db/index.ts");
    await db.$disconnect();
  } catch (error) {
    if (!interrupted) throw error;
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    app = undefined;
    await client.end().catch(() => {});
    await database.stop().catch(() => {});
    database = undefined;
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
    console.log(
      `\nServer and database stopped and removed. Total run: ${secs(performance.now() - started)}; load ${loads()}`,
    );
  }
  if (interrupted) process.exit(130);
}

runScript(main);
