/**
 * Key rotation on a real PostgreSQL, in a database of its own: rotation rewrites every encrypted
 * value in it, which must not disturb the shared test database other files rely on.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create";
import {
  decryptField,
  encryptField,
  keyIdOf,
  loadKeyring,
  type EncryptedColumn,
  type Keyring,
} from "@/lib/crypto/encryption";
import { recreateDatabase } from "@/lib/ops/embedded-postgres";
import { reencryptAll } from "@/lib/ops/key-rotation";
import { applyMigrations } from "@/lib/ops/migrations";
import { unique } from "@/lib/testing/test-database";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const entry = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;
const A = entry("key-a");
const B = entry("key-b");
const ringA = loadKeyring(A);
const ringBA = loadKeyring(`${B},${A}`);
const ringB = loadKeyring(B);

let url: string;
let db: Db;
let caseId: string;

beforeAll(async () => {
  url = await recreateDatabase(process.env.TEST_PG_BASE_URL as string, "rw_key_rotation");
  await applyMigrations(url);
  db = createPrismaClient(url);
  caseId = (
    await db.case.create({
      data: { code: "TST-2012-0101", title: "Rotation test case", sizeMin: 3, country: "CN", visibility: "RESTRICTED" },
    })
  ).id;
});
afterAll(() => db?.$disconnect());

type Stored = { table: "Person" | "Contact"; id: string; column: EncryptedColumn; plaintext: string };

/** Creates people and contacts with known restricted values under `ring`; returns what was stored where. */
async function createEncryptedRecords(ring: Keyring): Promise<Stored[]> {
  const stored: Stored[] = [];
  const person = async (
    alias: string,
    values: { realName?: string; contactDetails?: string; exactAddress?: string },
    archived = false,
  ) => {
    const created = await db.person.create({
      data: {
        caseId,
        alias,
        realNameEnc: values.realName === undefined ? null : encryptField(ring, "Person.realNameEnc", values.realName),
        contactDetailsEnc:
          values.contactDetails === undefined
            ? null
            : encryptField(ring, "Person.contactDetailsEnc", values.contactDetails),
        exactAddressEnc:
          values.exactAddress === undefined ? null : encryptField(ring, "Person.exactAddressEnc", values.exactAddress),
        deletedAt: archived ? new Date() : null,
      },
    });
    if (values.realName !== undefined)
      stored.push({ table: "Person", id: created.id, column: "Person.realNameEnc", plaintext: values.realName });
    if (values.contactDetails !== undefined)
      stored.push({
        table: "Person",
        id: created.id,
        column: "Person.contactDetailsEnc",
        plaintext: values.contactDetails,
      });
    if (values.exactAddress !== undefined)
      stored.push({
        table: "Person",
        id: created.id,
        column: "Person.exactAddressEnc",
        plaintext: values.exactAddress,
      });
  };
  await person("Woman A", {
    realName: `Test Name ${unique()}`,
    contactDetails: "+82 10 0000 0001 (test)",
    exactAddress: "Test address 1",
  });
  await person("Man B", { realName: `시험 이름 ${unique()}`, exactAddress: "" });
  await person("Child C", {});
  // Archived rows too: once the old key is removed, nothing may still need it.
  await person("Woman D", { realName: `Archived Name ${unique()}` }, true);
  for (const details of [`contact-${unique()}@example.org`, null]) {
    const contact = await db.contact.create({
      data: {
        name: `Contact ${unique()}`,
        kind: "NGO",
        contactDetailsEnc: details === null ? null : encryptField(ring, "Contact.contactDetailsEnc", details),
      },
    });
    if (details !== null)
      stored.push({ table: "Contact", id: contact.id, column: "Contact.contactDetailsEnc", plaintext: details });
  }
  return stored;
}

/** Every non-null encrypted value in the database, by table, row and column. */
async function allEncryptedValues(): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const p of await db.person.findMany({
    select: { id: true, realNameEnc: true, contactDetailsEnc: true, exactAddressEnc: true },
  })) {
    for (const column of ["realNameEnc", "contactDetailsEnc", "exactAddressEnc"] as const) {
      if (p[column] !== null) values.set(`Person.${column}:${p.id}`, p[column]);
    }
  }
  for (const c of await db.contact.findMany({ select: { id: true, contactDetailsEnc: true } })) {
    if (c.contactDetailsEnc !== null) values.set(`Contact.contactDetailsEnc:${c.id}`, c.contactDetailsEnc);
  }
  return values;
}

async function storedValue(s: Stored): Promise<string> {
  if (s.table === "Contact")
    return (await db.contact.findUniqueOrThrow({ where: { id: s.id } })).contactDetailsEnc as string;
  const row = await db.person.findUniqueOrThrow({ where: { id: s.id } });
  return row[s.column.slice("Person.".length) as "realNameEnc" | "contactDetailsEnc" | "exactAddressEnc"] as string;
}

/** Runs `npm run keys:rotate`'s script with the given environment; resolves with its exit code and output. */
function runRotateScript(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.RW_ENCRYPTION_KEYS) delete childEnv.RW_ENCRYPTION_KEYS;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/keys-rotate.ts"], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("reencryptAll", () => {
  it("moves every value to the new key, keeping its plaintext, so the old key can be dropped", async () => {
    const stored = await createEncryptedRecords(ringA);
    const before = await db.person.findMany({
      select: { id: true, updatedAt: true, version: true },
      orderBy: { id: "asc" },
    });

    const counts = await reencryptAll(db, ringBA);
    expect(counts).toEqual({
      "Person.realNameEnc": { checked: 3, reencrypted: 3 },
      "Person.realNameAltEnc": { checked: 0, reencrypted: 0 },
      "Person.contactDetailsEnc": { checked: 1, reencrypted: 1 },
      "Person.exactAddressEnc": { checked: 2, reencrypted: 2 },
      "Contact.contactDetailsEnc": { checked: 1, reencrypted: 1 },
    });
    for (const s of stored) {
      const value = await storedValue(s);
      expect(keyIdOf(value)).toBe("key-b");
      // Keyring [B] alone: key A is no longer needed for anything.
      expect(decryptField(ringB, s.column, value)).toBe(s.plaintext);
    }
    expect(
      await db.person.findMany({ select: { id: true, updatedAt: true, version: true }, orderBy: { id: "asc" } }),
    ).toEqual(before);

    const again = await reencryptAll(db, ringBA);
    expect(Object.values(again).every((c) => c.reencrypted === 0)).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { kind: "encryption-keys-rotated" },
      orderBy: { id: "desc" },
    });
    expect(audit?.detail).toMatchObject({ currentKeyId: "key-b", keyIds: ["key-b", "key-a"] });
  });

  it("fails on a value under a key the keyring lacks, naming the row, and changes nothing", async () => {
    await createEncryptedRecords(ringA);
    const stray = await db.person.create({
      data: {
        caseId,
        alias: "Unknown key",
        realNameEnc: encryptField(loadKeyring(entry("key-gone")), "Person.realNameEnc", "Secret Stray Name"),
      },
    });
    try {
      const before = await allEncryptedValues();
      const auditsBefore = await db.auditEvent.count();
      const error = await reencryptAll(db, loadKeyring(`${entry("key-new")},${B},${A}`)).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toContain(
        `Person.realNameEnc of Person ${stray.id}: Cannot decrypt Person.realNameEnc: key "key-gone" is not in RW_ENCRYPTION_KEYS`,
      );
      expect(error?.message).toContain("Nothing was re-encrypted.");
      expect(error?.message).not.toContain("Secret Stray Name");
      expect(await allEncryptedValues()).toEqual(before);
      expect([...before.values()].some((v) => keyIdOf(v) === "key-a")).toBe(true); // there was something to rotate
      expect(await db.auditEvent.count()).toBe(auditsBefore);
    } finally {
      await db.person.delete({ where: { id: stray.id } });
    }
  });
});

describe("npm run keys:rotate with DATABASE_URL", () => {
  it("refuses to run without RW_ENCRYPTION_KEYS, saying what to set", { timeout: 60_000 }, async () => {
    const { code, output } = await runRotateScript({ DATABASE_URL: url });
    expect(code).toBe(1);
    expect(output).toContain("RW_ENCRYPTION_KEYS must be set when DATABASE_URL is set: put the new key first");
  });

  it("uses RW_ENCRYPTION_KEYS as given and prints counts, never plaintext", { timeout: 60_000 }, async () => {
    const stored = await createEncryptedRecords(ringA);
    const C = entry("key-c");
    const { code, output } = await runRotateScript({ DATABASE_URL: url, RW_ENCRYPTION_KEYS: `${C},${B},${A}` });
    expect(output).toContain('Using RW_ENCRYPTION_KEYS as given: its first key, "key-c"');
    expect(output).toMatch(/Person\.realNameEnc: \d+ of \d+ value\(s\) re-encrypted/);
    expect(code).toBe(0);
    for (const s of stored) {
      if (s.plaintext) expect(output).not.toContain(s.plaintext);
      expect(decryptField(loadKeyring(C), s.column, await storedValue(s))).toBe(s.plaintext);
    }
    expect([...(await allEncryptedValues()).values()].every((v) => keyIdOf(v) === "key-c")).toBe(true);
  });
});
