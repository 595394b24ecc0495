import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "@/lib/data/case-writes";
import { countCaseComposition, searchCases } from "@/lib/data/case-search";
import { getCaseByCode } from "@/lib/data/cases";
import type { Actor } from "@/lib/auth/permissions";
import { createCaseSchema } from "@/lib/validations/case";
import { filterFromQuery } from "@/lib/validations/case-filter";
import { testDb, unique } from "@/lib/testing/test-database";

/**
 * A group's composition through the real database: its own figures and its recorded individuals roll up
 * into at-least counts, the timeline's "includes" filter finds it by either, and a restricted case
 * counts for no one who may not see it.
 */
const db = testDb();
let editor: NonNullable<Actor>;
const researcher: Actor = { id: "r", email: "r@example.org", name: "R", role: "RESEARCHER" };
const PROVINCE = unique("Comp");
const where = `province=${PROVINCE}`;

async function newCase(extra: Record<string, string>) {
  return createCase(
    editor,
    createCaseSchema.parse({
      title: unique("Composition"),
      country: "CN",
      province: PROVINCE,
      verification: "POSSIBLE",
      priority: "NORMAL",
      visibility: "INTERNAL",
      ...extra,
    }),
  );
}

beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `${unique("editor")}@example.org`, name: "Editor", role: "EDITOR", passwordHash: "x" },
  });
  editor = { id: u.id, email: u.email, name: u.name, role: "EDITOR" };
});
afterAll(() => db.$disconnect());

describe("group composition", () => {
  it("rolls up figures and recorded individuals into at-least counts, and filters by them", async () => {
    const before = await countCaseComposition(researcher, filterFromQuery(where));
    expect(before.women).toEqual({ atLeast: 0, groupsKnown: 0 });

    // A: the source says "three women and two children"; B: no figures, but two recorded girls and one
    // woman whose age range straddles 18 (not counted: the roll-up stays an at-least figure).
    const a = await newCase({
      sizeMin: "10",
      womenMin: "3",
      womenBest: "4",
      childrenMin: "2",
      womenWording: "three women",
    });
    const b = await newCase({ sizeMin: "5" });
    const c = await newCase({ sizeMin: "4", visibility: "RESTRICTED", childrenMin: "4" });
    const bId = (await db.case.findUniqueOrThrow({ where: { code: b.code } })).id;
    await db.person.createMany({
      data: [
        { caseId: bId, alias: "Girl A", sex: "FEMALE", ageMin: 9, ageMax: 10 },
        { caseId: bId, alias: "Girl B", sex: "FEMALE", ageMin: 1, ageMax: 1 },
        { caseId: bId, alias: "Woman C", sex: "FEMALE", ageMin: 17, ageMax: 19 },
        { caseId: bId, alias: "Removed", sex: "FEMALE", ageMin: 30, ageMax: 30, deletedAt: new Date() },
      ],
    });

    const totals = await countCaseComposition(researcher, filterFromQuery(where));
    // The researcher may not see the restricted case C: its four children are not counted.
    expect(totals.women).toEqual({ atLeast: 3, groupsKnown: 1 });
    expect(totals.children).toEqual({ atLeast: 4, groupsKnown: 2 });
    expect(totals.infants).toEqual({ atLeast: 1, groupsKnown: 1 });
    expect(totals.pregnant).toEqual({ atLeast: 0, groupsKnown: 0 });
    // Staff may see restricted cases: C's four children count for them.
    const staff: Actor = { id: "s", email: "s@example.org", name: "S", role: "STAFF" };
    const staffTotals = await countCaseComposition(staff, filterFromQuery(where));
    expect(staffTotals.children).toEqual({ atLeast: 8, groupsKnown: 3 });

    const codes = async (q: string) =>
      (await searchCases(researcher, filterFromQuery(`${where}&${q}`), { sort: "code", page: 1, pageSize: 50 })).items
        .map((r) => r.code)
        .sort();
    expect(await codes("includes=women")).toEqual([a.code]);
    expect(await codes("includes=children")).toEqual([a.code, b.code].sort());
    expect(await codes("includes=children&includes=women")).toEqual([a.code]);
    expect(await codes("includes=elderly")).toEqual([]);

    const page = await getCaseByCode(researcher, b.code);
    expect(page?.composition.map((p) => [p.group, p.min, p.fromPeople])).toEqual([
      ["children", null, 2],
      ["infants", null, 1],
    ]);
    const pageA = await getCaseByCode(researcher, a.code);
    expect(pageA?.composition.find((p) => p.group === "women")).toMatchObject({
      min: 3,
      best: 4,
      wording: "three women",
    });
    expect(c.code).toBeTruthy();
  });
});
