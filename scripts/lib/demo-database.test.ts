import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadKeyring } from "@/lib/crypto";

let dataDir: string;
const secretsPath = () => path.join(dataDir, "secrets.json");
const readSecrets = () => JSON.parse(readFileSync(secretsPath(), "utf8")) as Record<string, unknown> & { encryptionKeys: string[] };

/** The module reads DATA_DIR when loaded, so each test loads it afresh on its own directory. */
async function demoDatabase() {
  vi.resetModules();
  return import("./demo-database.ts");
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "rw-secrets-"));
  vi.stubEnv("DATA_DIR", dataDir);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("demo secrets", () => {
  it("are generated once, readable only by their owner, with one encryption key", async () => {
    const { demoSecrets, demoEncryptionKeys } = await demoDatabase();
    const first = demoSecrets();
    expect(statSync(secretsPath()).mode & 0o777).toBe(0o600);
    expect(first.encryptionKeys).toHaveLength(1);
    expect(loadKeyring(demoEncryptionKeys()).ids).toHaveLength(1);
    expect(demoSecrets()).toEqual(first);
  });

  it("written before encryption existed are upgraded in place, keeping every other value", async () => {
    writeFileSync(secretsPath(), JSON.stringify({ pgPassword: "old-pg", nextauthSecret: "old-nextauth", somethingElse: 7 }), { mode: 0o600 });
    const { demoSecrets } = await demoDatabase();
    const upgraded = demoSecrets();
    expect(upgraded).toMatchObject({ pgPassword: "old-pg", nextauthSecret: "old-nextauth", somethingElse: 7 });
    expect(readSecrets()).toEqual(upgraded);
    expect(loadKeyring(upgraded.encryptionKeys.join(",")).ids).toHaveLength(1);
    expect(statSync(secretsPath()).mode & 0o777).toBe(0o600);
  });

  it("get a new current key in front on rotation, keeping the old keys and the other values", async () => {
    const { addDemoEncryptionKey, demoSecrets } = await demoDatabase();
    const before = demoSecrets();
    const { id, keys } = addDemoEncryptionKey();
    const after = readSecrets();
    expect(after.encryptionKeys).toEqual([expect.stringMatching(new RegExp(`^${id}:`)), ...before.encryptionKeys]);
    expect(loadKeyring(keys).currentId).toBe(id);
    expect(after.pgPassword).toBe(before.pgPassword);
    expect(after.nextauthSecret).toBe(before.nextauthSecret);
  });
});
