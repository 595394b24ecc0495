import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "@/lib/data/case-writes";
import { addEvent, updateEvent } from "@/lib/data/events";
import { addTerm, listVocabularies, mergeTerms, setTermRetired, updateTerm } from "@/lib/data/vocabularies";
import { searchCases } from "@/lib/data/case-search";
import { getCaseByCode } from "@/lib/data/cases";
import { type Actor } from "@/lib/auth/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { loadKeyring } from "@/lib/crypto/encryption";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";
import { createCaseSchema } from "@/lib/validations/case";
import { addEventSchema, updateEventSchema } from "@/lib/validations/event";
import { addTermSchema } from "@/lib/validations/vocabulary";
import { paramsFromUrl, parseCaseQuery } from "@/lib/validations/case-filter";
import type { Vocabulary } from "@/lib/generated/prisma/enums";

const db = testDb();
let admin: NonNullable<Actor>;
let editor: NonNullable<Actor>;
const researcher: Actor = { id: "r", email: "r@example.org", name: "R", role: "RESEARCHER" };

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: loadKeyring(process.env.RW_ENCRYPTION_KEYS as string) });
  admin = await createTestUser(db, "ADMIN");
  editor = await createTestUser(db, "EDITOR");
});
afterAll(() => db.$disconnect());

async function newTerm(vocabulary: Vocabulary = "HANDOVER_CROSSING") {
  const code = unique("term-");
  const { id } = await addTerm(
    admin,
    addTermSchema.parse({ vocabulary, code, labelEn: `Term ${code}`, labelKo: "용어", definition: "A test term." }),
  );
  return { id, code };
}

async function newCase() {
  const { code } = await createCase(
    editor,
    createCaseSchema.parse({
      title: "Vocabulary case",
      sizeMin: "4",
      country: "CN",
      verification: "POSSIBLE",
      priority: "NORMAL",
      visibility: "INTERNAL",
    }),
  );
  return code;
}

const repatriated = (caseCode: string, crossingId: string) =>
  addEvent(
    editor,
    addEventSchema.parse({ caseCode, type: "REPATRIATED", dateEarliest: "2013-03-01", precision: "DAY", crossingId }),
  );

const crossingFilter = (code: string) => {
  const parsed = parseCaseQuery(paramsFromUrl(new URLSearchParams({ crossing: code })));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
};

describe("vocabulary management is for admins only", () => {
  it("visitors, researchers and editors are refused every change and the list, and nothing is written", async () => {
    const term = await newTerm();
    const before = { terms: await db.vocabularyTerm.count(), changes: await db.recordChange.count() };
    for (const actor of [null, researcher, editor]) {
      await expect(listVocabularies(actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        addTerm(actor, addTermSchema.parse({ vocabulary: "RETURN_OUTCOME", code: unique("x-"), labelEn: "X" })),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        updateTerm(actor, { termId: term.id, version: 1, labelEn: "Renamed", definition: "" }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(mergeTerms(actor, { termId: term.id, intoId: term.id })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(setTermRetired(actor, { termId: term.id, version: 1, retired: true })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect({ terms: await db.vocabularyTerm.count(), changes: await db.recordChange.count() }).toEqual(before);
  });
});

describe("terms on events", () => {
  it("rename and translate change the term everywhere and are in the history", async () => {
    const term = await newTerm();
    await updateTerm(admin, {
      termId: term.id,
      version: 1,
      labelEn: "Renamed crossing",
      labelKo: "새 이름",
      definition: "",
    });
    const row = await db.vocabularyTerm.findUniqueOrThrow({ where: { id: term.id } });
    expect(row).toMatchObject({ labelEn: "Renamed crossing", labelKo: "새 이름", version: 2 });
    const history = await db.recordChange.findMany({ where: { entity: "VocabularyTerm", entityId: term.id } });
    expect(history.map((h) => [h.action, h.field]).filter(([a]) => a === "UPDATE")).toEqual(
      expect.arrayContaining([
        ["UPDATE", "labelEn"],
        ["UPDATE", "labelKo"],
        ["UPDATE", "definition"],
      ]),
    );
  });

  it("a term of another vocabulary, or on an event type it does not describe, is refused", async () => {
    const code = await newCase();
    const facility = await newTerm("DETENTION_FACILITY");
    await expect(repatriated(code, facility.id)).rejects.toMatchObject({ code: "rule" });
    // The schema refuses a crossing on an arrest before the data layer is reached.
    const crossing = await newTerm();
    expect(
      addEventSchema.safeParse({
        caseCode: code,
        type: "ARRESTED",
        dateEarliest: "2013-03-01",
        precision: "DAY",
        crossingId: crossing.id,
      }).success,
    ).toBe(false);
  });

  it("merging moves every use to the kept term, in the cases' history, and old links still find them", async () => {
    const [from, into] = [await newTerm(), await newTerm()];
    const [a, b] = [await newCase(), await newCase()];
    await repatriated(a, from.id);
    await repatriated(a, from.id);
    await repatriated(b, from.id);
    await repatriated(b, into.id);
    const { moved } = await mergeTerms(admin, { termId: from.id, intoId: into.id });
    expect(moved).toBe(3);
    expect(await db.caseEvent.count({ where: { crossingId: from.id } })).toBe(0);
    expect(await db.caseEvent.count({ where: { crossingId: into.id } })).toBe(4);
    expect(await db.vocabularyTerm.findUniqueOrThrow({ where: { id: from.id } })).toMatchObject({
      mergedIntoId: into.id,
      retired: true,
    });
    const moves = await db.recordChange.findMany({
      where: { entity: "CaseEvent", field: "crossingId", oldValue: from.id, newValue: into.id },
    });
    expect(moves).toHaveLength(3);
    expect(moves.every((m) => m.caseId !== null && m.reason?.includes("merged"))).toBe(true);
    // The merged term's code now finds the term it went into; the new term is not offered any more.
    for (const code of [from.code, into.code]) {
      const q = crossingFilter(code);
      const { items } = await searchCases(editor, q.filter, q.listing);
      expect(items.map((i) => i.code).sort()).toEqual([a, b].sort());
    }
    await expect(repatriated(a, from.id)).rejects.toMatchObject({ code: "rule" });
    // Merging it again, or into it, is refused.
    const other = await newTerm();
    await expect(mergeTerms(admin, { termId: from.id, intoId: other.id })).rejects.toMatchObject({ code: "rule" });
    await expect(mergeTerms(admin, { termId: other.id, intoId: from.id })).rejects.toMatchObject({ code: "rule" });
  });

  it("retiring keeps every use and shows it, refuses it for new events, and lets an edit keep it", async () => {
    const term = await newTerm();
    const code = await newCase();
    await repatriated(code, term.id);
    await setTermRetired(admin, { termId: term.id, version: 1, retired: true });
    const c = await getCaseByCode(editor, code);
    const event = c!.events.find((e) => e.crossingId === term.id)!;
    expect(event.crossing).toMatchObject({ code: term.code, retired: true });
    await expect(repatriated(code, term.id)).rejects.toMatchObject({ code: "rule" });
    // An edit that leaves the retired term alone is allowed.
    await updateEvent(
      editor,
      updateEventSchema.parse({
        eventId: event.id,
        version: String(event.version),
        type: "REPATRIATED",
        dateEarliest: "2013-03-01",
        precision: "DAY",
        description: "edited",
        crossingId: term.id,
      }),
    );
    expect(await db.caseEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      crossingId: term.id,
      description: "edited",
    });
    // Brought back, it can be chosen again.
    await setTermRetired(admin, { termId: term.id, version: 2, retired: false });
    await repatriated(code, term.id);
    expect(await db.caseEvent.count({ where: { crossingId: term.id } })).toBe(2);
  });

  it("a merge racing event writes leaves no event on the merged term", async () => {
    for (let trial = 0; trial < 5; trial++) {
      const [from, into] = [await newTerm(), await newTerm()];
      const code = await newCase();
      const results = await Promise.allSettled([
        repatriated(code, from.id),
        mergeTerms(admin, { termId: from.id, intoId: into.id }),
        repatriated(code, from.id),
        repatriated(code, from.id),
      ]);
      expect(results[1].status).toBe("fulfilled");
      const writes = [results[0], results[2], results[3]];
      for (const r of writes)
        if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "rule", message: /merged/ });
      expect(await db.caseEvent.count({ where: { crossingId: from.id } })).toBe(0);
      expect(await db.caseEvent.count({ where: { crossingId: into.id } })).toBe(
        writes.filter((r) => r.status === "fulfilled").length,
      );
    }
  });
});
