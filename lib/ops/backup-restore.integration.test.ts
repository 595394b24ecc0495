/**
 * Backup and restore on a real PostgreSQL: the demo data plus records of every kind, backed up and
 * restored into a fresh database, must come back identical row by row (ids, versions, ciphertexts,
 * history, bigint ids, the migration record), with sequences continuing, and the data layer must
 * show the same case pages on both. Bad archives and non-empty databases are refused and nothing
 * is written. "The app on the restored database shows the same pages" is checked through the data
 * layer the pages call (getCaseByCode, listPeopleForCase), for every case and every role; the
 * manual check in the decision record runs `next start` on a restored demo directory.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create";
import { encryptField, keyringFromEnv } from "@/lib/crypto/encryption";
import { getCaseByCode } from "@/lib/data/cases";
import { listPeopleForCase } from "@/lib/data/people";
import { recreateDatabase } from "@/lib/ops/embedded-postgres";
import { applyMigrations } from "@/lib/ops/migrations";
import type { Actor } from "@/lib/auth/permissions";
import { ArchiveError } from "@/lib/ops/archive";
import { backupDatabase } from "@/lib/ops/backup";
import { ident, listTables } from "@/lib/ops/catalog";
import { restoreDatabase, RestoreRefused, verifyBackup } from "@/lib/ops/restore";
import { seedDatabase } from "@/prisma/seed/index";

const base = process.env.TEST_PG_BASE_URL as string;
let dir: string;
let srcUrl: string;
let src: Db;
const opened: Db[] = [];
const client = (url: string) => {
  const db = createPrismaClient(url);
  opened.push(db);
  return db;
};

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Every table's rows in their text form (all columns, exactly as PostgreSQL prints them), by primary key. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SET TimeZone = 'UTC'");
    const out: Record<string, string[]> = {};
    for (const t of await listTables(c)) {
      const order = t.primaryKey.length ? `ORDER BY ${t.primaryKey.map((k) => `t.${ident(k)}`).join(", ")}` : "";
      out[t.name] = (await c.query<{ row: string }>(`SELECT t::text AS row FROM ${ident(t.name)} t ${order}`)).rows.map(
        (r) => r.row,
      );
    }
    return out;
  } finally {
    await c.end();
  }
}

const counts = (snap: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(snap).map(([t, rows]) => [t, rows.length]));

/** Text that COPY must escape: tabs, newlines, backslashes, quotes, \N look-alikes, non-Latin scripts. */
const AWKWARD = 'Tab\there, new\nline, CR\r, back\\slash, "quotes", \\N, 김정은 송환 반대, emoji 🕊️, {brace,comma}';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "rw-backup-test-"));
  srcUrl = await recreateDatabase(base, "rw_backup_src");
  await applyMigrations(srcUrl);
  src = client(srcUrl);
  const keyring = keyringFromEnv();
  await seedDatabase(src, { demo: true, keyring });

  // Records of every kind, beyond what the seed writes.
  const staff = await src.user.create({
    data: {
      email: "backup-staff@example.org",
      name: `Staff ${AWKWARD}`.slice(0, 200),
      role: "STAFF",
      passwordHash: "$argon2id$v=19$fake",
    },
  });
  const c = await src.case.create({
    data: {
      code: "TST-2031-0001",
      title: `Backup case ${AWKWARD}`,
      summary: AWKWARD,
      sizeMin: 2,
      sizeMax: 5,
      sizeBest: 3,
      sizeWording: "two to five",
      tags: ["with,comma", 'with"quote', "with{brace}", "", "공백 있음"],
      country: "CN",
      province: "Jilin",
      cityArea: "",
      latitude: 42.123456789012345,
      longitude: -0.1 + 0.2,
      geoPrecision: "EXACT",
      familyInSouthMin: 0,
      visibility: "RESTRICTED",
      createdById: staff.id,
      updatedById: staff.id,
    },
  });
  await src.case.update({ where: { id: c.id }, data: { status: "REPORTED_DETAINED", version: { increment: 2 } } });
  const person = await src.person.create({
    data: {
      caseId: c.id,
      alias: "Man B",
      sex: "MALE",
      ageMin: 30,
      ageMax: 39,
      realNameEnc: encryptField(keyring, "Person.realNameEnc", "[Test] 박 Backup-Name"),
      contactDetailsEnc: encryptField(keyring, "Person.contactDetailsEnc", "[Test] +82 10 1111 2222"),
      exactAddressEnc: encryptField(keyring, "Person.exactAddressEnc", "[Test] Building 9"),
    },
  });
  const event = await src.caseEvent.create({
    data: {
      caseId: c.id,
      type: "ARRESTED",
      dateEarliest: new Date("2031-02-01T00:00:00Z"),
      dateLatest: new Date("2031-02-07T00:00:00Z"),
      precision: "WEEK",
      dateWording: "early February",
      description: AWKWARD,
      people: { connect: [{ id: person.id }] },
    },
  });
  const text = `A report with ${AWKWARD}.`;
  const sha = (t: string) => createHash("sha256").update(t, "utf8").digest("hex");
  const source = await src.source.create({
    data: {
      outlet: "Test Outlet",
      title: "Report",
      text,
      sha256: sha(text),
      capturedById: staff.id,
      publishedAt: new Date("2031-02-08T00:00:00Z"),
    },
  });
  const corrected = `${text} Corrected.`;
  await src.source.create({
    data: {
      outlet: "Test Outlet",
      title: "Report (corrected)",
      text: corrected,
      sha256: sha(corrected),
      supersedesId: source.id,
    },
  });
  await src.sourceClaim.createMany({
    data: [
      { sourceId: source.id, caseId: c.id, target: "CASE", quote: "A report" },
      { sourceId: source.id, caseId: c.id, target: "EVENT", eventId: event.id, quote: "report" },
      {
        sourceId: source.id,
        caseId: c.id,
        target: "FIELD",
        field: "sizeMin",
        value: "2",
        quote: "A report",
        quoteStart: 0,
      },
    ],
  });
  const contact = await src.contact.create({
    data: {
      name: "Backup Contact",
      kind: "NGO",
      contactDetailsEnc: encryptField(keyring, "Contact.contactDetailsEnc", "[Test] contact@example.org"),
      notes: AWKWARD,
    },
  });
  await src.advocacyAction.create({
    data: {
      caseId: c.id,
      contactId: contact.id,
      kind: "LETTER",
      date: new Date("2031-02-10T00:00:00Z"),
      askedFor: "Release",
      followUpDue: new Date("2031-03-01T00:00:00Z"),
      createdById: staff.id,
    },
  });
  const note = await src.annotation.create({
    data: { caseId: c.id, eventId: event.id, field: "sizeMin", body: AWKWARD, authorId: staff.id },
  });
  await src.annotation.create({
    data: {
      caseId: c.id,
      parentId: note.id,
      body: "A reply",
      authorId: staff.id,
      resolved: true,
      resolvedAt: new Date(),
    },
  });
  await src.apiToken.create({
    data: { userId: staff.id, name: "script", tokenHash: sha("rw_token"), prefix: "rw_abc", lastUsedAt: new Date() },
  });
  await src.savedView.create({ data: { userId: staff.id, name: "Jilin", query: "province=Jilin&exact=1" } });
  await src.auditEvent.create({
    data: {
      actorId: staff.id,
      actorEmail: staff.email,
      kind: "export",
      ip: "127.0.0.1",
      detail: { filter: { q: AWKWARD }, n: [1, 2.5, null], ok: true },
    },
  });
  await src.auditEvent.create({ data: { actorEmail: "nobody@example.org", kind: "sign-in", success: false } });
  await src.recordChange.create({
    data: {
      userId: staff.id,
      entity: "Case",
      entityId: c.id,
      caseId: c.id,
      action: "UPDATE",
      field: "summary",
      oldValue: null,
      newValue: AWKWARD,
      reason: "test",
    },
  });
  await src.signInThrottle.create({
    data: {
      key: "account-ip:backup@example.org|2001:db8::1",
      failures: 7,
      lastFailureAt: new Date("2031-02-10T10:00:00.123Z"),
      blockedUntil: new Date("2031-02-10T10:15:00.456Z"),
    },
  });
  await src.userSession.create({
    data: {
      userId: staff.id,
      expiresAt: new Date("2031-02-10T18:00:00Z"),
      revokedAt: new Date("2031-02-10T12:00:00Z"),
    },
  });
  await src.knownSignInAddress.create({ data: { userId: staff.id, ip: "2001:db8::1" } });
});

afterAll(async () => {
  await Promise.all(opened.map((db) => db.$disconnect()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let file: string;
  let dstUrl: string;

  it("backs up every table from one snapshot while the app goes on writing", { timeout: 60_000 }, async () => {
    file = path.join(dir, "full.tar.gz");
    const before = counts(await snapshot(srcUrl));
    let wroteDuring = false;
    const result = await backupDatabase(srcUrl, file, {
      // Written after the snapshot was taken, into a table backed up later: must not be in the archive.
      onTable: async () => {
        if (wroteDuring) return;
        wroteDuring = true;
        await query(
          srcUrl,
          `INSERT INTO "RecordChange" (entity, "entityId", action) VALUES ('during-backup', 'x', 'CREATE')`,
        );
        await query(srcUrl, `INSERT INTO "sign_in_throttle" (key, failures) VALUES ('during-backup', 1)`);
      },
    });
    const byName = Object.fromEntries(result.manifest.tables.map((t) => [t.name, t.rows]));
    expect(byName).toEqual(before);
    expect(result.manifest.tables.map((t) => t.name)).toContain("_prisma_migrations");
    const [{ n }] = await query<{ n: number }>(
      srcUrl,
      `SELECT (SELECT count("realNameEnc") + count("realNameAltEnc") + count("contactDetailsEnc") + count("exactAddressEnc") FROM "Person") + (SELECT count("contactDetailsEnc") FROM "Contact") AS n`,
    );
    expect(result.manifest.encryption).toEqual({
      keysIncluded: false,
      keyIds: { [keyringFromEnv().currentId]: Number(n) },
    });
    expect(result.manifest.migrations.length).toBeGreaterThanOrEqual(4);
    expect(result.sha256).toBe(
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
    // The query ran after the first table was written; the backup began before it.
    expect(Object.values(byName).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await expect(backupDatabase(srcUrl, file)).rejects.toThrow(/exists already: choose another name, or pass --force/);
  });

  it(
    "restores into a fresh database identically, row by row, and sequences continue",
    { timeout: 120_000 },
    async () => {
      dstUrl = await recreateDatabase(base, "rw_backup_dst");
      const verified = await verifyBackup(file);
      const result = await restoreDatabase(dstUrl, file, verified);
      expect(result.upgradedWith).toEqual([]);

      const source = await snapshot(srcUrl);
      // The rows written during the backup (after its snapshot) are the one difference.
      expect(source.RecordChange.filter((row) => row.includes("during-backup"))).toHaveLength(1);
      source.RecordChange = source.RecordChange.filter((row) => !row.includes("during-backup"));
      source.sign_in_throttle = source.sign_in_throttle.filter((row) => !row.includes("during-backup"));
      const restored = await snapshot(dstUrl);
      expect(Object.keys(restored).sort()).toEqual(Object.keys(source).sort());
      for (const table of Object.keys(source)) expect(restored[table], table).toEqual(source[table]);
      expect(result.tables).toEqual(verified.manifest.tables.map((t) => ({ name: t.name, rows: t.rows })));
      // Backed up again, the restored database gives byte-identical tables.
      const again = await backupDatabase(dstUrl, path.join(dir, "again.tar.gz"));
      expect(again.manifest.tables).toEqual(verified.manifest.tables);

      // The bigint ids continue after the restored ones, where the source's sequence stood at the backup.
      const [{ max }] = await query<{ max: string }>(dstUrl, `SELECT max(id)::text AS max FROM "RecordChange"`);
      const [{ id: nextDst }] = await query<{ id: string }>(
        dstUrl,
        `INSERT INTO "RecordChange" (entity, "entityId", action) VALUES ('Test', 'x', 'CREATE') RETURNING id::text`,
      );
      expect(BigInt(nextDst)).toBeGreaterThan(BigInt(max));
      expect(BigInt(nextDst)).toBe(
        BigInt(verified.manifest.sequences.find((q) => q.table === "RecordChange")?.lastValue ?? 0) + 1n,
      );
      const [{ id: audit }] = await query<{ id: string }>(
        dstUrl,
        `INSERT INTO "AuditEvent" (kind) VALUES ('after-restore') RETURNING id::text`,
      );
      expect(BigInt(audit)).toBeGreaterThan(
        BigInt(verified.manifest.tables.find((t) => t.name === "AuditEvent")?.rows ?? 0),
      );
      // History stays append-only after a restore.
      await expect(query(dstUrl, `DELETE FROM "RecordChange"`)).rejects.toThrow(/append-only/);
    },
  );

  it("shows the same case pages on the restored database, for every case and role", { timeout: 60_000 }, async () => {
    const dst = client(dstUrl);
    const users = await src.user.findMany({ select: { id: true, email: true, name: true, role: true } });
    const roles = ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"] as const;
    const actors: Actor[] = [null, ...roles.map((role) => users.find((u) => u.role === role) as NonNullable<Actor>)];
    const codes = (await src.case.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((c) => c.code);
    expect(codes.length).toBeGreaterThanOrEqual(6);
    const global = globalThis as unknown as { prisma?: Db };
    const previous = global.prisma;
    const pages = async (db: Db) => {
      global.prisma = db; // lib/db/index.ts's one client: the data layer reads whichever database it points at
      const out: unknown[] = [];
      for (const actor of actors)
        for (const code of codes) out.push(await getCaseByCode(actor, code), await listPeopleForCase(actor, code));
      return out;
    };
    try {
      const before = await pages(src);
      const after = await pages(dst);
      expect(after).toEqual(before);
      // Staff see the decrypted identity on both: the ciphertexts came back intact.
      expect(JSON.stringify(after)).toContain("[Test] 박 Backup-Name");
      expect(before.filter((p) => p !== null && !(Array.isArray(p) && p.length === 0)).length).toBeGreaterThan(10);
    } finally {
      global.prisma = previous;
    }
  });

  it(
    "refuses a database that is not empty unless --replace is confirmed, and then replaces it",
    { timeout: 120_000 },
    async () => {
      const verified = await verifyBackup(file);
      const before = await snapshot(dstUrl);
      await expect(restoreDatabase(dstUrl, file, verified)).rejects.toThrow(
        /Database "rw_backup_dst" cannot take the restore: it is not empty \(.*Case: \d+.*\)\. Restore into an empty database, or pass --replace/,
      );
      await expect(
        restoreDatabase(dstUrl, file, verified, { replace: true, confirm: async () => false }),
      ).rejects.toThrow(/Not confirmed: database "rw_backup_dst" was left as it was/);
      await expect(restoreDatabase(dstUrl, file, verified, { replace: true })).rejects.toThrow(RestoreRefused);
      expect(await snapshot(dstUrl)).toEqual(before);

      let asked: { database: string; rows: { table: string; rows: number }[] } | undefined;
      const result = await restoreDatabase(dstUrl, file, verified, {
        replace: true,
        confirm: async (q) => ((asked = q), true),
      });
      expect(asked?.database).toBe("rw_backup_dst");
      expect(asked?.rows.find((r) => r.table === "RecordChange")?.rows).toBeGreaterThan(0);
      expect(result.replaced).toBe(true);
      const again = await backupDatabase(dstUrl, path.join(dir, "replaced.tar.gz"));
      expect(again.manifest.tables).toEqual(verified.manifest.tables);
    },
  );

  it(
    "refuses a tampered or truncated archive, naming the table, and writes nothing",
    { timeout: 120_000 },
    async () => {
      const good = await readFile(file);
      const tarBytes = zlib.gunzipSync(good);
      const at = tarBytes.indexOf(Buffer.from("Backup Contact"));
      expect(at).toBeGreaterThan(0);
      tarBytes[at] = "b".charCodeAt(0);
      const tampered = path.join(dir, "tampered.tar.gz");
      await writeFile(tampered, zlib.gzipSync(tarBytes));
      await expect(verifyBackup(tampered)).rejects.toThrow(
        /is altered or damaged: the data of table "Contact" does not match the manifest/,
      );

      const truncated = path.join(dir, "truncated.tar.gz");
      await writeFile(truncated, good.subarray(0, Math.floor(good.length * 0.6)));
      await expect(verifyBackup(truncated)).rejects.toThrow(/is truncated: it ends/);

      // The file changing between the check and the load (checked good, then swapped): the load's own
      // check refuses it, the transaction rolls back, and the migrations it applied are undone.
      const emptyUrl = await recreateDatabase(base, "rw_backup_empty");
      const verified = await verifyBackup(file);
      const error = await restoreDatabase(emptyUrl, tampered, verified).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArchiveError);
      expect((error as Error).message).toMatch(/table "Contact"/);
      expect(await query(emptyUrl, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace")).toEqual(
        [],
      );
    },
  );
});
