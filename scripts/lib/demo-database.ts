/**
 * The demo mode's local state, none of it committed (each clone generates its own on first start):
 *  - DATA_DIR (default .data/): the embedded PostgreSQL cluster and its password (pg.json);
 *  - RW_DEMO_KEYS_FILE (default .keys/demo-keys.json): the session secret and the encryption keys.
 * The keys live apart from the data on purpose: a copy of the data folder (or a backup of the
 * database) is not a copy of the keys that decrypt its restricted fields. Back them up separately.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newKeyEntry } from "../../lib/crypto/encryption.ts";
import { newAnchorPrivateKey } from "../../lib/evidence/anchor.ts";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../../lib/ops/embedded-postgres.ts";
import { readEnv } from "../../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DATA_DIR = path.resolve(ROOT, config.DATA_DIR);
export const KEYS_FILE = path.resolve(ROOT, config.RW_DEMO_KEYS_FILE);
export const DEMO_DB_NAME = "refoulement_watch";

/**
 * `encryptionKeys` are RW_ENCRYPTION_KEYS entries (`keyId:base64Key`), the current key first;
 * `anchorPrivateKey` is RW_ANCHOR_PRIVATE_KEY's value (added to older keys files on first use).
 */
type DemoKeys = { nextauthSecret: string; encryptionKeys: string[]; anchorPrivateKey?: string };
type DemoDatabaseSecrets = { pgPassword: string };

const pgSecretsFile = () => path.join(DATA_DIR, "pg.json");
/** Where demo mode kept everything before the keys moved out of the data directory. */
const legacySecretsFile = () => path.join(DATA_DIR, "secrets.json");

/** Replaces a file in one step (mode 0600): a half-written keys file would lose the data it decrypts. */
function writePrivate(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/**
 * Moves keys that an older version kept in DATA_DIR/secrets.json to the keys file (once, with a
 * line in the log), leaving the database password in DATA_DIR/pg.json.
 */
function migrateLegacySecrets(log: (line: string) => void = console.log): void {
  const legacy = legacySecretsFile();
  if (!existsSync(legacy)) return;
  const old = readJson<Partial<DemoKeys & DemoDatabaseSecrets> & Record<string, unknown>>(legacy);
  if (!existsSync(KEYS_FILE)) {
    writePrivate(KEYS_FILE, {
      nextauthSecret: old.nextauthSecret ?? randomBytes(32).toString("base64url"),
      encryptionKeys:
        Array.isArray(old.encryptionKeys) && old.encryptionKeys.length ? old.encryptionKeys : [newKeyEntry().entry],
    } satisfies DemoKeys);
  }
  if (!existsSync(pgSecretsFile()) && old.pgPassword)
    writePrivate(pgSecretsFile(), { pgPassword: old.pgPassword } satisfies DemoDatabaseSecrets);
  rmSync(legacy);
  log(
    `[refoulement-watch] Moved the demo keys from ${path.relative(ROOT, legacy)} to ${path.relative(ROOT, KEYS_FILE)} (kept apart from the data).`,
  );
}

/** Creates DATA_DIR so that the unprivileged postgres user (used when running as root) can enter it. */
function ensureDataDir(): void {
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o711 });
  if (process.getuid?.() === 0) chmodSync(DATA_DIR, 0o711); // also when the directory already existed
}

/** The demo session secret and encryption keys, generated on first use (mode 0600). */
export function demoKeys(): DemoKeys {
  ensureDataDir();
  migrateLegacySecrets();
  if (existsSync(KEYS_FILE)) {
    const stored = readJson<DemoKeys>(KEYS_FILE);
    if (Array.isArray(stored.encryptionKeys) && stored.encryptionKeys.length > 0 && stored.nextauthSecret)
      return stored;
    const repaired = {
      nextauthSecret: stored.nextauthSecret || randomBytes(32).toString("base64url"),
      encryptionKeys: stored.encryptionKeys?.length ? stored.encryptionKeys : [newKeyEntry().entry],
      ...(stored.anchorPrivateKey ? { anchorPrivateKey: stored.anchorPrivateKey } : {}),
    };
    writePrivate(KEYS_FILE, repaired);
    return repaired;
  }
  const keys: DemoKeys = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: [newKeyEntry().entry],
  };
  writePrivate(KEYS_FILE, keys);
  return keys;
}

/** The embedded cluster's password, generated on first use and kept with the cluster. */
export function demoDatabasePassword(): string {
  ensureDataDir();
  migrateLegacySecrets();
  if (existsSync(pgSecretsFile())) return readJson<DemoDatabaseSecrets>(pgSecretsFile()).pgPassword;
  const secrets: DemoDatabaseSecrets = { pgPassword: randomBytes(18).toString("base64url") };
  writePrivate(pgSecretsFile(), secrets);
  return secrets.pgPassword;
}

/** The demo anchor signing key (RW_ANCHOR_PRIVATE_KEY form), generated into the keys file on first use. */
export function demoAnchorPrivateKey(): string {
  const keys = demoKeys();
  if (keys.anchorPrivateKey) return keys.anchorPrivateKey;
  const anchorPrivateKey = newAnchorPrivateKey();
  writePrivate(KEYS_FILE, { ...keys, anchorPrivateKey });
  return anchorPrivateKey;
}

/** The demo keyring in RW_ENCRYPTION_KEYS form. */
export function demoEncryptionKeys(): string {
  return demoKeys().encryptionKeys.join(",");
}

/** Generates a new demo key and puts it first (current) in the keys file; older keys stay for decryption. */
export function addDemoEncryptionKey(): { id: string; keys: string } {
  const keys = demoKeys();
  const { id, entry } = newKeyEntry();
  writePrivate(KEYS_FILE, { ...keys, encryptionKeys: [entry, ...keys.encryptionKeys] });
  return { id, keys: demoEncryptionKeys() };
}

export function embeddedPort(): number {
  return config.EMBEDDED_PG_PORT;
}

/** Starts the demo cluster in .data/pg and returns the demo database's URL. */
export async function startDemoDatabase(
  log?: (line: string) => void,
): Promise<{ url: string; server: RunningPostgres }> {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "pg"),
    port: embeddedPort(),
    password: demoDatabasePassword(),
    persistent: true,
    log,
  });
  const url = await ensureDatabase(server.baseUrl, DEMO_DB_NAME);
  return { url, server };
}

/**
 * Runs `fn` with a database URL: DATABASE_URL when set, otherwise the demo cluster, started for
 * the duration of `fn` and stopped afterwards.
 */
export async function withDatabase<T>(fn: (url: string, demo: boolean) => Promise<T>): Promise<T> {
  if (config.DATABASE_URL) return fn(config.DATABASE_URL, false);
  const { url, server } = await startDemoDatabase();
  try {
    return await fn(url, true);
  } finally {
    await server.stop();
  }
}
