import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCaseByCode } from "@/lib/data/cases";
import { streamCases } from "@/lib/data/case-search";
import { filterFromQuery } from "@/lib/validations/case-filter";
import { getDashboardFigures } from "@/lib/data/dashboard";
import { getSourceForActor } from "@/lib/data/sources";
import type { Actor } from "@/lib/auth/permissions";
import { seedDatabase } from "@/prisma/seed/index";
import { keyringFromEnv } from "@/lib/crypto/encryption";
import { testDb, unique, uniqueCaseCode } from "@/lib/testing/test-database";

const db = testDb();
const as = (role: NonNullable<Actor>["role"]): Actor => ({ id: "test", email: "t@example.org", name: "T", role });
const visitor: Actor = null;

let archivedCode: string;
let restrictedCode: string;
let restrictedOnlySourceId: string;

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: keyringFromEnv() });
  archivedCode = uniqueCaseCode();
  restrictedCode = uniqueCaseCode();
  await db.case.create({
    data: {
      code: archivedCode,
      title: "Archived public case",
      sizeMin: 7,
      country: "CN",
      visibility: "PUBLIC",
      deletedAt: new Date(),
    },
  });
  const restricted = await db.case.create({
    data: { code: restrictedCode, title: "Restricted case", sizeMin: 2, country: "CN", visibility: "RESTRICTED" },
  });
  const text = `A report only about a restricted case ${unique()}`;
  const source = await db.source.create({
    data: {
      outlet: "Private note",
      title: "Restricted-only source",
      text,
      sha256: createHash("sha256").update(text).digest("hex"),
    },
  });
  restrictedOnlySourceId = source.id;
  await db.sourceClaim.create({
    data: { sourceId: source.id, caseId: restricted.id, target: "CASE", quote: text.slice(0, 20) },
  });
});
afterAll(() => db.$disconnect());

/** Every case the actor's lists include (synthetic ones too), through the timeline's data layer. */
async function listedCodes(actor: Actor): Promise<string[]> {
  const codes: string[] = [];
  for await (const batch of streamCases(actor, filterFromQuery("data=all")))
    codes.push(...batch.rows.map((c) => c.code));
  return codes;
}

describe("case visibility in the data layer", () => {
  it("visitors see published cases only", async () => {
    const codes = await listedCodes(visitor);
    expect(codes).toEqual(expect.arrayContaining(["CN-2012-0001", "CN-2012-0002", "CN-2012-0003"]));
    expect(codes).not.toContain("SYN-2012-0001");
    expect(codes).not.toContain("SYN-2012-0002");
    expect(codes).not.toContain(restrictedCode);
  });

  it("researchers also see internal cases, not restricted ones", async () => {
    const codes = await listedCodes(as("RESEARCHER"));
    expect(codes).toContain("SYN-2012-0001");
    expect(codes).not.toContain("SYN-2012-0002");
    expect(codes).not.toContain(restrictedCode);
  });

  it("staff and admins see restricted cases", async () => {
    for (const role of ["STAFF", "ADMIN"] as const) {
      const codes = await listedCodes(as(role));
      expect(codes).toContain("SYN-2012-0002");
      expect(codes).toContain(restrictedCode);
    }
  });

  it("archived cases are in nobody's list or detail", async () => {
    expect(await listedCodes(as("ADMIN"))).not.toContain(archivedCode);
    expect(await getCaseByCode(as("ADMIN"), archivedCode)).toBeNull();
  });

  it("a case the actor may not see reads as absent, exactly like a missing one", async () => {
    expect(await getCaseByCode(visitor, "SYN-2012-0001")).toBeNull();
    expect(await getCaseByCode(visitor, "CN-1999-9999")).toBeNull();
    expect(await getCaseByCode(as("RESEARCHER"), "SYN-2012-0001")).not.toBeNull();
  });

  it("advocacy records are left out for visitors and researchers", async () => {
    expect((await getCaseByCode(visitor, "CN-2012-0001"))?.actions).toEqual([]);
    expect((await getCaseByCode(as("RESEARCHER"), "CN-2012-0001"))?.actions).toEqual([]);
    const editorView = await getCaseByCode(as("EDITOR"), "CN-2012-0001");
    // Other test files add actions to this case too: check the seeded one is there.
    expect(editorView?.actions.map((a) => a.contact.name)).toContain("National Human Rights Commission of Korea");
  });

  it("the case detail carries the quote behind the group size", async () => {
    const c = await getCaseByCode(visitor, "CN-2012-0001");
    expect(c?.fieldClaims.sizeMin?.[0].quote).toBe(
      "Two groups of 10 and nine people crossed the border separately and were caught in China last Wednesday.",
    );
    expect(c?.sources).toHaveLength(1);
  });
});

describe("source visibility", () => {
  it("a source that backs only a restricted case is hidden from visitors and researchers", async () => {
    expect(await getSourceForActor(visitor, restrictedOnlySourceId)).toBeNull();
    expect(await getSourceForActor(as("RESEARCHER"), restrictedOnlySourceId)).toBeNull();
    expect(await getSourceForActor(as("STAFF"), restrictedOnlySourceId)).not.toBeNull();
  });

  it("a public source lists only the quotes on cases the actor may see", async () => {
    const report = await db.source.findFirstOrThrow({ where: { outlet: "The Korea Herald" }, select: { id: true } });
    const seen = await getSourceForActor(visitor, report.id);
    expect(seen?.claims.every((c) => c.case.code.startsWith("CN-2012-"))).toBe(true);
  });
});

describe("dashboard figures", () => {
  it("count sourced cases conservatively and leave synthetic ones out", async () => {
    const { caught } = await getDashboardFigures(as("ADMIN"));
    const expected = await db.case.aggregate({
      where: { deletedAt: null, origin: "SOURCED" },
      _sum: { sizeMin: true },
      _count: { _all: true },
    });
    expect(caught.peopleAtLeast).toBe(expected._sum.sizeMin);
    expect(caught.groups).toBe(expected._count._all);
    const visitorView = await getDashboardFigures(visitor);
    expect(visitorView.caught.peopleAtLeast).toBeGreaterThanOrEqual(24);
    expect(visitorView.caught.sources.map((s) => s.outlet)).toContain("The Korea Herald");
  });
});
