import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, captureSource } from "@/lib/data/sources";
import { addSourceFile, getSourceFileForDownload, listSourceFiles, UploadRefused } from "@/lib/data/source-files";
import { verifySourceFiles } from "@/lib/evidence/source-files-verify";
import type { Query } from "@/lib/evidence/anchor";
import { type Actor } from "@/lib/auth/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { keyringFromEnv } from "@/lib/crypto/encryption";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
const actors = {} as Record<"RESEARCHER" | "EDITOR" | "STAFF", NonNullable<Actor>>;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const page = (marker: string) => new Uint8Array(Buffer.from(`<!doctype html><title>${marker}</title><p>saved</p>`));
const pdf = (marker: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n% ${marker}\n%%EOF\n`));

/** A source quoted only on the internal synthetic case: researchers see it, visitors do not. */
async function internalSource(): Promise<string> {
  const quote = `Internal passage ${unique()}`;
  const source = await captureSource(actors.EDITOR, {
    outlet: "Test Outlet",
    title: `Report ${unique()}`,
    language: "en",
    text: `Intro. ${quote}. End.`,
  });
  await addClaim(actors.EDITOR, { sourceId: source.id, caseCode: "SYN-2012-0001", target: "CASE", quote });
  return source.id;
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: keyringFromEnv() });
  for (const role of ["RESEARCHER", "EDITOR", "STAFF"] as const) {
    const u = await db.user.create({
      data: { email: `${unique(role.toLowerCase())}@example.org`, name: role, role, passwordHash: "x" },
    });
    actors[role] = { id: u.id, email: u.email, name: u.name, role };
  }
});
afterAll(() => db.$disconnect());

describe("source files", () => {
  it("stores the bytes with their SHA-256, size and detected type, and a history row", async () => {
    const sourceId = await internalSource();
    const bytes = page(unique());
    const saved = await addSourceFile(actors.EDITOR, sourceId, { filename: "../evil\u202e.pdf", bytes });
    expect(saved.sha256).toBe(sha(bytes));
    const row = await db.sourceFile.findUniqueOrThrow({ where: { id: saved.id }, include: { content: true } });
    expect(row).toMatchObject({ sourceId, filename: "evil.pdf", mediaType: "text/html", size: bytes.length });
    expect(row.sha256).toBe(sha(bytes));
    expect(sha(row.content!.bytes)).toBe(row.sha256);
    const history = await db.recordChange.findMany({ where: { entity: "SourceFile", entityId: saved.id } });
    expect(history.find((h) => h.field === "sha256")?.newValue).toBe(saved.sha256);
  });

  it("follows the source's visibility for lists and downloads", async () => {
    const sourceId = await internalSource();
    const bytes = pdf(unique());
    const { id } = await addSourceFile(actors.EDITOR, sourceId, { filename: "report.pdf", bytes });
    for (const actor of [actors.RESEARCHER, actors.EDITOR, actors.STAFF]) {
      expect((await listSourceFiles(actor, sourceId)).map((f) => f.sha256)).toEqual([sha(bytes)]);
      const download = await getSourceFileForDownload(actor, sourceId, id);
      expect(sha(download!.bytes)).toBe(sha(bytes));
      expect(download!.kind).toBe("pdf");
    }
    expect(await listSourceFiles(null, sourceId)).toEqual([]);
    expect(await getSourceFileForDownload(null, sourceId, id)).toBeNull();
    // The right file under another source's id does not exist.
    const other = await internalSource();
    expect(await getSourceFileForDownload(actors.STAFF, other, id)).toBeNull();
  });

  it("refuses researchers, unknown types, duplicates, and any change or deletion in the database", async () => {
    const sourceId = await internalSource();
    await expect(
      addSourceFile(actors.RESEARCHER, sourceId, { filename: "a.pdf", bytes: pdf("r") }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => "saved",
        (e: unknown) => (e instanceof UploadRefused ? e.reason : String(e)),
      );
    expect(await refusal(addSourceFile(actors.EDITOR, sourceId, { filename: "x.pdf", bytes: Buffer.from("MZ") }))).toBe(
      "unknown",
    );
    expect(await refusal(addSourceFile(actors.EDITOR, sourceId, { filename: "x", bytes: new Uint8Array() }))).toBe(
      "empty",
    );
    const bytes = pdf(unique());
    const { id } = await addSourceFile(actors.EDITOR, sourceId, { filename: "a.pdf", bytes });
    expect(await refusal(addSourceFile(actors.STAFF, sourceId, { filename: "b.pdf", bytes }))).toBe("duplicate");
    await expect(db.sourceFile.update({ where: { id }, data: { filename: "renamed.pdf" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.sourceFileContent.update({ where: { fileId: id }, data: { bytes: Uint8Array.from(pdf("other")) } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.sourceFileContent.delete({ where: { fileId: id } })).rejects.toThrow(/append-only/);
    // Bytes that do not match the file's hash cannot be stored at all (rolled back with the file row).
    await expect(
      db.$transaction(async (tx) => {
        const loose = await tx.sourceFile.create({
          data: { sourceId, filename: "c.pdf", mediaType: "application/pdf", size: 3, sha256: "0".repeat(64) },
        });
        await tx.sourceFileContent.create({ data: { fileId: loose.id, bytes: Uint8Array.from([1, 2, 3]) } });
      }),
    ).rejects.toThrow(/do not match/);
    expect(await db.sourceFile.count({ where: { sourceId, filename: "c.pdf" } })).toBe(0);
  });

  const query: Query = (text, values) => db.$queryRawUnsafe(text, ...(values ?? []));

  it("verify passes, then names the source and file when one stored byte is changed behind the app's back", async () => {
    const sourceId = await internalSource();
    const bytes = pdf(unique());
    const { id } = await addSourceFile(actors.EDITOR, sourceId, { filename: "tampered.pdf", bytes });
    const before = await verifySourceFiles(query);
    expect(before).toMatchObject({ label: "files" });
    expect(before.firstMismatch).toBeUndefined();
    expect(before.count).toBeGreaterThanOrEqual(1);
    const tamper = async (value: number) =>
      db.$transaction([
        db.$executeRawUnsafe(`ALTER TABLE "SourceFileContent" DISABLE TRIGGER "SourceFileContent_append_only"`),
        db.$executeRaw`UPDATE "SourceFileContent" SET bytes = set_byte(bytes, 10, ${value}) WHERE "fileId" = ${id}`,
        db.$executeRawUnsafe(`ALTER TABLE "SourceFileContent" ENABLE TRIGGER "SourceFileContent_append_only"`),
      ]);
    await tamper(bytes[10] ^ 1);
    try {
      const after = await verifySourceFiles(query);
      expect(after.firstMismatch).toContain(`source ${sourceId}, file ${id}`);
      expect(after.firstMismatch).toContain("tampered.pdf");
    } finally {
      // Put the byte back, so a later "intact" check on this database is not failed by this test.
      await tamper(bytes[10]);
    }
    const restored = await verifySourceFiles(query);
    expect(restored.firstMismatch ?? "").not.toContain(id);
  });
});
