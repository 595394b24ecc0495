import { z } from "zod";
import { parseTrustedProxies } from "@/lib/server/forwarded";

/**
 * Every setting the app, its scripts and its test tooling read from the environment, validated in
 * one place: the README's "Configuration" table lists the same names, and nothing else reads
 * process.env (a unit test checks; test code and children's environments aside). `npm start` fills
 * the required ones in for demo mode (scripts/start.ts); with DATABASE_URL set, the operator
 * provides them. Nothing here is secret by itself; the values are, so messages name variables,
 * never values.
 */
const count = (min: number, fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number of at least ${min}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be a whole number of at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);
const flag = z.enum(["0", "1"]).default("0");

const envSchema = z.object({
  // The app.
  DATABASE_URL: z.string().url({ message: "must be a postgresql:// URL" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url({ message: "must be the app's public URL, e.g. https://watch.example.org" }).optional(),
  /** `keyId:base64Key,…`; lib/crypto/encryption.ts checks the keys themselves when it loads them. */
  RW_ENCRYPTION_KEYS: z.string().optional(),
  /**
   * The Ed25519 key that signs the evidence chain's daily anchors (docs/decisions/014): PKCS#8 DER,
   * base64 (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`). Demo mode generates one.
   */
  RW_ANCHOR_PRIVATE_KEY: z
    .string()
    .refine((value) => {
      const der = Buffer.from(value, "base64");
      // PKCS#8 of an Ed25519 key: a fixed 16-byte header and the 32-byte seed.
      return der.length === 48 && der.subarray(0, 16).toString("hex") === "302e020100300506032b657004220420";
    }, "must be an Ed25519 private key, PKCS#8 DER in base64 (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)")
    .optional(),
  /** An RFC 3161 time-stamp authority (https://…) asked to stamp each anchor; unset: no time-stamp. */
  RW_TSA_URL: z.string().url({ message: "must be the time-stamp authority's http(s) URL" }).optional(),
  /** "1" when the app runs on the embedded demo database (shows the demo accounts on /login). */
  RW_DEMO_MODE: flag,
  RW_TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  RW_SHUTDOWN_GRACE_SECONDS: count(0, 10, 600),
  /** The longest one SQL statement of the app may run, in ms (0: no limit). */
  RW_STATEMENT_TIMEOUT_MS: count(0, 10_000),
  /** Admission control (lib/server/admission.ts): requests rendered at once, how many may wait, and for how long. */
  RW_MAX_ACTIVE_REQUESTS: count(1, 16),
  RW_MAX_QUEUED_REQUESTS: count(0, 100),
  RW_MAX_QUEUE_WAIT_MS: count(1, 5_000),
  PORT: count(1, 3000, 65535),
  /** Source files (saved pages, PDFs, screenshots): the largest accepted upload in MB, and files per source. */
  RW_SOURCE_FILE_MAX_MB: count(1, 25, 512),
  RW_SOURCE_FILES_PER_SOURCE: count(1, 20, 1000),
  RW_SIGNIN_FREE_FAILURES_PER_ACCOUNT_AND_IP: count(1, 5),
  RW_SIGNIN_FREE_FAILURES_PER_IP: count(1, 20),
  RW_SIGNIN_MAX_DELAY_SECONDS: count(1, 900),
  RW_SIGNIN_WINDOW_SECONDS: count(1, 900),
  /** End-to-end tests only: "1" lets a cookie set the server's clock (lib/clock.ts). */
  RW_TEST_CLOCK: flag,
  /** Set by Next.js; "development" loosens the content security policy for hot reload. */
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  // Demo mode (the embedded PostgreSQL that `npm start` runs when DATABASE_URL is not set).
  EMBEDDED_PG_PORT: count(1, 54329, 65535),
  DATA_DIR: z.string().default(".data"),
  RW_DEMO_KEYS_FILE: z.string().default(".keys/demo-keys.json"),
  // Scripts and tests.
  DEBUG: z.string().optional(),
  /** npm run lighthouse: which pages (paths or labels, comma-separated); all four when unset. */
  LIGHTHOUSE_PAGES: z.string().optional(),
  LIGHTHOUSE_LANGUAGES: z.string().optional(),
  CHROMIUM_PATH: z.string().optional(),
  /** Where Playwright looks for downloaded browsers, when not using Debian's Chromium. */
  PLAYWRIGHT_BROWSERS_PATH: z.string().optional(),
  FUZZ_RUNS: count(1, 100),
  FUZZ_SEED: z
    .string()
    .regex(/^-?\d+$/, "must be a whole number")
    .transform(Number)
    .optional(),
  BENCH_CASES: count(1, 100_000),
  BENCH_SOURCES: z.string().regex(/^\d+$/, "must be a whole number").transform(Number).optional(),
  BENCH_RUNS: count(1, 5),
  BENCH_BUDGET_MS: count(1, 6_000),
  /** `npm run bench`: rows of the generated spreadsheet it imports (dry run and apply); 0 skips the import. */
  BENCH_IMPORT_ROWS: count(0, 20_000, 20_000),
  /** `npm run bench:http`: how long each request is driven, and the generated events per case on average. */
  BENCH_SECONDS: count(1, 10, 600),
  BENCH_EVENTS_PER_CASE: count(1, 10, 50),
  /** Set by `npm test` for the end-to-end suites: the app's port and its database. */
  E2E_PORT: count(1, 3100, 65535),
  E2E_DATABASE_URL: z.string().optional(),
  CI: z.string().optional(),
});

/** Settings of earlier designs whose meaning changed: refused by name rather than silently ignored. */
const RETIRED: Record<string, string> = {
  RW_SIGNIN_MAX_FAILURES_PER_ACCOUNT:
    "sign-in now slows down instead of locking out; use RW_SIGNIN_FREE_FAILURES_PER_ACCOUNT_AND_IP",
  RW_SIGNIN_MAX_FAILURES_PER_IP: "sign-in now slows down instead of locking out; use RW_SIGNIN_FREE_FAILURES_PER_IP",
};

export type Env = z.infer<typeof envSchema>;

/** The names of every variable read, for the README check (lib/env.test.ts). */
export const ENV_NAMES = Object.keys(envSchema.shape);

/** Validates `source` (process.env by default); throws naming each bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const retired = Object.keys(RETIRED).filter((name) => name in present);
  if (retired.length) {
    throw new Error(
      `Invalid server configuration: ${retired.map((name) => `${name} no longer exists (${RETIRED[name]})`).join("; ")}. See README "Configuration".`,
    );
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid server configuration: ${problems}. See README "Configuration".`);
  }
  return parsed.data;
}

type AppEnv = Env & { DATABASE_URL: string; NEXTAUTH_SECRET: string };

let cached: AppEnv | undefined;

/** The running app's settings: DATABASE_URL and NEXTAUTH_SECRET are required here. */
export function env(): AppEnv {
  if (cached) return cached;
  const read = readEnv();
  const missing = (["DATABASE_URL", "NEXTAUTH_SECRET"] as const).filter((name) => !read[name]);
  if (missing.length)
    throw new Error(`Invalid server configuration: ${missing.join(", ")} must be set. See README "Configuration".`);
  cached = read as AppEnv;
  return cached;
}

/**
 * Settings that do not need the app's database (the content security policy, the test clock),
 * read once per process.
 */
let settingsCached: Env | undefined;
export function settings(): Env {
  settingsCached ??= readEnv();
  return settingsCached;
}
