import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCaseVisibility } from "@/lib/data/case-writes";
import { getCaseByCode } from "@/lib/data/cases";
import type { Actor } from "@/lib/auth/permissions";
import { createTestUser, testDb, uniqueCaseCode } from "@/lib/testing/test-database";

const db = testDb();
let staff: NonNullable<Actor>;
let editor: NonNullable<Actor>;
const researcher: Actor = { id: "r", email: "r@example.org", name: "R", role: "RESEARCHER" };

beforeAll(async () => {
  staff = await createTestUser(db, "STAFF");
  editor = await createTestUser(db, "EDITOR");
});
afterAll(() => db.$disconnect());

async function makeCase(visibility: "INTERNAL" | "RESTRICTED") {
  const code = uniqueCaseCode();
  await db.case.create({
    data: { code, title: `A ${visibility.toLowerCase()} case`, sizeMin: 3, country: "CN", visibility },
  });
  return code;
}

const version = async (code: string) => (await db.case.findUniqueOrThrow({ where: { code } })).version;

describe("publishing and unpublishing", () => {
  it("a restricted case is published only with an explicit confirmation, and unpublishing returns it to restricted", async () => {
    const code = await makeCase("RESTRICTED");
    const before = await db.recordChange.count();
    await expect(setCaseVisibility(staff, { code, intent: "publish", version: 1 })).rejects.toMatchObject({
      code: "rule",
    });
    expect((await db.case.findUniqueOrThrow({ where: { code } })).visibility).toBe("RESTRICTED");
    expect(await db.recordChange.count()).toBe(before);

    expect(
      await setCaseVisibility(staff, {
        code,
        intent: "publish",
        version: 1,
        confirmRestricted: "yes",
        reason: "Family consented",
      }),
    ).toEqual({ visibility: "PUBLIC" });
    expect(await getCaseByCode(null, code)).not.toBeNull();

    expect(await setCaseVisibility(staff, { code, intent: "unpublish", version: await version(code) })).toEqual({
      visibility: "RESTRICTED",
    });
    expect(await getCaseByCode(null, code)).toBeNull();
    expect(await getCaseByCode(researcher, code)).toBeNull();
    expect(await getCaseByCode(editor, code)).toBeNull();

    const history = await db.recordChange.findMany({
      where: { caseId: (await db.case.findUniqueOrThrow({ where: { code } })).id, field: "visibility" },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => `${h.oldValue}→${h.newValue}`)).toEqual(["RESTRICTED→PUBLIC", "PUBLIC→RESTRICTED"]);
    expect(history[0].reason).toBe("Family consented");
  });

  it("an internal case goes back to internal; a stale version is refused", async () => {
    const code = await makeCase("INTERNAL");
    await setCaseVisibility(editor, { code, intent: "publish", version: 1 });
    await expect(setCaseVisibility(editor, { code, intent: "unpublish", version: 1 })).rejects.toMatchObject({
      code: "conflict",
    });
    await setCaseVisibility(editor, { code, intent: "unpublish", version: 2 });
    const c = await db.case.findUniqueOrThrow({ where: { code } });
    expect([c.visibility, c.visibilityBeforePublish]).toEqual(["INTERNAL", null]);
    expect(await getCaseByCode(researcher, code)).not.toBeNull();
  });
});
