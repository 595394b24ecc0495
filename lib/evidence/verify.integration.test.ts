/**
 * The tamper-evident history on a real PostgreSQL (docs/decisions/014): the demo data verifies
 * intact, and each kind of tampering an insider with the database's own rights could do is named by
 * `verify`. The tampering runs in a database of its own (seeded with the demo data) and inside a
 * transaction that is rolled back, so each test starts from an intact chain.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create";
import { loadKeyring } from "@/lib/crypto/encryption";
import { createCase, updateCase } from "@/lib/data/case-writes";
import { recreateDatabase } from "@/lib/ops/embedded-postgres";
import { applyMigrations } from "@/lib/ops/migrations";
import { createTestUser, testDb } from "@/lib/testing/test-database";
import { createCaseSchema } from "@/lib/validations/case";
import { seedDatabase } from "@/prisma/seed/index";
import { anchorPublicKey, anchorText, newAnchorPrivateKey, signAnchor, writeAnchor } from "./anchor";
import { checkAnchors, checkChain, checkSources, formatVerifyReport, verifyEvidence, type Query } from "./verify";

let url: string;
let db: Db;
let client: pg.Client;
const key = newAnchorPrivateKey();
const publicKey = anchorPublicKey(key);
const query: Query = async (text, values) => (await client.query(text, values)).rows;
const context = () => ({ query, anchorPublicKey: publicKey });

beforeAll(async () => {
  url = await recreateDatabase(process.env.TEST_PG_BASE_URL as string, "rw_evidence_chain");
  await applyMigrations(url);
  db = createPrismaClient(url);
  await seedDatabase(db, { demo: true, keyring: loadKeyring(process.env.RW_ENCRYPTION_KEYS as string) });
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
  await db?.$disconnect();
});

/** Runs `tamper` and then `fn` in one transaction on `client` that is always rolled back. */
async function tampered<T>(tamper: string[], fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    // What a superuser can do without touching any trigger definition: skip them for this session.
    await client.query("SET LOCAL session_replication_role = replica");
    for (const statement of tamper) await client.query(statement);
    await client.query("SET LOCAL session_replication_role = origin");
    return await fn();
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("npm run verify on the demo data", () => {
  it("finds the chain, the sources and the anchors intact", async () => {
    await writeAnchor(query, { privateKey: key, day: "2026-01-01" });
    const report = await verifyEvidence(context());
    const lines = formatVerifyReport(report);
    expect(report.intact, lines.join("\n")).toBe(true);
    expect(lines[0]).toMatch(/^intact: [1-9]\d* changes, [1-9]\d* sources, 0 files, 1 anchors$/);
    const changes = Number((await query<{ n: string }>(`SELECT count(*)::text AS n FROM "RecordChange"`))[0].n);
    const audit = Number((await query<{ n: string }>(`SELECT count(*)::text AS n FROM "AuditEvent"`))[0].n);
    expect(report.results[0].count).toBe(changes + audit);
  });

  it("links rows written in one statement in order at commit, and keeps a restore's given links", async () => {
    const written = await db.recordChange.createManyAndReturn({
      data: [
        { entity: "Case", entityId: "x1", action: "CREATE" },
        { entity: "Case", entityId: "x2", action: "CREATE" },
      ],
    });
    // Linked at commit, in the order written.
    expect(written[0].chainSeq).toBeNull();
    const [a, b] = await db.recordChange.findMany({
      where: { id: { in: written.map((w) => w.id) } },
      orderBy: { id: "asc" },
    });
    expect(b.chainSeq).toBe(a.chainSeq! + 1n);
    expect(b.prevHash).toBe(a.hash);
    // A restore's rows keep the links they bring.
    await client.query(
      `INSERT INTO "RecordChange" ("entity", "entityId", "action", "chainSeq", "prevHash", "hash")
       VALUES ('Case', 'x3', 'CREATE', 999999, $1, $1)`,
      ["f".repeat(64)],
    );
    const kept = await db.recordChange.findUniqueOrThrow({ where: { chainSeq: 999999n } });
    expect(kept.hash).toBe("f".repeat(64));
    const broken = await checkChain(context());
    expect(broken.firstMismatch).toMatchObject({ table: "RecordChange", id: String(kept.id), seq: "999999" });
    expect(broken.firstMismatch?.problem).toMatch(/links .* before it are missing/);
    // Taken out again for the tests below (a superuser's way around the append-only guard).
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`DELETE FROM "RecordChange" WHERE "chainSeq" = 999999`);
    await client.query("COMMIT");
    expect((await checkChain(context())).firstMismatch).toBeUndefined();
  });
});

describe("tampering is named", () => {
  it("a plain UPDATE of a history row is refused; one with the triggers skipped is found by its hash", async () => {
    const [row] = await query<{ id: string; seq: string }>(
      `SELECT "id"::text AS id, "chainSeq"::text AS seq FROM "RecordChange" WHERE "field" = 'sizeMin' OR "entity" = 'Case' ORDER BY "chainSeq" LIMIT 1 OFFSET 3`,
    );
    await expect(client.query(`UPDATE "RecordChange" SET "newValue" = '99' WHERE "id" = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
    const result = await tampered([`UPDATE "RecordChange" SET "newValue" = '99' WHERE "id" = ${row.id}`], () =>
      checkChain(context()),
    );
    expect(result.firstMismatch).toMatchObject({ table: "RecordChange", id: row.id, seq: row.seq });
    expect(result.firstMismatch?.problem).toMatch(/content does not match its hash/);
    expect(result.count).toBe(Number(row.seq) - 1);
  });

  it("a rewritten row whose hash was recomputed breaks the next link", async () => {
    const [row] = await query<{ id: string; seq: string }>(
      `SELECT "id"::text AS id, "chainSeq"::text AS seq FROM "RecordChange" ORDER BY "chainSeq" LIMIT 1 OFFSET 5`,
    );
    const result = await tampered(
      [
        `UPDATE "RecordChange" SET "reason" = 'rewritten' WHERE "id" = ${row.id}`,
        `UPDATE "RecordChange" r SET "hash" = rw_chain_hash(rw_chain_text_record_change(r)) WHERE "id" = ${row.id}`,
      ],
      () => checkChain(context()),
    );
    expect(result.firstMismatch?.seq).toBe(String(Number(row.seq) + 1));
    expect(result.firstMismatch?.problem).toContain(`RecordChange ${row.id}`);
    expect(result.firstMismatch?.problem).toMatch(/rewritten/);
  });

  it("a deleted row leaves a gap that is named", async () => {
    const [row] = await query<{ id: string; seq: string }>(
      `SELECT "id"::text AS id, "chainSeq"::text AS seq FROM "RecordChange" ORDER BY "chainSeq" LIMIT 1 OFFSET 9`,
    );
    const [next] = await query<{ t: string; id: string }>(
      `SELECT 'RecordChange' AS t, "id"::text AS id FROM "RecordChange" WHERE "chainSeq" = $1::bigint + 1
       UNION ALL SELECT 'AuditEvent', "id"::text FROM "AuditEvent" WHERE "chainSeq" = $1::bigint + 1`,
      [row.seq],
    );
    const result = await tampered([`DELETE FROM "RecordChange" WHERE "id" = ${row.id}`], () => checkChain(context()));
    expect(result.firstMismatch).toMatchObject({ table: next.t, id: next.id });
    expect(result.firstMismatch?.problem).toBe(`link ${row.seq} before it is missing (a row was removed)`);
  });

  it("a row slipped in without the trigger is named as unlinked", async () => {
    const result = await tampered(
      [`INSERT INTO "RecordChange" ("entity", "entityId", "action") VALUES ('Case', 'forged', 'UPDATE')`],
      () => checkChain(context()),
    );
    expect(result.firstMismatch?.problem).toMatch(/not linked into the chain/);
  });

  it("a source whose text was replaced (with a matching sha256) is named", async () => {
    const [source] = await query<{ id: string }>(`SELECT "id" FROM "Source" ORDER BY "createdAt" LIMIT 1`);
    const report = await tampered(
      [
        `UPDATE "Source" SET "text" = "text" || ' (amended)', "sha256" = encode(sha256(convert_to("text" || ' (amended)', 'UTF8')), 'hex') WHERE "id" = '${source.id}'`,
      ],
      () => verifyEvidence(context()),
    );
    expect(report.intact).toBe(false);
    const sources = report.results.find((r) => r.label === "sources")!;
    expect(sources.firstMismatch).toMatchObject({ table: "Source", id: source.id });
    expect(sources.firstMismatch?.problem).toMatch(/the text was replaced/);
    expect(formatVerifyReport(report).join("\n")).toContain(`Source ${source.id}`);
    // The chain itself is untouched.
    expect(report.results.find((r) => r.label === "changes")!.firstMismatch).toBeUndefined();
  });

  it("a changed quote is named", async () => {
    const [claim] = await query<{ id: string }>(`SELECT "id" FROM "SourceClaim" ORDER BY "createdAt" LIMIT 1`);
    const result = await tampered(
      [`UPDATE "SourceClaim" SET "quote" = 'nothing of the kind' WHERE "id" = '${claim.id}'`],
      () => checkSources(context()),
    );
    expect(result.firstMismatch).toMatchObject({ table: "SourceClaim", id: claim.id });
  });
});

describe("anchors", () => {
  it("verify, and a forged or outdated anchor fails", async () => {
    expect((await checkAnchors(context())).firstMismatch).toBeUndefined();
    // Forged: the head moved forward by hand, signed by someone else's key.
    const other = newAnchorPrivateKey();
    const [head] = await query<{ seq: string; hash: string }>(`SELECT seq::text, hash::text FROM rw_chain_head()`);
    const forge = (signer: string, signedBy: string) =>
      `INSERT INTO "EvidenceAnchor" ("day", "seq", "hash", "publicKey", "signature")
       VALUES ('2026-01-02', ${head.seq}, '${head.hash}', '${anchorPublicKey(signedBy)}', '${signAnchor(signer, anchorText("2026-01-02", head.seq, head.hash))}')`;
    let result = await tampered([forge(other, other)], () => checkAnchors(context()));
    expect(result.firstMismatch?.problem).toMatch(/signed by a key other than this server's/);
    // This server's public key, but not its signature.
    result = await tampered([forge(other, key)], () => checkAnchors(context()));
    expect(result.firstMismatch?.problem).toMatch(/signature .* does not match/);
    // A genuine anchor, then history before it rewritten wholesale (every hash recomputed).
    result = await tampered(
      [
        forge(key, key),
        `UPDATE "RecordChange" SET "reason" = 'rewritten' WHERE "chainSeq" = 1`,
        `DO $$ DECLARE r record; prev char(64) := repeat('0', 64); h char(64); BEGIN
           FOR r IN SELECT 'R' AS t, "chainSeq" AS s FROM "RecordChange" UNION ALL SELECT 'A', "chainSeq" FROM "AuditEvent" ORDER BY 2 LOOP
             IF r.t = 'R' THEN
               UPDATE "RecordChange" x SET "prevHash" = prev WHERE "chainSeq" = r.s;
               UPDATE "RecordChange" x SET "hash" = rw_chain_hash(rw_chain_text_record_change(x)) WHERE "chainSeq" = r.s RETURNING "hash" INTO h;
             ELSE
               UPDATE "AuditEvent" x SET "prevHash" = prev WHERE "chainSeq" = r.s;
               UPDATE "AuditEvent" x SET "hash" = rw_chain_hash(rw_chain_text_audit_event(x)) WHERE "chainSeq" = r.s RETURNING "hash" INTO h;
             END IF;
             prev := h;
           END LOOP; END $$`,
      ],
      async () => ({ chain: await checkChain(context()), anchors: await checkAnchors(context()) }),
    ).then((r) => {
      // The rewritten chain is consistent with itself: only the anchors tell.
      expect(r.chain.firstMismatch).toBeUndefined();
      return r.anchors;
    });
    expect(result.firstMismatch?.problem).toMatch(/history up to that day was rewritten/);
  });

  it("writes one anchor a day", async () => {
    const first = await writeAnchor(query, { privateKey: key, day: "2026-01-03" });
    const again = await writeAnchor(query, { privateKey: key, day: "2026-01-03" });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.anchor.signature).toBe(first.anchor.signature);
    expect(first.timestamp).toMatch(/skipped: no time-stamp authority configured/);
  });
});

describe("concurrent writers", () => {
  it("20 parallel case writes through the data layer leave an intact chain", async () => {
    const shared = testDb();
    const sharedClient = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await sharedClient.connect();
    try {
      const editor = await createTestUser(shared, "EDITOR");
      const input = createCaseSchema.parse({
        title: "Chain concurrency",
        sizeMin: "3",
        country: "CN",
        verification: "POSSIBLE",
        priority: "NORMAL",
        visibility: "INTERNAL",
      });
      // Each in a year of its own: case codes count per country and year, and createCase gives up after
      // three clashes of the same code, which is not what this test is about.
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => createCase(editor, input, new Date(Date.UTC(1950 + i, 5, 1)))),
      );
      await Promise.all(
        created.map(async ({ code }) => {
          const c = await shared.case.findUniqueOrThrow({ where: { code } });
          await updateCase(editor, { ...input, code, version: c.version, status: "UNKNOWN", title: `Chain ${code}` });
        }),
      );
      const sharedQuery: Query = async (text, values) => (await sharedClient.query(text, values)).rows;
      const result = await checkChain({ query: sharedQuery, anchorPublicKey: null });
      expect(result.firstMismatch).toBeUndefined();
      const rows = await shared.recordChange.count({ where: { entityId: { in: await caseIds(created) } } });
      expect(rows).toBeGreaterThanOrEqual(40);
    } finally {
      await sharedClient.end();
      await shared.$disconnect();
    }

    async function caseIds(codes: { code: string }[]) {
      const cases = await shared.case.findMany({
        where: { code: { in: codes.map((c) => c.code) } },
        select: { id: true },
      });
      return cases.map((c) => c.id);
    }
  });
});
