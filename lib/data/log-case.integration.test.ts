import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logCaseInOnePass } from "@/lib/data/log-case";
import { findEarlierCapture } from "@/lib/data/sources";
import { type Actor } from "@/lib/auth/permissions";
import { logCaseSchema } from "@/lib/validations/log-case";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
let editor: NonNullable<Actor>;

beforeAll(async () => {
  editor = await createTestUser(db, "EDITOR");
});
afterAll(() => db.$disconnect());

/** The one-pass form as the page posts it: a pasted report, an arrest and an appeal to a new contact. */
function form(run: string, extra: Record<string, string> = {}) {
  const text = `Report ${run}.\nTen North Koreans were arrested in Shenyang last Wednesday, activists said.`;
  return logCaseSchema.parse({
    title: `Ten caught ${run}`,
    sizeMin: "10",
    sizeWording: "Ten North Koreans",
    sizeQuote: "Ten North Koreans",
    country: "CN",
    province: "Liaoning",
    cityArea: "Shenyang",
    verification: "LIKELY",
    priority: "NORMAL",
    visibility: "INTERNAL",
    "source.outlet": "Test Herald",
    "source.title": `Ten caught ${run}`,
    "source.language": "en",
    "source.publishedAt": "2012-02-14",
    "source.text": text,
    "event.type": "ARRESTED",
    "event.dateEarliest": "2012-02-08",
    "event.precision": "DAY",
    "event.dateWording": "last Wednesday",
    "event.quote": "were arrested in Shenyang last Wednesday",
    "action.add": "yes",
    "contact.name": `Lawmaker ${run}`,
    "contact.kind": "LAWMAKER",
    "action.kind": "APPEAL",
    "action.date": "2012-02-15",
    "action.askedFor": "Ask China not to repatriate them.",
    "action.response": "NO_RESPONSE",
    "action.status": "AWAITING_RESPONSE",
    ...extra,
  });
}

/** Everything this test's editor has written: records and history rows. */
async function written(run: string) {
  return {
    cases: await db.case.count({ where: { title: { contains: run } } }),
    sources: await db.source.count({ where: { title: { contains: run } } }),
    contacts: await db.contact.count({ where: { name: { contains: run } } }),
    history: await db.recordChange.count({ where: { userId: editor.id } }),
  };
}

describe("logCaseInOnePass", () => {
  it("writes the source, the case, its event at the case's place, the passages, the contact and the appeal, each with its history", async () => {
    const run = unique();
    const { code, sourceId } = await logCaseInOnePass(editor, form(run));
    // The code carries the year the group was caught, not the year it was logged.
    expect(code).toMatch(/^CN-2012-\d{4}$/);
    const c = await db.case.findUniqueOrThrow({
      where: { code },
      select: {
        id: true,
        status: true,
        statusManual: true,
        events: { select: { id: true, type: true, province: true, cityArea: true, dateWording: true } },
        claims: { select: { sourceId: true, target: true, field: true, value: true, quote: true, eventId: true } },
        actions: { select: { id: true, kind: true, contact: { select: { id: true, name: true } } } },
      },
    });
    expect(c.status).toBe("REPORTED_DETAINED");
    expect(c.statusManual).toBe(false);
    expect(c.events).toEqual([
      expect.objectContaining({
        type: "ARRESTED",
        province: "Liaoning",
        cityArea: "Shenyang",
        dateWording: "last Wednesday",
      }),
    ]);
    expect(c.claims.every((cl) => cl.sourceId === sourceId)).toBe(true);
    expect(c.claims.map((cl) => [cl.target, cl.field, cl.value]).sort()).toEqual([
      ["EVENT", null, null],
      ["FIELD", "sizeMin", "10"],
      ["FIELD", "status", "REPORTED_DETAINED"],
    ]);
    expect(c.claims.find((cl) => cl.target === "EVENT")?.eventId).toBe(c.events[0].id);
    expect(c.actions).toEqual([
      expect.objectContaining({ kind: "APPEAL", contact: expect.objectContaining({ name: `Lawmaker ${run}` }) }),
    ]);

    const created = await db.recordChange.findMany({
      where: {
        userId: editor.id,
        action: "CREATE",
        entityId: { in: [c.id, sourceId, c.events[0].id, c.actions[0].id, c.actions[0].contact.id] },
      },
      select: { entity: true, reason: true },
    });
    expect([...new Set(created.map((r) => r.entity))].sort()).toEqual([
      "AdvocacyAction",
      "Case",
      "CaseEvent",
      "Contact",
      "Source",
    ]);
    for (const r of created) expect(r.reason).toBe("logged in one pass, with its source");
  });

  it("reuses a picked source and contact; writes nothing at all when one part fails (a contact or source gone since the form was opened, a passage not in the picked text)", async () => {
    const first = unique();
    const { sourceId } = await logCaseInOnePass(editor, form(first));
    const contact = await db.contact.findFirstOrThrow({ where: { name: `Lawmaker ${first}` }, select: { id: true } });

    const run = unique();
    const picked = { "source.id": sourceId, "action.contactId": contact.id, "contact.name": "" };
    const before = await written(run);
    const historyBefore = before.history;

    // The contact was archived after the form was opened: the source, case, event and quotes before it roll back.
    await db.contact.update({ where: { id: contact.id }, data: { deletedAt: new Date() } });
    await expect(logCaseInOnePass(editor, form(run, picked))).rejects.toMatchObject({
      code: "not-found",
      what: "Contact",
    });
    expect(await written(run)).toEqual(before);
    await db.contact.update({ where: { id: contact.id }, data: { deletedAt: null } });

    // A stale source (removed since): nothing is written.
    await expect(
      logCaseInOnePass(editor, form(run, { ...picked, "source.id": "zzzzzzzzzzzzzzzzzzzzzzzzz" })),
    ).rejects.toMatchObject({ code: "not-found", what: "Source" });
    // A passage that is not in the picked source's text (the form only checks pasted texts): nothing is written.
    await expect(
      logCaseInOnePass(editor, form(run, { ...picked, "event.quote": "were released the same day" })),
    ).rejects.toMatchObject({ code: "rule" });
    expect(await written(run)).toEqual({ ...before, history: historyBefore });

    // With the parts in place, the picked source and contact are reused, not copied.
    const { code, sourceId: reused } = await logCaseInOnePass(editor, form(run, picked));
    expect(reused).toBe(sourceId);
    const action = await db.advocacyAction.findFirstOrThrow({ where: { case: { code } }, select: { contactId: true } });
    expect(action.contactId).toBe(contact.id);
    expect(await db.source.count({ where: { title: { contains: first } } })).toBe(1);
  });

  it("refuses a researcher before writing anything", async () => {
    const researcher = await createTestUser(db, "RESEARCHER");
    const run = unique();
    const before = await written(run);
    await expect(logCaseInOnePass(researcher, form(run))).rejects.toMatchObject({ code: "forbidden" });
    expect(await written(run)).toEqual(before);
  });

  it("a text pasted again is found as the earlier capture (even with CRLF line breaks), with the cases it backs", async () => {
    const run = unique();
    const { code } = await logCaseInOnePass(editor, form(run));
    const text = `Report ${run}.\nTen North Koreans were arrested in Shenyang last Wednesday, activists said.`;
    const earlier = await findEarlierCapture(editor, text.replace(/\n/g, "\r\n"));
    expect(earlier).toMatchObject({ title: `Ten caught ${run}`, outlet: "Test Herald" });
    expect(earlier?.cases.map((c) => c.code)).toEqual([code]);
    expect(await findEarlierCapture(editor, `${text} (edited)`)).toBeNull();
    expect(await findEarlierCapture(await createTestUser(db, "RESEARCHER"), text)).toBeNull();
  });
});
