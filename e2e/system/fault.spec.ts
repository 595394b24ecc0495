/**
 * A database outage under load, with DATABASE_URL (an operator's own PostgreSQL): the app server runs
 * on a PostgreSQL this test owns, an editor keeps saving events, and the PostgreSQL is killed (SIGKILL)
 * and brought back. Pages and the API answer 503 with Retry-After meanwhile (never 500), form saves say
 * the database is unavailable, no acknowledged write is lost, and the app recovers without a restart.
 * Demo mode's own supervision (npm start restarting the embedded PostgreSQL) is in scripts/start.integration.test.ts.
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../../lib/ops/embedded-postgres";
import { applyMigrations } from "../../lib/ops/migrations";
import { TEST_ENCRYPTION_KEYS } from "../../lib/testing/test-keys";
import { discoverActions, postAction, signedInContext } from "../server-actions";

const ROOT = process.cwd();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe("[FAULT] PostgreSQL killed under a write loop", () => {
  test.describe.configure({ timeout: 240_000 });
  let dir: string;
  let database: RunningPostgres | undefined;
  let server: ChildProcess | undefined;

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await database?.stop().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("503s meanwhile, no acknowledged write lost, recovery without restarting the app", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rw-fault-"));
    // As root, PostgreSQL runs as an unprivileged user that must be able to enter the directory.
    await chmod(dir, 0o711);
    database = await startEmbeddedPostgres({
      dataDir: path.join(dir, "pg"),
      port: await freePort(),
      password: randomBytes(12).toString("hex"),
      persistent: true,
    });
    const url = await ensureDatabase(database.baseUrl, "rw_fault");
    await applyMigrations(url);
    await run([
      "--conditions=react-server",
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `
      const { createPrismaClient } = await import("./lib/db/create.ts");
      const { loadKeyring } = await import("./lib/crypto/encryption.ts");
      const { seedDatabase } = await import("./prisma/seed/index.ts");
      const db = createPrismaClient(${JSON.stringify(url)});
      await seedDatabase(db, { demo: true, keyring: loadKeyring(${JSON.stringify(TEST_ENCRYPTION_KEYS)}) });
      await db.$disconnect();`,
    ]);
    const appPort = await freePort();
    const base = `http://localhost:${appPort}`;
    let serverLog = "";
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(appPort),
        DATABASE_URL: url,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: "fault-test-secret-0123456789abcdefghij",
        RW_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
        RW_DEMO_MODE: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (d) => (serverLog += d));
    server.stderr?.on("data", (d) => (serverLog += d));
    for (
      let i = 0;
      i < 240 &&
      !(await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await sleep(250);

    const editor = await signedInContext(base, "EDITOR");
    const visitor = await playwrightRequest.newContext({ baseURL: base });
    const addEvent = discoverActions().get("addEventAction")!;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const code = "CN-2015-0001";
    await client.query(
      `INSERT INTO "Case" (id, code, title, "sizeMin", country, visibility, "updatedAt") VALUES ('fault' || md5(random()::text), $1, 'Fault case', 2, 'CN', 'INTERNAL', now())`,
      [code],
    );
    await client.end();

    const writes: { description: string; status: string; http: number; from: number; at: number }[] = [];
    const reads: { url: string; status: number; retryAfter: string | undefined; at: number }[] = [];
    const started = Date.now();
    let killedAt = 0;
    let restartedAt = 0;
    let recoveredAt = 0;
    for (let i = 0; Date.now() - started < 120_000; i++) {
      const elapsed = Date.now() - started;
      if (!killedAt && elapsed > 3000) {
        process.kill(database.pid()!, "SIGKILL");
        killedAt = Date.now();
      }
      if (killedAt && !restartedAt && Date.now() - killedAt > 4000) {
        await database.restart();
        restartedAt = Date.now();
      }
      const description = `fault write ${i}`;
      const from = Date.now();
      const outcome = await postAction(editor, addEvent, {
        caseCode: code,
        type: "DETAINED",
        dateEarliest: "2015-01-01",
        dateLatest: "2015-01-31",
        precision: "MONTH",
        description,
      });
      writes.push({ description, status: outcome.status, http: outcome.http, from, at: Date.now() });
      for (const u of ["/timeline", "/api/v1/cases", "/api/health"]) {
        const response = await visitor.get(u, { maxRedirects: 0, failOnStatusCode: false });
        reads.push({
          url: u,
          status: response.status(),
          retryAfter: response.headers()["retry-after"],
          at: Date.now(),
        });
      }
      if (restartedAt && !recoveredAt && outcome.status === "ok") recoveredAt = Date.now();
      if (recoveredAt && Date.now() - recoveredAt > 2000) break;
      await sleep(100);
    }

    const during = (t: number) => killedAt <= t && t < restartedAt;
    const acknowledged = writes.filter((w) => w.status === "ok").map((w) => w.description);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const stored = new Set(
      (
        (await check.query(`SELECT description FROM "CaseEvent" WHERE description LIKE 'fault write %'`)).rows as {
          description: string;
        }[]
      ).map((r) => r.description),
    );
    await check.end();
    const lost = acknowledged.filter((d) => !stored.has(d));
    const readsDuring = reads.filter((r) => during(r.at));
    const serverErrors = [
      ...reads.filter((r) => r.status >= 500 && r.status !== 503).map((r) => `${r.url} ${r.status}`),
      ...writes.filter((w) => w.http >= 500).map((w) => `${w.description} HTTP ${w.http}`),
    ];
    console.log(
      `fault: ${writes.length} writes (${acknowledged.length} acknowledged, ${writes.filter((w) => w.status === "unavailable").length} told "database unavailable"), ` +
        `${lost.length} acknowledged writes lost; ${reads.length} reads, ${readsDuring.filter((r) => r.status === 503).length} of ${readsDuring.length} during the outage answered 503; ` +
        `other 5xx: ${serverErrors.length}; first write acknowledged ${((recoveredAt - restartedAt) / 1000).toFixed(1)} s after PostgreSQL was back (${((recoveredAt - killedAt) / 1000).toFixed(1)} s after the kill)`,
    );
    expect(lost).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(recoveredAt, serverLog.slice(-2000)).toBeGreaterThan(0);
    expect(recoveredAt - restartedAt).toBeLessThan(10_000);
    // Nothing sent after the kill and answered before PostgreSQL was back can have been saved.
    expect(writes.filter((w) => during(w.from) && during(w.at) && w.status === "ok")).toEqual([]);
    expect(writes.filter((w) => w.status === "unavailable").length).toBeGreaterThan(0);
    const outage503 = readsDuring.filter((r) => r.status === 503);
    expect(outage503.length).toBeGreaterThan(0);
    for (const r of outage503) expect(r.retryAfter).toBeDefined();
    const health = (await (await visitor.get("/api/health")).json()) as { status: string };
    expect(health.status).toBe("ok");
    await editor.dispose();
    await visitor.dispose();
  });
});
