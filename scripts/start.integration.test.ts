/**
 * `npm start` in demo mode, as a user runs it: embedded PostgreSQL under a fresh data directory,
 * migrations, demo data, the built app; Ctrl-C stops everything; a restart keeps what was entered.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create";
import { decryptField, loadKeyring } from "@/lib/crypto/encryption";
import { recreateDatabase } from "@/lib/ops/embedded-postgres";
import { TEST_ENCRYPTION_KEYS } from "@/lib/testing/test-keys";
import { SYNTHETIC_PEOPLE } from "@/prisma/seed/demo";

const ROOT = path.resolve(import.meta.dirname, "..");
let dataDir: string;
let keysFile: string;
let appPort: number;
let pgPort: number;
let running: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The environment of a user's shell: no database or secret unless the test gives one. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    RW_DEMO_KEYS_FILE: keysFile,
    PORT: String(appPort),
    EMBEDDED_PG_PORT: String(pgPort),
  };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  delete env.RW_ENCRYPTION_KEYS;
  return { ...env, ...extra };
}

/** Starts `npm start`'s script and resolves once /api/health answers ok, with the time it took. */
async function startApp(extraEnv: Record<string, string> = {}): Promise<{ seconds: number; output: () => string }> {
  const env = userEnv(extraEnv);
  const started = Date.now();
  let out = "";
  running = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.stdout?.on("data", (d) => (out += d));
  running.stderr?.on("data", (d) => (out += d));
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (running.exitCode !== null) throw new Error(`npm start exited early (${running.exitCode}):\n${out}`);
    const ok = await fetch(`http://127.0.0.1:${appPort}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { seconds: (Date.now() - started) / 1000, output: () => out };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not become healthy:\n${out}`);
}

/** Sends Ctrl-C (SIGINT) and waits for the process to exit. */
async function stopApp(): Promise<number | null> {
  const child = running;
  if (!child || child.exitCode !== null) return child?.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGINT");
  return exited;
}

afterAll(async () => {
  await stopApp();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (keysFile) await rm(path.dirname(keysFile), { recursive: true, force: true });
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "rw-start-"));
  keysFile = path.join(await mkdtemp(path.join(os.tmpdir(), "rw-start-keys-")), "demo-keys.json");
  appPort = await freePort();
  pgPort = await freePort();
});

describe("npm start (demo mode)", () => {
  it(
    "serves the seeded dashboard, stops on Ctrl-C, and keeps data across a restart",
    { timeout: 400_000 },
    async () => {
      const first = await startApp();
      console.log(`first start (fresh data directory) healthy after ${first.seconds.toFixed(1)} s`);
      const cases = await (await fetch(`http://127.0.0.1:${appPort}/cases`)).text();
      for (const code of ["CN-2012-0001", "CN-2012-0002", "CN-2012-0003"]) expect(cases).toContain(code);

      // Something a user entered: a published case written straight to the demo database.
      const { pgPassword } = JSON.parse(await readFile(path.join(dataDir, "pg.json"), "utf8")) as {
        pgPassword: string;
      };
      const { encryptionKeys } = JSON.parse(await readFile(keysFile, "utf8")) as { encryptionKeys: string[] };
      const db = createPrismaClient(
        `postgresql://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${pgPort}/refoulement_watch`,
      );
      await db.case.create({
        data: {
          code: "TST-2030-0001",
          title: "Entered before the restart",
          sizeMin: 2,
          country: "CN",
          visibility: "PUBLIC",
        },
      });
      // The synthetic person's identity is stored under the key generated into the keys file.
      const keyring = loadKeyring(encryptionKeys.join(","));
      const person = await db.person.findFirstOrThrow({ where: { alias: "Woman A", case: { code: "SYN-2012-0002" } } });
      expect(person.realNameEnc).toMatch(new RegExp(`^enc:v1:${keyring.currentId}:`));
      expect(decryptField(keyring, "Person.realNameEnc", person.realNameEnc as string)).toBe(
        SYNTHETIC_PEOPLE[0].restricted.realName,
      );
      await db.$disconnect();

      expect(await stopApp()).toBe(0);
      expect(await portOpen(appPort)).toBe(false);
      expect(await portOpen(pgPort)).toBe(false); // the embedded PostgreSQL stopped too
      expect(first.output()).toContain("Stopped.");

      const second = await startApp();
      console.log(`restart healthy after ${second.seconds.toFixed(1)} s`);
      expect(second.output()).toContain("Build is up to date.");
      expect(second.output()).not.toContain("Loaded demo data");
      const after = await (await fetch(`http://127.0.0.1:${appPort}/cases`)).text();
      expect(after).toContain("Entered before the restart");

      // PostgreSQL killed under the app: 503 with a reason meanwhile, and npm start brings it back
      // without a restart of anything else.
      const pid = Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
      process.kill(pid, "SIGKILL");
      const killedAt = Date.now();
      let unavailable:
        | { status: number; retryAfter: string | null; body: { status: string; database: string; reason: string } }
        | undefined;
      let recoveredAt = 0;
      while (Date.now() - killedAt < 60_000) {
        const health = await fetch(`http://127.0.0.1:${appPort}/api/health`);
        if (health.status === 503 && !unavailable)
          unavailable = { status: 503, retryAfter: health.headers.get("retry-after"), body: await health.json() };
        if (health.status === 200 && unavailable) {
          recoveredAt = Date.now();
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(unavailable?.body).toMatchObject({ status: "error", database: "unavailable" });
      expect(unavailable?.body.reason).toMatch(/refused|closed|reach|starting|shutting|terminating/);
      expect(unavailable?.body.reason).not.toMatch(/postgres(ql)?:\/\//);
      expect(unavailable?.retryAfter).toBe("30");
      expect(recoveredAt).toBeGreaterThan(0);
      console.log(
        `database killed: healthy again after ${((recoveredAt - killedAt) / 1000).toFixed(1)} s, without a restart`,
      );
      expect(second.output()).toContain("PostgreSQL stopped unexpectedly (killed by SIGKILL); restarting it in 1 s.");
      const page = await fetch(`http://127.0.0.1:${appPort}/cases`);
      expect(page.status).toBe(200);

      // Ctrl-C when idle stops everything quickly.
      const stopStarted = Date.now();
      expect(await stopApp()).toBe(0);
      const stopSeconds = (Date.now() - stopStarted) / 1000;
      console.log(`Ctrl-C after a database crash: stopped in ${stopSeconds.toFixed(1)} s`);
      expect(stopSeconds).toBeLessThan(3);
      expect(await portOpen(pgPort)).toBe(false);
    },
  );
});

/** Runs `npm start`'s script expecting it to stop before serving; resolves with its exit code and output. */
async function startRefused(extraEnv: Record<string, string>): Promise<{ code: unknown; out: string }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: userEnv(extraEnv),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  return { code, out };
}

describe("npm start with DATABASE_URL", () => {
  it("refuses to start without NEXTAUTH_SECRET, saying so", { timeout: 60_000 }, async () => {
    const url = await recreateDatabase(process.env.TEST_PG_BASE_URL as string, "rw_start_nosecret");
    const { code, out } = await startRefused({ DATABASE_URL: url, RW_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS });
    expect(code).toBe(1);
    expect(out).toContain("NEXTAUTH_SECRET (32+ characters) must be set when DATABASE_URL is set");
  });

  it(
    "refuses to start without a valid RW_ENCRYPTION_KEYS, saying so, before touching the database",
    { timeout: 60_000 },
    async () => {
      const url = await recreateDatabase(process.env.TEST_PG_BASE_URL as string, "rw_start_nokeys");
      const secret = "a-secret-for-this-test-0123456789abcdef";
      const missing = await startRefused({ DATABASE_URL: url, NEXTAUTH_SECRET: secret });
      expect(missing.code).toBe(1);
      expect(missing.out).toContain(
        "RW_ENCRYPTION_KEYS (keyId:base64Key, the current key first) must be set when DATABASE_URL is set",
      );
      const malformed = await startRefused({
        DATABASE_URL: url,
        NEXTAUTH_SECRET: secret,
        RW_ENCRYPTION_KEYS: "k1:c2hvcnQta2V5",
      });
      expect(malformed.code).toBe(1);
      expect(malformed.out).toContain('RW_ENCRYPTION_KEYS: key "k1" is not 32 bytes of base64');
      expect(malformed.out).not.toContain("c2hvcnQta2V5");
      const db = createPrismaClient(url);
      try {
        const tables = await db.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`;
        expect(Number(tables[0].n)).toBe(0);
      } finally {
        await db.$disconnect();
      }
    },
  );

  it(
    "migrates that server, loads the report, and creates no demo accounts or synthetic records",
    { timeout: 300_000 },
    async () => {
      await stopApp();
      const url = await recreateDatabase(process.env.TEST_PG_BASE_URL as string, "rw_start_external");
      const { output: lastOutput } = await startApp({
        DATABASE_URL: url,
        NEXTAUTH_SECRET: "a-secret-for-this-test-0123456789abcdef",
        RW_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      });
      const login = await (await fetch(`http://127.0.0.1:${appPort}/login`)).text();
      expect(login).not.toContain("Demo accounts");
      const db = createPrismaClient(url);
      try {
        // No accounts anyone can sign in with: only the disabled system account the seed writes as.
        expect(await db.user.count({ where: { isSystem: false } })).toBe(0);
        expect(await db.user.count({ where: { isSystem: true, disabled: true } })).toBe(1);
        expect(await db.case.count({ where: { origin: "SYNTHETIC" } })).toBe(0);
        expect(await db.case.count({ where: { origin: "SOURCED" } })).toBe(3);
      } finally {
        await db.$disconnect();
      }
      const app = running;
      const code = await stopApp();
      if (code !== 0) console.log(app?.pid, "output:", lastOutput());
      expect(code).toBe(0);
    },
  );
});
