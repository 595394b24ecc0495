import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, captureSource, getSourceForActor, listSourcesForPicker, sha256Hex } from "@/lib/data/sources";
import { type Actor } from "@/lib/auth/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { keyringFromEnv } from "@/lib/crypto/encryption";
import { testDb, unique } from "@/lib/testing/test-database";
import { addClaimSchema, captureSourceSchema, type CaptureSourceInput } from "@/lib/validations/source";

const db = testDb();
const actors = {} as Record<"RESEARCHER" | "EDITOR" | "STAFF", NonNullable<Actor>>;
const CASE = "CN-2012-0002";
let caseId: string;

const sha = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");
const input = (text: string, extra: Partial<CaptureSourceInput> = {}): CaptureSourceInput => ({
  outlet: "Test Outlet",
  title: `Report ${unique()}`,
  language: "en",
  text,
  ...extra,
});

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: keyringFromEnv() });
  for (const role of ["RESEARCHER", "EDITOR", "STAFF"] as const) {
    const u = await db.user.create({
      data: { email: `${unique(role.toLowerCase())}@example.org`, name: role, role, passwordHash: "x" },
    });
    actors[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  caseId = (await db.case.findUniqueOrThrow({ where: { code: CASE } })).id;
});
afterAll(() => db.$disconnect());

describe("capturing a source", () => {
  it("stores the SHA-256 of the exact text, and the same text again returns the same source", async () => {
    const text = `Nine people were caught near Shenyang. ${unique()}\nThey may be sent back.`;
    const first = await captureSource(
      actors.EDITOR,
      input(text, { url: "https://example.org/a", publishedAt: new Date("2012-02-20") }),
    );
    expect(first.created).toBe(true);
    const row = await db.source.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.sha256).toBe(sha(row.text));
    expect(row.text).toBe(text);
    expect(first.sha256).toBe(sha(text));
    expect(row.capturedById).toBe(actors.EDITOR.id);

    const again = await captureSource(actors.STAFF, input(text, { title: "Another title" }));
    expect(again).toEqual({ id: first.id, sha256: first.sha256, created: false });
    expect(await db.source.count({ where: { sha256: first.sha256 } })).toBe(1);
    // A capture wrote its history row.
    expect(await db.recordChange.count({ where: { entity: "Source", entityId: first.id, action: "CREATE" } })).toBe(1);
    // Its author finds it in the picker and on its page before it is quoted anywhere; a visitor does not.
    expect((await listSourcesForPicker(actors.EDITOR)).map((s) => s.id)).toContain(first.id);
    expect(await getSourceForActor(actors.EDITOR, first.id)).not.toBeNull();
    expect(await getSourceForActor(null, first.id)).toBeNull();
    expect(await getSourceForActor(actors.RESEARCHER, first.id)).toBeNull();
  });

  it("a corrected copy is a new capture pointing at the earlier one; the database refuses changing a text", async () => {
    const base = `Original wording ${unique()}`;
    const first = await captureSource(actors.EDITOR, input(base));
    const corrected = await captureSource(actors.EDITOR, input(`${base} (corrected)`, { supersedesId: first.id }));
    expect(corrected.created).toBe(true);
    expect((await db.source.findUniqueOrThrow({ where: { id: corrected.id } })).supersedesId).toBe(first.id);
    await expect(
      db.source.update({ where: { id: first.id }, data: { text: "tampered", sha256: sha("tampered") } }),
    ).rejects.toThrow();
    await expect(
      captureSource(actors.EDITOR, input(`x ${unique()}`, { supersedesId: "cknotarealsource00000000" })),
    ).rejects.toMatchObject({ code: "not-found" });
  });

  it("reuses only a capture the actor may see: the text of a source quoted only on a restricted case becomes a new capture for an editor", async () => {
    const text = `Quoted only on a restricted case ${unique()}`;
    const hidden = await captureSource(
      actors.STAFF,
      input(text, {
        outlet: "Confidential Outlet",
        title: "Confidential title",
        url: "https://confidential.example/x",
      }),
    );
    const restricted = await db.case.findUniqueOrThrow({ where: { code: "SYN-2012-0002" } });
    await db.sourceClaim.create({
      data: { sourceId: hidden.id, caseId: restricted.id, target: "CASE", quote: text.slice(0, 20), quoteStart: 0 },
    });

    const mine = await captureSource(actors.EDITOR, input(text));
    expect(mine.created).toBe(true);
    expect(mine.id).not.toBe(hidden.id);
    expect(await getSourceForActor(actors.EDITOR, hidden.id)).toBeNull();
    expect(await getSourceForActor(actors.RESEARCHER, hidden.id)).toBeNull();
    // Staff, who may see the first capture, still get it back.
    expect((await captureSource(actors.STAFF, input(text))).id).toBe(hidden.id);
  });

  it("researchers and visitors are refused and nothing is written", async () => {
    const text = `Refused ${unique()}`;
    const before = await db.recordChange.count();
    await expect(captureSource(actors.RESEARCHER, input(text))).rejects.toMatchObject({ code: "forbidden" });
    await expect(captureSource(null, input(text))).rejects.toMatchObject({ code: "forbidden" });
    expect(await listSourcesForPicker(actors.RESEARCHER)).toEqual([]);
    expect(await db.source.count({ where: { sha256: sha(text) } })).toBe(0);
    expect(await db.recordChange.count()).toBe(before);
  });
});

describe("quoting a source in a case", () => {
  let sourceId: string;
  const text = `Group of nine: nine people, including a child, were arrested in Changchun. ${unique()}`;
  beforeAll(async () => {
    sourceId = (await captureSource(actors.EDITOR, input(text))).id;
  });

  it("stores the quote with its offset and a history row for the case, in one go", async () => {
    const quote = "nine people, including a child";
    const { id } = await addClaim(actors.EDITOR, {
      sourceId,
      caseCode: CASE,
      target: "FIELD",
      field: "sizeMin",
      value: "9",
      quote,
    });
    const claim = await db.sourceClaim.findUniqueOrThrow({ where: { id } });
    expect(claim).toMatchObject({
      caseId,
      sourceId,
      target: "FIELD",
      field: "sizeMin",
      value: "9",
      quote,
      quoteStart: text.indexOf(quote),
    });
    const history = await db.recordChange.findMany({ where: { entity: "SourceClaim", entityId: id } });
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.caseId === caseId && h.userId === actors.EDITOR.id && h.action === "CREATE")).toBe(
      true,
    );
    expect(history.map((h) => h.newValue)).toContain(quote);
    // The same passage for the same target again is refused.
    await expect(
      addClaim(actors.EDITOR, { sourceId, caseCode: CASE, target: "FIELD", field: "sizeMin", value: "9", quote }),
    ).rejects.toMatchObject({ code: "rule" });
    // Quoted in a case a researcher can read, the source is now visible to them.
    expect(await getSourceForActor(actors.RESEARCHER, sourceId)).not.toBeNull();
  });

  it("refuses a quote that is not in the text, word for word", async () => {
    const before = await db.sourceClaim.count({ where: { sourceId } });
    await expect(
      addClaim(actors.EDITOR, { sourceId, caseCode: CASE, target: "CASE", quote: "ten people, including a child" }),
    ).rejects.toMatchObject({ code: "rule" });
    await expect(
      addClaim(actors.EDITOR, { sourceId, caseCode: CASE, target: "CASE", quote: "Nine people" }),
    ).rejects.toMatchObject({ code: "rule" }); // case matters
    expect(await db.sourceClaim.count({ where: { sourceId } })).toBe(before);
  });

  it("ties a quote to an event of the case, and refuses an event of another case", async () => {
    const own = await db.caseEvent.findFirstOrThrow({ where: { caseId, deletedAt: null } });
    const other = await db.caseEvent.findFirstOrThrow({ where: { case: { code: "CN-2012-0001" } } });
    const { id } = await addClaim(actors.STAFF, {
      sourceId,
      caseCode: CASE,
      target: "EVENT",
      eventId: own.id,
      quote: "arrested in Changchun",
    });
    expect((await db.sourceClaim.findUniqueOrThrow({ where: { id } })).eventId).toBe(own.id);
    await expect(
      addClaim(actors.STAFF, { sourceId, caseCode: CASE, target: "EVENT", eventId: other.id, quote: "were arrested" }),
    ).rejects.toMatchObject({ code: "not-found" });
    expect(await db.sourceClaim.count({ where: { sourceId, eventId: other.id } })).toBe(0);
  });

  it("refuses cases the actor may not see, and unknown sources, as not found", async () => {
    await expect(
      addClaim(actors.EDITOR, { sourceId, caseCode: "SYN-2012-0002", target: "CASE", quote: "nine people" }),
    ).rejects.toMatchObject({ code: "not-found" });
    await expect(
      addClaim(actors.EDITOR, { sourceId, caseCode: "CN-1999-0001", target: "CASE", quote: "nine people" }),
    ).rejects.toMatchObject({ code: "not-found" });
    await expect(
      addClaim(actors.EDITOR, {
        sourceId: "cknotarealsource00000000",
        caseCode: CASE,
        target: "CASE",
        quote: "nine people",
      }),
    ).rejects.toMatchObject({ code: "not-found" });
  });

  it("reuses only a capture the actor may see: the text of a source quoted only on a restricted case becomes a new capture for an editor", async () => {
    const text = `Quoted only on a restricted case ${unique()}`;
    const hidden = await captureSource(
      actors.STAFF,
      input(text, {
        outlet: "Confidential Outlet",
        title: "Confidential title",
        url: "https://confidential.example/x",
      }),
    );
    const restricted = await db.case.findUniqueOrThrow({ where: { code: "SYN-2012-0002" } });
    await db.sourceClaim.create({
      data: { sourceId: hidden.id, caseId: restricted.id, target: "CASE", quote: text.slice(0, 20), quoteStart: 0 },
    });

    const mine = await captureSource(actors.EDITOR, input(text));
    expect(mine.created).toBe(true);
    expect(mine.id).not.toBe(hidden.id);
    expect(await getSourceForActor(actors.EDITOR, hidden.id)).toBeNull();
    expect(await getSourceForActor(actors.RESEARCHER, hidden.id)).toBeNull();
    // Staff, who may see the first capture, still get it back.
    expect((await captureSource(actors.STAFF, input(text))).id).toBe(hidden.id);
  });

  it("researchers and visitors are refused and nothing is written", async () => {
    const claims = await db.sourceClaim.count();
    const changes = await db.recordChange.count();
    for (const actor of [actors.RESEARCHER, null]) {
      await expect(
        addClaim(actor, { sourceId, caseCode: CASE, target: "CASE", quote: "nine people" }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await db.sourceClaim.count()).toBe(claims);
    expect(await db.recordChange.count()).toBe(changes);
  });
});

describe("naughty strings are stored or refused cleanly", () => {
  const NAUGHTY = [
    "zero\u200bwidth\u200c\u200djoiners\ufeff",
    "\u202eRTL override\u202c and \u200fmarks\u200e שלום مرحبا",
    '\'; DROP TABLE "Source"; --',
    "Robert'); DELETE FROM \"RecordChange\" WHERE ('1'='1",
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "${7*7} {{7*7}} %s %n \\x00 \\u0000",
    "👨‍👩‍👧‍👦 𠜎𠜱 ﷽ Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎",
    "(.*)+$ [a-z] \\d+ ^",
  ];

  it("captures each as text, hashes it exactly, and quotes it back verbatim", async () => {
    for (const s of NAUGHTY) {
      const text = `${unique()} before ${s} after`;
      const parsed = captureSourceSchema.parse({
        outlet: s.slice(0, 300),
        title: s.slice(0, 500),
        author: s.slice(0, 300),
        text,
      });
      const { id, sha256 } = await captureSource(actors.EDITOR, parsed);
      const row = await db.source.findUniqueOrThrow({ where: { id } });
      expect(row.text).toBe(text);
      expect(row.sha256).toBe(sha(text));
      expect(sha256).toBe(sha256Hex(text));
      const claim = addClaimSchema.parse({
        sourceId: id,
        caseCode: CASE,
        target: "FIELD",
        field: "province",
        value: s.slice(0, 300),
        quote: s,
      });
      const { id: claimId } = await addClaim(actors.EDITOR, claim);
      const stored = await db.sourceClaim.findUniqueOrThrow({ where: { id: claimId } });
      expect(stored.quote).toBe(s.trim());
      expect(stored.quoteStart).toBe(text.indexOf(s.trim()));
    }
  });

  it("a text of 1,000,000 characters is stored; NUL and broken surrogates are refused before the database", async () => {
    const long = `${unique()} ${"Long report with ünïcödé. ".repeat(40_000)}`.slice(0, 1_000_000);
    const { id } = await captureSource(actors.EDITOR, input(long));
    expect((await db.source.findUniqueOrThrow({ where: { id }, select: { sha256: true } })).sha256).toBe(sha(long));
    await expect(captureSource(actors.EDITOR, input(`${long}x`))).rejects.toMatchObject({ code: "rule" });
    await expect(captureSource(actors.EDITOR, input(`nul \u0000 ${unique()}`))).rejects.toMatchObject({ code: "rule" });
    await expect(captureSource(actors.EDITOR, input(`lone \ud800 ${unique()}`))).rejects.toMatchObject({
      code: "rule",
    });
    await expect(
      addClaim(actors.EDITOR, { sourceId: id, caseCode: CASE, target: "CASE", quote: "Long\u0000" }),
    ).rejects.toMatchObject({ code: "rule" });
  });
});
