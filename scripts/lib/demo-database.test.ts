import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadKeyring } from "@/lib/crypto/encryption";

let dataDir: string;
let keysDir: string;
const keysPath = () => path.join(keysDir, "demo-keys.json");
const pgPath = () => path.join(dataDir, "pg.json");
const readKeys = () =>
  JSON.parse(readFileSync(keysPath(), "utf8")) as { nextauthSecret: string; encryptionKeys: string[] };

/** The module reads DATA_DIR and RW_DEMO_KEYS_FILE when loaded, so each test loads it afresh. */
async function demoDatabase() {
  vi.resetModules();
  return import("./demo-database.ts");
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "rw-data-"));
  keysDir = mkdtempSync(path.join(os.tmpdir(), "rw-keys-"));
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("RW_DEMO_KEYS_FILE", keysPath());
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(keysDir, { recursive: true, force: true });
});

describe("demo keys and database password", () => {
  it("are generated once, readable only by their owner, the keys outside the data directory", async () => {
    const { demoKeys, demoEncryptionKeys, demoDatabasePassword } = await demoDatabase();
    const first = demoKeys();
    const password = demoDatabasePassword();
    expect(statSync(keysPath()).mode & 0o777).toBe(0o600);
    expect(statSync(pgPath()).mode & 0o777).toBe(0o600);
    expect(first.encryptionKeys).toHaveLength(1);
    expect(loadKeyring(demoEncryptionKeys()).ids).toHaveLength(1);
    expect(demoKeys()).toEqual(first);
    expect(demoDatabasePassword()).toBe(password);
    // A copy of the data directory holds no key.
    const inData = readFileSync(pgPath(), "utf8");
    for (const entry of first.encryptionKeys) expect(inData).not.toContain(entry.split(":")[1]);
    expect(inData).not.toContain(first.nextauthSecret);
  });

  it("kept in the data directory by an older version are moved out, keeping every value", async () => {
    const legacyKey = "k0:" + Buffer.alloc(32, 7).toString("base64");
    writeFileSync(
      path.join(dataDir, "secrets.json"),
      JSON.stringify({ pgPassword: "old-pg", nextauthSecret: "old-nextauth", encryptionKeys: [legacyKey] }),
      { mode: 0o600 },
    );
    const { demoKeys, demoDatabasePassword } = await demoDatabase();
    expect(demoKeys()).toEqual({ nextauthSecret: "old-nextauth", encryptionKeys: [legacyKey] });
    expect(demoDatabasePassword()).toBe("old-pg");
    expect(existsSync(path.join(dataDir, "secrets.json"))).toBe(false);
    expect(readFileSync(pgPath(), "utf8")).not.toContain("old-nextauth");
  });

  it("get a new current key in front on rotation, keeping the old keys and the session secret", async () => {
    const { addDemoEncryptionKey, demoKeys } = await demoDatabase();
    const before = demoKeys();
    const { id, keys } = addDemoEncryptionKey();
    const after = readKeys();
    expect(after.encryptionKeys).toEqual([expect.stringMatching(new RegExp(`^${id}:`)), ...before.encryptionKeys]);
    expect(loadKeyring(keys).currentId).toBe(id);
    expect(after.nextauthSecret).toBe(before.nextauthSecret);
  });
});
