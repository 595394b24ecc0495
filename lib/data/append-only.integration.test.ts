import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
afterAll(() => db.$disconnect());

describe("append-only history (enforced by the database)", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on RecordChange", async () => {
    const row = await db.recordChange.create({
      data: { entity: "Case", entityId: unique(), action: "CREATE", reason: "test" },
    });
    await expect(db.recordChange.update({ where: { id: row.id }, data: { reason: "rewritten" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.recordChange.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "RecordChange"')).rejects.toThrow(/append-only/);
    const still = await db.recordChange.findUnique({ where: { id: row.id } });
    expect(still?.reason).toBe("test");
  });

  it("refuses UPDATE and DELETE on the audit log", async () => {
    const row = await db.auditEvent.create({ data: { kind: "test", success: true } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { success: false } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.deleteMany({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
  });
});

describe("source captures (enforced by the database)", () => {
  const capture = (text: string) => ({
    outlet: "Test Outlet",
    title: unique("title"),
    text,
    sha256: createHash("sha256").update(text).digest("hex"),
  });

  it("refuses to change a captured text or its hash, and to delete a capture", async () => {
    const source = await db.source.create({ data: capture(`Report ${unique()}`) });
    const other = capture("A different text");
    await expect(db.source.update({ where: { id: source.id }, data: other })).rejects.toThrow(/never change/);
    await expect(db.source.delete({ where: { id: source.id } })).rejects.toThrow(/append-only/);
    // Metadata that is not the capture itself may still be corrected.
    await db.source.update({ where: { id: source.id }, data: { reliability: "HIGH" } });
    expect((await db.source.findUnique({ where: { id: source.id } }))?.text).toBe(source.text);
  });

  it("refuses a hash that is not the SHA-256 of the text", async () => {
    await expect(db.source.create({ data: { ...capture("Some text"), sha256: "0".repeat(64) } })).rejects.toThrow(
      /Source_sha256_matches_text/,
    );
  });
});
