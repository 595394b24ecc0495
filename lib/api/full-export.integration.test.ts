import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullExportZip, type FullExportManifest } from "@/lib/api/full-export";
import { encryptField, keyringFromEnv, loadKeyring } from "@/lib/crypto/encryption";
import { fullExport } from "@/lib/data/full-export";
import { type Actor } from "@/lib/auth/permissions";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";
import { addSourceFile } from "@/lib/data/source-files";
import { seedDatabase } from "@/prisma/seed/index";

const db = testDb();
let admin: NonNullable<Actor>;
const NOW = new Date("2026-12-02T12:00:00Z");

/** Every entry of a ZIP, by name, read with a ZIP reader of its own (yauzl), checking its CRCs. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z!))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) =>
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        entries.set(entry.fileName, await buffer(stream!));
        zip.readEntry();
      }),
    );
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return entries;
}

async function download(restricted: boolean) {
  const entries = await unzip(await buffer(await fullExportZip(admin, { restricted, ip: "127.0.0.1", now: NOW })));
  const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as FullExportManifest;
  const lines = (file: string) =>
    entries
      .get(file)!
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { entries, manifest, lines };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: keyringFromEnv() });
  admin = await createTestUser(db, "ADMIN");
});
afterAll(() => db.$disconnect());

describe("full export", () => {
  it("refuses every role but admin before reading anything", async () => {
    for (const role of ["STAFF", "EDITOR", "RESEARCHER"] as const) {
      const actor = await createTestUser(db, role);
      await expect(fullExport(actor, { restricted: false, ip: null })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(fullExport(null, { restricted: true, ip: null })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("holds every record with counts and hashes matching the manifest, and no restricted field", async () => {
    const audits = await db.auditEvent.count({ where: { kind: "full-export" } });
    const report = await db.source.findFirstOrThrow({ where: { outlet: "The Korea Herald" }, select: { id: true } });
    await addSourceFile(await createTestUser(db, "EDITOR"), report.id, {
      filename: `saved page ${unique()}.html`,
      bytes: new Uint8Array(Buffer.from(`<!doctype html><p>${unique()}</p>`)),
    });
    const { entries, manifest, lines } = await download(false);
    const expected = {
      "cases.jsonl": await db.case.count(),
      "events.jsonl": await db.caseEvent.count(),
      "people.jsonl": await db.person.count(),
      "sources.jsonl": await db.source.count(),
      "source-files.jsonl": await db.sourceFile.count(),
      "claims.jsonl": await db.sourceClaim.count(),
      "contacts.jsonl": await db.contact.count(),
      "advocacy.jsonl": await db.advocacyAction.count(),
      "annotations.jsonl": await db.annotation.count(),
      "vocabularies.jsonl": await db.vocabularyTerm.count(),
      "history.jsonl": await db.recordChange.count(),
    };
    const fileEntries = [...entries.keys()].filter((name) => name.startsWith("files/"));
    expect([...entries.keys()].filter((name) => !name.startsWith("files/")).sort()).toEqual(
      [...Object.keys(expected), "manifest.json"].sort(),
    );
    // Every source file is in the ZIP with its bytes, named in its row and hashed in the manifest.
    expect(fileEntries.length).toBeGreaterThan(0);
    expect(fileEntries.sort()).toEqual(
      lines("source-files.jsonl")
        .map((f) => String(f.path))
        .sort(),
    );
    expect(Object.keys(manifest.sourceFiles).sort()).toEqual(fileEntries);
    for (const row of lines("source-files.jsonl")) {
      const bytes = entries.get(String(row.path))!;
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
      expect(manifest.sourceFiles[String(row.path)]).toEqual({ bytes: bytes.length, sha256: row.sha256 });
    }
    expect(manifest.restrictedFields).toBe(false);
    // The chain head it was made at: at or after this export's own audit row.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { kind: "full-export" }, orderBy: { id: "desc" } });
    expect(BigInt(manifest.chainHead.seq)).toBeGreaterThanOrEqual(audit.chainSeq!);
    expect(manifest.chainHead.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const [file, count] of Object.entries(expected)) {
      const bytes = entries.get(file)!;
      const entry = manifest.files[file as keyof typeof expected];
      expect({ file, records: entry.records }).toEqual({ file, records: count });
      expect(lines(file)).toHaveLength(count);
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(expected["people.jsonl"]).toBeGreaterThan(0);
    for (const person of lines("people.jsonl"))
      for (const key of Object.keys(person)) expect(key).not.toMatch(/realName|contactDetails|exactAddress/);
    for (const contact of lines("contacts.jsonl")) expect(Object.keys(contact)).not.toContain("contactDetails");
    const source = lines("sources.jsonl")[0];
    expect(createHash("sha256").update(String(source.text), "utf8").digest("hex")).toBe(source.sha256);
    expect(await db.auditEvent.count({ where: { kind: "full-export" } })).toBe(audits + 1);
  });

  it("decrypts restricted fields only when asked, and logs that it was asked", async () => {
    // One identity stored under a key that was since dropped: exported as stored, with why, not lost and not fatal.
    const lostKey = encryptField(
      loadKeyring(`key-dropped:${Buffer.alloc(32, 9).toString("base64")}`),
      "Person.realNameEnc",
      "a name nobody can read now",
    );
    const { id: caseId } = await db.case.findFirstOrThrow({ select: { id: true } });
    const orphan = await db.person.create({ data: { caseId, alias: "Key dropped", realNameEnc: lostKey } });
    const audits = await db.auditEvent.count({ where: { kind: "full-export-restricted" } });
    const { manifest, lines } = await download(true);
    expect(manifest.restrictedFields).toBe(true);
    const withName = await db.person.count({ where: { realNameEnc: { not: null } } });
    expect(withName).toBeGreaterThan(1);
    const people = lines("people.jsonl");
    const notDecrypted = people.filter((p) => p.realName && typeof p.realName === "object");
    expect(people.find((p) => p.id === orphan.id)?.realName).toEqual({
      notDecrypted: expect.stringContaining('key "key-dropped" is not in RW_ENCRYPTION_KEYS'),
      ciphertext: lostKey,
    });
    expect(people.filter((p) => typeof p.realName === "string" && p.realName !== "")).toHaveLength(
      withName - notDecrypted.length,
    );
    for (const p of people) expect(Object.keys(p)).not.toContain("realNameEnc");
    expect(await db.auditEvent.count({ where: { kind: "full-export-restricted" } })).toBe(audits + 1);
  });
});
