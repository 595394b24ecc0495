import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, setCaseArchived, updateCase } from "@/lib/data/case-writes";
import { DataError } from "@/lib/data/errors";
import { addEvent, derivedStatus, listArchivedEvents, removeEvent, restoreEvent, updateEvent } from "@/lib/data/events";
import { EVENT_TYPES } from "@/lib/validations/event";
import { type Actor } from "@/lib/auth/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { loadKeyring } from "@/lib/crypto/encryption";
import { testDb, unique } from "@/lib/testing/test-database";
import { createCaseSchema } from "@/lib/validations/case";
import { addEventSchema, recordWhatHappenedSchema } from "@/lib/validations/event";
import { searchCases } from "@/lib/data/case-search";
import { recordWhatHappened } from "@/lib/data/what-happened";
import { createHash } from "node:crypto";
import { paramsFromUrl, parseCaseQuery } from "@/lib/validations/case-filter";

const db = testDb();
let editor: NonNullable<Actor>;
const researcher: Actor = { id: "r", email: "r@example.org", name: "R", role: "RESEARCHER" };
const input = createCaseSchema.parse({
  title: "Integration case",
  sizeMin: "3",
  country: "CN",
  province: "Hamgyong",
  verification: "POSSIBLE",
  priority: "NORMAL",
  visibility: "INTERNAL",
});

/** Row counts of everything a case mutation could write. */
async function counts() {
  const [cases, events, changes] = await Promise.all([db.case.count(), db.caseEvent.count(), db.recordChange.count()]);
  return { cases, events, changes };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: loadKeyring(process.env.RW_ENCRYPTION_KEYS as string) });
  const u = await db.user.create({
    data: { email: `${unique("editor")}@example.org`, name: "Editor", role: "EDITOR", passwordHash: "x" },
  });
  editor = { id: u.id, email: u.email, name: u.name, role: "EDITOR" };
});
afterAll(() => db.$disconnect());

describe("case and event writes refuse visitors and researchers, writing nothing", () => {
  it("every mutation throws ForbiddenError and the database is unchanged", async () => {
    const { code } = await createCase(editor, input);
    const c = await db.case.findUniqueOrThrow({ where: { code } });
    const before = await counts();
    for (const actor of [null, researcher]) {
      await expect(createCase(actor, input)).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateCase(actor, { ...input, code, version: c.version, status: "RELEASED" })).rejects.toMatchObject(
        { code: "forbidden" },
      );
      await expect(setCaseArchived(actor, { code, version: c.version, archived: true })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(
        addEvent(actor, {
          caseCode: code,
          type: "ARRESTED",
          dateEarliest: "2012-02-08",
          dateLatest: "2012-02-08",
          precision: "DAY",
          description: "",
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await counts()).toEqual(before);
    expect((await db.case.findUniqueOrThrow({ where: { code } })).version).toBe(c.version);
  });
});

describe("case writes", () => {
  it("assigns consecutive codes per country and year", async () => {
    const a = await createCase(editor, input, new Date("2030-06-01T00:00:00Z"));
    const b = await createCase(editor, input, new Date("2030-06-02T00:00:00Z"));
    expect(Number(b.code.slice(-4)) - Number(a.code.slice(-4))).toBe(1);
    expect(a.code).toMatch(/^CN-2030-\d{4}$/);
  });

  it("refuses a stale version and a status change without a reason, changing nothing", async () => {
    const { code } = await createCase(editor, input);
    await updateCase(editor, { ...input, code, version: 1, status: "UNKNOWN", title: "First edit" });
    await expect(
      updateCase(editor, { ...input, code, version: 1, status: "UNKNOWN", title: "Stale edit" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      updateCase(editor, { ...input, code, version: 2, status: "REPATRIATED", title: "First edit" }),
    ).rejects.toMatchObject({ code: "rule", message: "Give a reason for changing the status." });
    const now = await db.case.findUniqueOrThrow({ where: { code } });
    expect([now.title, now.status, now.version]).toEqual(["First edit", "UNKNOWN", 2]);
  });

  it("events move the derived status and dates; removing one moves them back; all in history", async () => {
    const { code } = await createCase(editor, input);
    await addEvent(editor, {
      caseCode: code,
      type: "ARRESTED",
      dateEarliest: "2012-02-01",
      dateLatest: "2012-02-29",
      precision: "MONTH",
      description: "",
    });
    await addEvent(editor, {
      caseCode: code,
      type: "REPATRIATED",
      dateEarliest: "2012-03-05",
      dateLatest: "2012-03-11",
      precision: "WEEK",
      description: "",
    });
    let c = await db.case.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect(c.status).toBe("REPATRIATED");
    expect([c.firstEventEarliest?.toISOString().slice(0, 10), c.lastEventLatest?.toISOString().slice(0, 10)]).toEqual([
      "2012-02-01",
      "2012-03-11",
    ]);
    const repatriation = c.events.find((e) => e.type === "REPATRIATED")!;
    await removeEvent(editor, { eventId: repatriation.id, version: repatriation.version, reason: "Wrong group" });
    c = await db.case.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect(c.status).toBe("REPORTED_DETAINED");
    expect(c.events.find((e) => e.id === repatriation.id)?.deletedAt).not.toBeNull(); // archived, not deleted
    const statusHistory = await db.recordChange.findMany({
      where: { caseId: c.id, field: "status" },
      orderBy: { id: "asc" },
    });
    expect(statusHistory.map((h) => `${h.oldValue}→${h.newValue}`)).toEqual([
      "UNKNOWN→REPORTED_DETAINED",
      "REPORTED_DETAINED→REPATRIATED",
      "REPATRIATED→REPORTED_DETAINED",
    ]);
  });

  it("removing an event needs a reason, kept in history; a removed event is listed and can be restored", async () => {
    const { code } = await createCase(editor, input);
    for (const [type, day] of [
      ["ARRESTED", "2012-05-01"],
      ["RELEASED", "2012-06-01"],
    ] as const)
      await addEvent(editor, {
        caseCode: code,
        type,
        dateEarliest: day,
        dateLatest: day,
        precision: "DAY",
        description: "",
      });
    const c = await db.case.findUniqueOrThrow({ where: { code }, include: { events: true } });
    const event = c.events.find((e) => e.type === "RELEASED")!;
    await expect(removeEvent(editor, { eventId: event.id, version: event.version, reason: " " })).rejects.toMatchObject(
      { code: "rule" },
    );
    expect((await db.caseEvent.findUniqueOrThrow({ where: { id: event.id } })).deletedAt).toBeNull();
    await removeEvent(editor, { eventId: event.id, version: event.version, reason: "Entered twice" });
    expect((await db.case.findUniqueOrThrow({ where: { code } })).status).toBe("REPORTED_DETAINED");
    const archived = await listArchivedEvents(editor, c.id);
    expect(archived.map((e) => [e.id, e.reason, e.removedBy])).toEqual([[event.id, "Entered twice", editor.name]]);
    expect(await listArchivedEvents(researcher, c.id)).toEqual([]);
    await expect(restoreEvent(researcher, { eventId: event.id, version: archived[0].version })).rejects.toMatchObject({
      code: "forbidden",
    });
    await restoreEvent(editor, { eventId: event.id, version: archived[0].version });
    expect((await db.case.findUniqueOrThrow({ where: { code } })).status).toBe("RELEASED");
    expect(await listArchivedEvents(editor, c.id)).toEqual([]);
    // Restoring twice from the same page finds nothing archived to restore.
    await expect(restoreEvent(editor, { eventId: event.id, version: archived[0].version })).rejects.toMatchObject({
      code: "not-found",
    });
    const history = await db.recordChange.findMany({
      where: { entity: "CaseEvent", entityId: event.id, action: { in: ["ARCHIVE", "RESTORE"] } },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => [h.action, h.reason])).toEqual([
      ["ARCHIVE", "Entered twice"],
      ["RESTORE", null],
    ]);
  });

  it("editing an event is version-checked and moves the status; a stale edit changes nothing", async () => {
    const { code } = await createCase(editor, input);
    await addEvent(editor, {
      caseCode: code,
      type: "ARRESTED",
      dateEarliest: "2012-05-02",
      dateLatest: "2012-05-02",
      precision: "DAY",
      description: "",
    });
    const event = await db.caseEvent.findFirstOrThrow({ where: { case: { code } } });
    const edit = {
      eventId: event.id,
      type: "RELEASED" as const,
      dateEarliest: "2012-05-02",
      dateLatest: "2012-05-09",
      precision: "WEEK" as const,
      description: "",
    };
    await updateEvent(editor, { ...edit, version: event.version });
    expect((await db.case.findUniqueOrThrow({ where: { code } })).status).toBe("RELEASED");
    const stale = updateEvent(editor, { ...edit, type: "REPATRIATED", version: event.version });
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    // The refusal names who saved first, from the event's history ("changed by X at T").
    await expect(stale).rejects.toMatchObject({ changedBy: editor.name });
    await expect(updateEvent(researcher, { ...edit, version: event.version + 1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    const after = await db.caseEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect([after.type, after.version]).toEqual(["RELEASED", event.version + 1]);
  });

  it("derivedStatus ignores events that imply no status", () => {
    const at = (d: string) => new Date(`${d}T00:00:00Z`);
    expect(
      derivedStatus([{ type: "APPEAL_MADE", dateLatest: at("2012-03-01"), createdAt: at("2012-03-01") }]),
    ).toBeNull();
    expect(
      derivedStatus([
        { type: "ARRESTED", dateLatest: at("2012-02-08"), createdAt: at("2012-02-08") },
        { type: "APPEAL_MADE", dateLatest: at("2012-03-01"), createdAt: at("2012-03-01") },
      ]),
    ).toBe("REPORTED_DETAINED");
  });
});

describe("an event's precision decides its range", () => {
  /** The codes of the cases a timeline query string finds for the editor. */
  async function found(qs: string): Promise<string[]> {
    const parsed = parseCaseQuery(paramsFromUrl(new URLSearchParams(`pageSize=100&${qs}`)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { items } = await searchCases(editor, parsed.filter, parsed.listing);
    return items.map((c) => c.code);
  }

  it("an event in March 2013 given only its start covers the month, and a filter for late March finds it", async () => {
    const tag = unique("month");
    const { code } = await createCase(editor, createCaseSchema.parse({ ...input, tags: tag }));
    // What the event form sends when the latest date is left empty.
    await addEvent(
      editor,
      addEventSchema.parse({
        caseCode: code,
        type: "ARRESTED",
        dateEarliest: "2013-03-01",
        dateLatest: "",
        precision: "MONTH",
        dateWording: "in March 2013",
        description: "",
      }),
    );
    const event = await db.caseEvent.findFirstOrThrow({ where: { case: { code } } });
    expect(event.dateLatest.toISOString().slice(0, 10)).toBe("2013-03-31");
    const c = await db.case.findUniqueOrThrow({ where: { code } });
    expect(c.lastEventLatest?.toISOString().slice(0, 10)).toBe("2013-03-31");
    expect(await found(`tag=${tag}&from=2013-03-20&to=2013-03-25`)).toEqual([code]);
    expect(await found(`tag=${tag}&from=2013-04-01`)).toEqual([]);
  });
});

describe("derived fields under concurrent writers", () => {
  const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

  /** What the case's derived fields must be, recomputed from its events as they are now. */
  async function recomputed(code: string) {
    const c = await db.case.findUniqueOrThrow({ where: { code }, include: { events: { where: { deletedAt: null } } } });
    const first = c.events.length ? new Date(Math.min(...c.events.map((e) => e.dateEarliest.getTime()))) : null;
    const last = c.events.length ? new Date(Math.max(...c.events.map((e) => e.dateLatest.getTime()))) : null;
    return {
      stored: { first: iso(c.firstEventEarliest), last: iso(c.lastEventLatest), status: c.status },
      expected: {
        first: iso(first),
        last: iso(last),
        status: c.statusManual ? c.status : (derivedStatus(c.events) ?? "UNKNOWN"),
      },
    };
  }

  it(
    "50 parallel event writes of mixed dates leave the date span and status equal to a recomputation, in each of 20 trials",
    { timeout: 240_000 },
    async () => {
      const mismatches: string[] = [];
      for (let trial = 0; trial < 20; trial++) {
        const { code } = await createCase(editor, input);
        // A few events to edit and remove while others are being added.
        for (const day of ["2010-01-10", "2010-06-15", "2011-03-03"]) {
          await addEvent(editor, {
            caseCode: code,
            type: "DETAINED",
            dateEarliest: day,
            dateLatest: day,
            precision: "DAY",
            description: "",
          });
        }
        const existing = await db.caseEvent.findMany({ where: { case: { code } } });
        const writes = Array.from({ length: 50 }, (_, i) => {
          const year = 2000 + ((i * 7 + trial) % 25);
          const month = String(1 + ((i * 5 + trial) % 12)).padStart(2, "0");
          const type = EVENT_TYPES[(i + trial) % EVENT_TYPES.length];
          if (i % 10 === 3) {
            const target = existing[i % existing.length];
            return updateEvent(editor, {
              eventId: target.id,
              version: target.version,
              type,
              dateEarliest: `${year}-${month}-01`,
              dateLatest: `${year}-${month}-28`,
              precision: "MONTH",
              description: "",
            });
          }
          if (i % 17 === 5)
            return removeEvent(editor, {
              eventId: existing[i % existing.length].id,
              version: existing[i % existing.length].version,
              reason: "Duplicate",
            });
          return addEvent(editor, {
            caseCode: code,
            type,
            dateEarliest: `${year}-${month}-01`,
            dateLatest: `${year}-${month}-${i % 2 ? "01" : "20"}`,
            precision: i % 2 ? "DAY" : "MONTH",
            description: "",
          });
        });
        const results = await Promise.allSettled(writes);
        // Only version conflicts on the shared events may be refused.
        for (const r of results)
          if (r.status === "rejected" && !(r.reason instanceof DataError && r.reason.code === "conflict"))
            throw r.reason;
        const { stored, expected } = await recomputed(code);
        if (JSON.stringify(stored) !== JSON.stringify(expected))
          mismatches.push(
            `trial ${trial} ${code}: stored ${JSON.stringify(stored)}, recomputed ${JSON.stringify(expected)}`,
          );
      }
      expect(mismatches).toEqual([]);
    },
  );

  it("a status set through the edit form is marked as set by hand, leaves no event behind and holds until an event is recorded with its source", async () => {
    const { code } = await createCase(editor, input);
    await addEvent(editor, {
      caseCode: code,
      type: "ARRESTED",
      dateEarliest: "2012-02-08",
      dateLatest: "2012-02-08",
      precision: "DAY",
      description: "",
    });
    const c = await db.case.findUniqueOrThrow({ where: { code } });
    await updateCase(editor, {
      ...input,
      code,
      version: c.version,
      status: "RELEASED",
      reason: "Family confirmed by phone",
    });
    const after = await recomputed(code);
    // Before issue 13 this left an OTHER event dated today; now the dates stay the events' own.
    expect(after.stored).toEqual({ first: "2012-02-08", last: "2012-02-08", status: "RELEASED" });
    const byHand = await db.case.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect([byHand.statusManual, byHand.events.length]).toEqual([true, 1]);
    // Another event does not move a status set by hand.
    await addEvent(editor, {
      caseCode: code,
      type: "TRANSFERRED",
      dateEarliest: "2012-03-01",
      dateLatest: "2012-03-01",
      precision: "DAY",
      description: "",
    });
    expect((await db.case.findUniqueOrThrow({ where: { code } })).status).toBe("RELEASED");
    // What happened, recorded with its source, takes over: the status follows it and is sourced.
    const text = `Report ${unique("r")}: the family was repatriated in late April 2013, handed over at a crossing.`;
    const source = await db.source.create({
      data: { outlet: "Test Wire", title: "Report", text, sha256: createHash("sha256").update(text).digest("hex") },
    });
    const passage = "repatriated in late April 2013, handed over at a crossing";
    await recordWhatHappened(
      editor,
      recordWhatHappenedSchema.parse({
        caseCode: code,
        type: "REPATRIATED",
        dateEarliest: "2013-04-20",
        dateLatest: "2013-04-30",
        precision: "WEEK",
        dateWording: "late April 2013",
        description: "",
        cityArea: "Tumen",
        sourceId: source.id,
        quote: passage,
      }),
    );
    const recorded = await db.case.findUniqueOrThrow({
      where: { code },
      include: { claims: true, events: { where: { type: "REPATRIATED" } } },
    });
    expect([recorded.status, recorded.statusManual]).toEqual(["REPATRIATED", false]);
    expect(recorded.claims.map((q) => [q.target, q.field, q.value, q.quote]).sort()).toEqual([
      ["EVENT", null, null, passage],
      ["FIELD", "status", "REPATRIATED", passage],
    ]);
    expect(recorded.claims.find((q) => q.target === "EVENT")?.eventId).toBe(recorded.events[0].id);
    await expect(
      recordWhatHappened(
        editor,
        recordWhatHappenedSchema.parse({
          caseCode: code,
          type: "RELEASED",
          dateEarliest: "2013-05-01",
          precision: "DAY",
          description: "",
          sourceId: source.id,
          quote: "released on 1 May",
        }),
      ),
    ).rejects.toMatchObject({ code: "rule" });
  });
});
