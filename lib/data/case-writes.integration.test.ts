import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, setCaseArchived, updateCase } from "@/lib/data/case-writes";
import { ConflictError, RuleError } from "@/lib/data/errors";
import { addEvent, derivedStatus, removeEvent, updateEvent } from "@/lib/data/events";
import { ForbiddenError, type Actor } from "@/lib/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { loadKeyring } from "@/lib/crypto";
import { testDb, unique } from "@/lib/testing/test-database";
import { createCaseSchema } from "@/lib/validations/case";

const db = testDb();
let editor: NonNullable<Actor>;
const researcher: Actor = { id: "r", email: "r@example.org", name: "R", role: "RESEARCHER" };
const input = createCaseSchema.parse({ title: "Integration case", sizeMin: "3", country: "CN", province: "Hamgyong", verification: "POSSIBLE", priority: "NORMAL", visibility: "INTERNAL" });

/** Row counts of everything a case mutation could write. */
async function counts() {
  const [cases, events, changes] = await Promise.all([db.case.count(), db.caseEvent.count(), db.recordChange.count()]);
  return { cases, events, changes };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: loadKeyring(process.env.RW_ENCRYPTION_KEYS as string) });
  const u = await db.user.create({ data: { email: `${unique("editor")}@example.org`, name: "Editor", role: "EDITOR", passwordHash: "x" } });
  editor = { id: u.id, email: u.email, name: u.name, role: "EDITOR" };
});
afterAll(() => db.$disconnect());

describe("case and event writes refuse visitors and researchers, writing nothing", () => {
  it("every mutation throws ForbiddenError and the database is unchanged", async () => {
    const { code } = await createCase(editor, input);
    const c = await db.case.findUniqueOrThrow({ where: { code } });
    const before = await counts();
    for (const actor of [null, researcher]) {
      await expect(createCase(actor, input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateCase(actor, { ...input, code, version: c.version, status: "RELEASED" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setCaseArchived(actor, { code, version: c.version, archived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addEvent(actor, { caseCode: code, type: "ARRESTED", dateEarliest: "2012-02-08", dateLatest: "2012-02-08", precision: "DAY", description: "" })).rejects.toBeInstanceOf(ForbiddenError);
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
    await expect(updateCase(editor, { ...input, code, version: 1, status: "UNKNOWN", title: "Stale edit" })).rejects.toBeInstanceOf(ConflictError);
    await expect(updateCase(editor, { ...input, code, version: 2, status: "REPATRIATED", title: "First edit" })).rejects.toBeInstanceOf(RuleError);
    const now = await db.case.findUniqueOrThrow({ where: { code } });
    expect([now.title, now.status, now.version]).toEqual(["First edit", "UNKNOWN", 2]);
  });

  it("events move the derived status and dates; removing one moves them back; all in history", async () => {
    const { code } = await createCase(editor, input);
    await addEvent(editor, { caseCode: code, type: "ARRESTED", dateEarliest: "2012-02-01", dateLatest: "2012-02-29", precision: "MONTH", description: "" });
    await addEvent(editor, { caseCode: code, type: "REPATRIATED", dateEarliest: "2012-03-05", dateLatest: "2012-03-11", precision: "WEEK", description: "" });
    let c = await db.case.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect(c.status).toBe("REPATRIATED");
    expect([c.firstEventEarliest?.toISOString().slice(0, 10), c.lastEventLatest?.toISOString().slice(0, 10)]).toEqual(["2012-02-01", "2012-03-11"]);
    const repatriation = c.events.find((e) => e.type === "REPATRIATED")!;
    await removeEvent(editor, { eventId: repatriation.id, version: repatriation.version });
    c = await db.case.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect(c.status).toBe("REPORTED_DETAINED");
    expect(c.events.find((e) => e.id === repatriation.id)?.deletedAt).not.toBeNull(); // archived, not deleted
    const statusHistory = await db.recordChange.findMany({ where: { caseId: c.id, field: "status" }, orderBy: { id: "asc" } });
    expect(statusHistory.map((h) => `${h.oldValue}→${h.newValue}`)).toEqual(["UNKNOWN→REPORTED_DETAINED", "REPORTED_DETAINED→REPATRIATED", "REPATRIATED→REPORTED_DETAINED"]);
  });

  it("editing an event is version-checked and moves the status; a stale edit changes nothing", async () => {
    const { code } = await createCase(editor, input);
    await addEvent(editor, { caseCode: code, type: "ARRESTED", dateEarliest: "2012-05-02", dateLatest: "2012-05-02", precision: "DAY", description: "" });
    const event = await db.caseEvent.findFirstOrThrow({ where: { case: { code } } });
    const edit = { eventId: event.id, type: "RELEASED" as const, dateEarliest: "2012-05-02", dateLatest: "2012-05-09", precision: "WEEK" as const, description: "" };
    await updateEvent(editor, { ...edit, version: event.version });
    expect((await db.case.findUniqueOrThrow({ where: { code } })).status).toBe("RELEASED");
    const stale = updateEvent(editor, { ...edit, type: "REPATRIATED", version: event.version });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    // The refusal names who saved first, from the event's history ("changed by X at T").
    await expect(stale).rejects.toMatchObject({ changedBy: editor.name });
    await expect(updateEvent(researcher, { ...edit, version: event.version + 1 })).rejects.toBeInstanceOf(ForbiddenError);
    const after = await db.caseEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect([after.type, after.version]).toEqual(["RELEASED", event.version + 1]);
  });

  it("derivedStatus ignores events that imply no status", () => {
    const at = (d: string) => new Date(`${d}T00:00:00Z`);
    expect(derivedStatus([{ type: "APPEAL_MADE", dateLatest: at("2012-03-01"), createdAt: at("2012-03-01") }])).toBeNull();
    expect(derivedStatus([
      { type: "ARRESTED", dateLatest: at("2012-02-08"), createdAt: at("2012-02-08") },
      { type: "APPEAL_MADE", dateLatest: at("2012-03-01"), createdAt: at("2012-03-01") },
    ])).toBe("REPORTED_DETAINED");
  });
});
