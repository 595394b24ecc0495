/**
 * People and contacts in the data layer: who gets them at all, who gets the restricted fields, and
 * that the encrypted columns are not even queried for anyone else.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encryptField, keyringFromEnv, loadKeyring } from "@/lib/crypto/encryption";
import { listContacts } from "@/lib/data/contacts";
import { listPeopleForCase } from "@/lib/data/people";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { testDb, unique, uniqueCaseCode } from "@/lib/testing/test-database";

const db = testDb();
const as = (role: NonNullable<Actor>["role"]): Actor => ({ id: "test", email: "t@example.org", name: "T", role });
const visitor: Actor = null;

// The data layer's client (lib/db/index.ts keeps it on globalThis.prisma), replaced by one that reports
// every SQL statement, so the tests can see which columns a call reads.
const statements: string[] = [];
const logging = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.TEST_DATABASE_URL as string }),
  omit: { user: { passwordHash: true } },
  log: [{ emit: "event", level: "query" }],
});
logging.$on("query", (event) => statements.push(event.query));
const appGlobal = globalThis as unknown as { prisma?: unknown };

const secret = {
  realName: `[Test] Kim ${unique()}`,
  realNameAlt: `[시험] 김 ${unique()}`,
  contactDetails: `[Test] via ${unique()}`,
  contact: `[Test] ${unique()}@example.org`,
};
let restrictedCode: string;
let internalCode: string;
let publicCode: string;
let archivedCaseCode: string;
let contactId: string;
let contactWithoutDetailsId: string;

beforeAll(async () => {
  appGlobal.prisma = logging;
  const keyring = keyringFromEnv();
  const newCase = async (visibility: "PUBLIC" | "INTERNAL" | "RESTRICTED", deletedAt: Date | null = null) => {
    const code = uniqueCaseCode();
    const created = await db.case.create({
      data: { code, title: `People test (${visibility})`, sizeMin: 2, country: "CN", visibility, deletedAt },
    });
    return { code, id: created.id };
  };
  const restricted = await newCase("RESTRICTED");
  const internal = await newCase("INTERNAL");
  const published = await newCase("PUBLIC");
  const archived = await newCase("INTERNAL", new Date());
  [restrictedCode, internalCode, publicCode, archivedCaseCode] = [
    restricted.code,
    internal.code,
    published.code,
    archived.code,
  ];

  await db.person.createMany({
    data: [
      {
        caseId: restricted.id,
        alias: "Woman A",
        sex: "FEMALE",
        ageMin: 30,
        ageMax: 35,
        relation: "Travelling alone",
        realNameEnc: encryptField(keyring, "Person.realNameEnc", secret.realName),
        realNameAltEnc: encryptField(keyring, "Person.realNameAltEnc", secret.realNameAlt),
        contactDetailsEnc: encryptField(keyring, "Person.contactDetailsEnc", secret.contactDetails),
      },
      { caseId: restricted.id, alias: "Man B", sex: "MALE" },
      { caseId: restricted.id, alias: "Archived C", deletedAt: new Date() },
      // Under a key nobody has: reading it for an editor would throw if it were ever decrypted.
      {
        caseId: internal.id,
        alias: "Woman D",
        realNameEnc: encryptField(
          loadKeyring(`key-nobody-has:${Buffer.alloc(32, 7).toString("base64")}`),
          "Person.realNameEnc",
          "x",
        ),
      },
      { caseId: published.id, alias: "Man E" },
      { caseId: archived.id, alias: "Woman F" },
    ],
  });
  contactId = (
    await db.contact.create({
      data: {
        name: `Contact ${unique()}`,
        kind: "NGO",
        contactDetailsEnc: encryptField(keyring, "Contact.contactDetailsEnc", secret.contact),
      },
    })
  ).id;
  contactWithoutDetailsId = (await db.contact.create({ data: { name: `Contact ${unique()}`, kind: "LAWYER" } })).id;
  await db.contact.create({ data: { name: `Archived contact ${unique()}`, kind: "NGO", deletedAt: new Date() } });
});
beforeEach(() => {
  statements.length = 0;
});
afterAll(async () => {
  appGlobal.prisma = undefined;
  await logging.$disconnect();
  await db.$disconnect();
});

/** True when some statement since the test began read `column`; throws when nothing went through the data layer's client. */
function queried(column: string): boolean {
  if (statements.length === 0)
    throw new Error("No statement was logged: is the data layer still on globalThis.prisma?");
  return statements.some((s) => s.includes(`"${column}"`));
}

describe("listPeopleForCase", () => {
  it("gives visitors and researchers nothing, even on a case they can see", async () => {
    expect(await listPeopleForCase(visitor, publicCode)).toEqual([]);
    expect(await listPeopleForCase(as("RESEARCHER"), publicCode)).toEqual([]);
    expect(await listPeopleForCase(as("RESEARCHER"), internalCode)).toEqual([]);
  });

  it("gives editors pseudonymous details only, without querying the encrypted columns", async () => {
    const people = await listPeopleForCase(as("EDITOR"), internalCode);
    expect(people).toEqual([
      {
        id: expect.any(String),
        alias: "Woman D",
        aliasAlt: null,
        sex: "UNKNOWN",
        ageMin: null,
        ageMax: null,
        relation: null,
        restricted: null,
      },
    ]);
    expect(queried("alias")).toBe(true);
    for (const column of ["realNameEnc", "realNameAltEnc", "contactDetailsEnc", "exactAddressEnc"])
      expect(queried(column)).toBe(false);
  });

  it("gives nobody the people of a case they may not see, or of an archived case", async () => {
    expect(await listPeopleForCase(as("EDITOR"), restrictedCode)).toEqual([]);
    expect(await listPeopleForCase(as("ADMIN"), archivedCaseCode)).toEqual([]);
    expect(await listPeopleForCase(as("ADMIN"), "CN-1999-9999")).toEqual([]);
  });

  it("gives staff and admins the decrypted identity, null where nothing was recorded, archived people left out", async () => {
    for (const role of ["STAFF", "ADMIN"] as const) {
      const people = await listPeopleForCase(as(role), restrictedCode);
      expect(people.map((p) => p.alias)).toEqual(["Man B", "Woman A"]);
      expect(people[1]).toMatchObject({
        sex: "FEMALE",
        ageMin: 30,
        ageMax: 35,
        relation: "Travelling alone",
        restricted: {
          realName: secret.realName,
          realNameAlt: secret.realNameAlt,
          contactDetails: secret.contactDetails,
          exactAddress: null,
        },
      });
      expect(people[0].restricted).toEqual({
        realName: null,
        realNameAlt: null,
        contactDetails: null,
        exactAddress: null,
      });
    }
    expect(queried("realNameEnc")).toBe(true);
  });

  it("fails loudly for staff when a stored identity cannot be decrypted", async () => {
    await expect(listPeopleForCase(as("STAFF"), internalCode)).rejects.toThrow(
      'key "key-nobody-has" is not in RW_ENCRYPTION_KEYS',
    );
  });
});

describe("listContacts", () => {
  it("gives visitors and researchers nothing", async () => {
    expect(await listContacts(visitor)).toEqual([]);
    expect(await listContacts(as("RESEARCHER"))).toEqual([]);
  });

  it("gives editors the contacts without details, without querying the encrypted column", async () => {
    const contacts = await listContacts(as("EDITOR"));
    const mine = contacts.find((c) => c.id === contactId);
    expect(mine).toMatchObject({ kind: "NGO", restricted: null });
    expect(contacts.every((c) => c.restricted === null)).toBe(true);
    expect(contacts.some((c) => c.name.startsWith("Archived contact"))).toBe(false);
    expect(queried("name")).toBe(true);
    expect(queried("contactDetailsEnc")).toBe(false);
  });

  it("gives staff and admins the decrypted details", async () => {
    for (const role of ["STAFF", "ADMIN"] as const) {
      const contacts = await listContacts(as(role));
      expect(contacts.find((c) => c.id === contactId)?.restricted).toEqual({ contactDetails: secret.contact });
      expect(contacts.find((c) => c.id === contactWithoutDetailsId)?.restricted).toEqual({ contactDetails: null });
    }
  });
});
