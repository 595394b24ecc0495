import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdvocacyAction, listFollowUps, updateAdvocacyAction } from "@/lib/data/advocacy";
import { archiveContact, createContact, getContact, listContacts, updateContact } from "@/lib/data/contacts";
import { type Actor } from "@/lib/auth/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { keyringFromEnv } from "@/lib/crypto/encryption";
import { createAdvocacySchema } from "@/lib/validations/advocacy";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
const actors = {} as Record<"RESEARCHER" | "EDITOR" | "STAFF", NonNullable<Actor>>;
let contactId: string;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
function action(overrides: Record<string, string> = {}) {
  const { caseCode: _, ...fields } = createAdvocacySchema.parse({
    caseCode: "CN-2012-0001",
    contactId,
    kind: "APPEAL",
    date: "2030-01-01",
    askedFor: `Ask ${unique()}`,
    response: "NO_RESPONSE",
    status: "SENT",
    followUpDue: "2030-01-10",
    ...overrides,
  });
  void _;
  return fields;
}
const ids = (list: { id: string }[]) => list.map((a) => a.id);

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: keyringFromEnv() });
  for (const role of ["RESEARCHER", "EDITOR", "STAFF"] as const) {
    const u = await db.user.create({
      data: {
        email: `${unique(role.toLowerCase())}@example.org`,
        name: `${role} ${unique()}`,
        role,
        passwordHash: "x",
      },
    });
    actors[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  contactId = (
    await createContact(actors.STAFF, {
      name: `MP ${unique()}`,
      kind: "LAWMAKER",
      organisation: "National Assembly",
      role: null,
      country: "KR",
      notes: "",
      contactDetails: "mp@example.org",
    })
  ).id;
});
afterAll(() => db.$disconnect());

describe("advocacy actions and follow-ups", () => {
  it("a new action is due this week or overdue depending on today; closed ones are never listed", async () => {
    const { id } = await createAdvocacyAction(actors.EDITOR, "CN-2012-0001", action());
    const { id: closedId } = await createAdvocacyAction(
      actors.EDITOR,
      "CN-2012-0001",
      action({ status: "CLOSED", followUpDue: "2030-01-05" }),
    );

    const before = await listFollowUps(actors.EDITOR, day("2030-01-05"));
    expect(ids(before.dueSoon)).toContain(id);
    expect(ids(before.overdue)).not.toContain(id);

    const tooEarly = await listFollowUps(actors.EDITOR, day("2030-01-01"));
    expect(ids([...tooEarly.dueSoon, ...tooEarly.overdue])).not.toContain(id); // 9 days ahead: not yet

    const after = await listFollowUps(actors.STAFF, day("2030-01-11"));
    expect(ids(after.overdue)).toContain(id);
    expect(ids(after.dueSoon)).not.toContain(id);

    for (const today of ["2030-01-01", "2030-01-05", "2030-02-01"]) {
      const list = await listFollowUps(actors.STAFF, day(today));
      expect(ids([...list.overdue, ...list.dueSoon])).not.toContain(closedId);
    }

    // History rows in the same transaction, with the case.
    const history = await db.recordChange.findMany({ where: { entity: "AdvocacyAction", entityId: id } });
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.action === "CREATE" && h.caseId !== null)).toBe(true);
    expect(history.find((h) => h.field === "followUpDue")?.newValue).toBe("2030-01-10");
  });

  it("an action on a restricted case is listed only for those who can see the case", async () => {
    const { id } = await createAdvocacyAction(actors.STAFF, "SYN-2012-0002", action());
    expect(ids((await listFollowUps(actors.STAFF, day("2030-01-05"))).dueSoon)).toContain(id);
    expect(ids((await listFollowUps(actors.EDITOR, day("2030-01-05"))).dueSoon)).not.toContain(id);
  });

  it("a stale version is refused and nothing changes; closing removes it from follow-ups", async () => {
    const { id } = await createAdvocacyAction(actors.EDITOR, "CN-2012-0001", action());
    await updateAdvocacyAction(actors.STAFF, { id, version: 1, ...action({ status: "AWAITING_RESPONSE" }) });
    const stale = updateAdvocacyAction(actors.EDITOR, { id, version: 1, ...action({ askedFor: "Overwrite" }) });
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    await expect(stale).rejects.toMatchObject({ changedBy: actors.STAFF.name });
    const row = await db.advocacyAction.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(2);
    expect(row.status).toBe("AWAITING_RESPONSE");
    expect(row.askedFor).not.toBe("Overwrite");
    expect(
      await db.recordChange.count({ where: { entity: "AdvocacyAction", entityId: id, action: "UPDATE" } }),
    ).toBeGreaterThan(0);

    await updateAdvocacyAction(actors.EDITOR, { id, version: 2, ...action({ status: "CLOSED" }) });
    expect(ids((await listFollowUps(actors.EDITOR, day("2030-02-01"))).overdue)).not.toContain(id);
  });

  it("researchers and visitors are refused and nothing is written", async () => {
    const count = await db.advocacyAction.count();
    const changes = await db.recordChange.count();
    for (const actor of [actors.RESEARCHER, null]) {
      await expect(createAdvocacyAction(actor, "CN-2012-0001", action())).rejects.toMatchObject({ code: "forbidden" });
      expect(await listFollowUps(actor, day("2030-01-05"))).toEqual({ overdue: [], dueSoon: [] });
      await expect(
        createContact(actor, { name: "X", kind: "NGO", organisation: null, role: null, country: null, notes: "" }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        updateContact(actor, {
          id: contactId,
          version: 1,
          name: "X",
          kind: "NGO",
          organisation: null,
          role: null,
          country: null,
          notes: "",
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(archiveContact(actor, { id: contactId, version: 1 })).rejects.toMatchObject({ code: "forbidden" });
      expect(await listContacts(actor)).toEqual([]);
    }
    expect(await db.advocacyAction.count()).toBe(count);
    expect(await db.recordChange.count()).toBe(changes);
  });
});

describe("contacts", () => {
  it("contact details are stored encrypted, shown to staff only, and never written to history", async () => {
    const raw = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(raw.contactDetailsEnc).toMatch(/^enc:v1:/);
    expect((await getContact(actors.STAFF, contactId))?.restricted?.contactDetails).toBe("mp@example.org");
    expect((await getContact(actors.EDITOR, contactId))?.restricted).toBeNull();
    expect((await listContacts(actors.EDITOR)).find((c) => c.id === contactId)?.restricted).toBeNull();
    expect(JSON.stringify(await getContact(actors.EDITOR, contactId))).not.toContain("enc:v1:");
    const history = await db.recordChange.findMany({ where: { entity: "Contact", entityId: contactId } });
    expect(history.length).toBeGreaterThan(0);
    expect(JSON.stringify(history.map((h) => [h.oldValue, h.newValue]))).not.toContain("mp@example.org");
  });

  it("editors may create and edit contacts but cannot set the restricted details", async () => {
    const { id } = await createContact(actors.EDITOR, {
      name: `NGO ${unique()}`,
      kind: "NGO",
      organisation: null,
      role: null,
      country: null,
      notes: "",
      contactDetails: "editor@example.org",
    });
    expect((await db.contact.findUniqueOrThrow({ where: { id } })).contactDetailsEnc).toBeNull();
    await updateContact(actors.EDITOR, {
      id: contactId,
      version: 1,
      name: "Renamed MP",
      kind: "LAWMAKER",
      organisation: "National Assembly",
      role: null,
      country: "KR",
      notes: "",
      contactDetails: "",
    });
    const raw = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(raw.name).toBe("Renamed MP");
    expect(raw.contactDetailsEnc).toMatch(/^enc:v1:/); // untouched by an editor's empty field
  });

  it("a stale contact edit is refused; archiving hides the contact and keeps the row", async () => {
    const { id } = await createContact(actors.STAFF, {
      name: `UN ${unique()}`,
      kind: "UN_BODY",
      organisation: null,
      role: null,
      country: null,
      notes: "",
    });
    await updateContact(actors.STAFF, {
      id,
      version: 1,
      name: "First",
      kind: "UN_BODY",
      organisation: null,
      role: null,
      country: null,
      notes: "",
    });
    await expect(
      updateContact(actors.EDITOR, {
        id,
        version: 1,
        name: "Second",
        kind: "UN_BODY",
        organisation: null,
        role: null,
        country: null,
        notes: "",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await db.contact.findUniqueOrThrow({ where: { id } })).name).toBe("First");
    await expect(archiveContact(actors.EDITOR, { id, version: 1 })).rejects.toMatchObject({ code: "conflict" });
    await archiveContact(actors.EDITOR, { id, version: 2 });
    expect((await db.contact.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect(ids(await listContacts(actors.STAFF))).not.toContain(id);
    expect(await db.recordChange.count({ where: { entity: "Contact", entityId: id, action: "ARCHIVE" } })).toBe(1);
  });
});
