/**
 * The demo mode's local state: an embedded PostgreSQL cluster and generated secrets under .data/
 * (git-ignored). Nothing secret is committed; each clone generates its own on first start.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newKeyEntry } from "../../lib/crypto.ts";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../../lib/embedded-postgres.ts";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? ".data");
export const DEMO_DB_NAME = "refoulement_watch";

/** `encryptionKeys` are RW_ENCRYPTION_KEYS entries (`keyId:base64Key`), the current key first. */
type DemoSecrets = { pgPassword: string; nextauthSecret: string; encryptionKeys: string[] };

const secretsFile = () => path.join(DATA_DIR, "secrets.json");

/** Replaces secrets.json in one step (mode 0600): a half-written file would lose the keys to the data. */
function writeSecrets(secrets: DemoSecrets): void {
  const file = secretsFile();
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * Reads the demo secrets, generating them on first use (mode 0600). A file from before encryption
 * keys existed gets a key added, keeping everything else it holds.
 */
export function demoSecrets(): DemoSecrets {
  // 0711: the unprivileged postgres user (used when running as root) must traverse into .data/pg;
  // secrets.json itself stays 0600.
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o711 });
  if (process.getuid?.() === 0) chmodSync(DATA_DIR, 0o711); // also when the directory already existed
  const file = secretsFile();
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as DemoSecrets;
    if (Array.isArray(stored.encryptionKeys) && stored.encryptionKeys.length > 0) return stored;
    const upgraded = { ...stored, encryptionKeys: [newKeyEntry().entry] };
    writeSecrets(upgraded);
    return upgraded;
  }
  const secrets: DemoSecrets = {
    pgPassword: randomBytes(18).toString("base64url"),
    nextauthSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: [newKeyEntry().entry],
  };
  writeSecrets(secrets);
  return secrets;
}

/** The demo keyring in RW_ENCRYPTION_KEYS form. */
export function demoEncryptionKeys(): string {
  return demoSecrets().encryptionKeys.join(",");
}

/** Generates a new demo key and puts it first (current) in secrets.json; older keys stay for decryption. */
export function addDemoEncryptionKey(): { id: string; keys: string } {
  const secrets = demoSecrets();
  const { id, entry } = newKeyEntry();
  writeSecrets({ ...secrets, encryptionKeys: [entry, ...secrets.encryptionKeys] });
  return { id, keys: demoEncryptionKeys() };
}

export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

/** Starts the demo cluster in .data/pg and returns the demo database's URL. */
export async function startDemoDatabase(log?: (line: string) => void): Promise<{ url: string; server: RunningPostgres }> {
  const { pgPassword } = demoSecrets();
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "pg"),
    port: embeddedPort(),
    password: pgPassword,
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
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, false);
  const { url, server } = await startDemoDatabase();
  try {
    return await fn(url, true);
  } finally {
    await server.stop();
  }
}
