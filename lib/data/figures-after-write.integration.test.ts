import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, setCaseArchived } from "@/lib/data/case-writes";
import { addEvent } from "@/lib/data/events";
import { chartCases, countByPlace, listOutlets, searchCases } from "@/lib/data/case-search";
import { getDashboardFigures } from "@/lib/data/dashboard";
import { addClaim, captureSource } from "@/lib/data/sources";
import type { Actor } from "@/lib/auth/permissions";
import { createCaseSchema } from "@/lib/validations/case";
import { filterFromQuery } from "@/lib/validations/case-filter";
import { testDb, unique } from "@/lib/testing/test-database";

/**
 * Whatever the read side keeps cheap (caches, summaries, shortcuts), a reader sees a write at once:
 * the dashboard's key figures, the timeline's totals and chart, the map's places and the outlet
 * suggestions move on the very next read after a case is created, dated, sourced and archived.
 */
const db = testDb();
let editor: NonNullable<Actor>;
const researcher: Actor = { id: "r", email: "r@example.org", name: "R", role: "RESEARCHER" };
const MONTH = "from=1999-07-01&to=1999-07-31";
const PROVINCE = unique("Prov");

async function figures(actor: Actor) {
  const d = await getDashboardFigures(actor);
  const month = await searchCases(actor, filterFromQuery(MONTH), { sort: "date", page: 1, pageSize: 50 });
  const cells = await chartCases(actor, filterFromQuery(MONTH), "month");
  const places = await countByPlace(actor, filterFromQuery(`province=${PROVINCE}`));
  return {
    caught: [d.caught.groups, d.caught.peopleAtLeast, d.caught.peopleBest],
    atRisk: [d.atRisk.groups, d.atRisk.peopleAtLeast],
    repatriated: d.repatriated.groups,
    month: [month.totals.groups, month.totals.peopleAtLeast, month.totals.peopleBest],
    chart: cells.reduce((n, c) => n + c.groups, 0),
    places: places.reduce((n, p) => n + p.groups, 0),
  };
}

beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `${unique("editor")}@example.org`, name: "Editor", role: "EDITOR", passwordHash: "x" },
  });
  editor = { id: u.id, email: u.email, name: u.name, role: "EDITOR" };
});
afterAll(() => db.$disconnect());

describe("figures after a write", () => {
  it("the dashboard, timeline, chart and map show a new case on the next read, and drop it when archived", async () => {
    const before = { researcher: await figures(researcher), visitor: await figures(null) };

    const { code } = await createCase(
      editor,
      createCaseSchema.parse({
        title: "Figures after a write",
        sizeMin: "4",
        sizeBest: "6",
        country: "CN",
        province: PROVINCE,
        verification: "POSSIBLE",
        priority: "NORMAL",
        visibility: "INTERNAL",
      }),
    );
    // Counted at once (status UNKNOWN, no events yet): caught, not at risk, not in July 1999.
    let now = await figures(researcher);
    expect(now.caught).toEqual([
      before.researcher.caught[0] + 1,
      before.researcher.caught[1] + 4,
      before.researcher.caught[2] + 6,
    ]);
    expect(now.atRisk).toEqual(before.researcher.atRisk);
    expect(now.month).toEqual(before.researcher.month);
    expect(now.places).toBe(before.researcher.places + 1);

    await addEvent(editor, {
      caseCode: code,
      type: "ARRESTED",
      dateEarliest: "1999-07-14",
      dateLatest: "1999-07-14",
      precision: "DAY",
      description: "",
    });
    now = await figures(researcher);
    expect(now.atRisk).toEqual([before.researcher.atRisk[0] + 1, before.researcher.atRisk[1] + 4]);
    expect(now.month).toEqual([
      before.researcher.month[0] + 1,
      before.researcher.month[1] + 4,
      before.researcher.month[2] + 6,
    ]);
    expect(now.chart).toBe(before.researcher.chart + 1);
    expect(now.repatriated).toBe(before.researcher.repatriated);
    // An internal case: a visitor's figures do not move.
    expect(await figures(null)).toEqual(before.visitor);

    await setCaseArchived(editor, {
      code,
      version: (await db.case.findUniqueOrThrow({ where: { code } })).version,
      archived: true,
    });
    expect(await figures(researcher)).toEqual(before.researcher);
  });

  it("a new outlet is suggested as soon as a visible case quotes it, and only to those who may see that case", async () => {
    const outlet = unique("Outlet");
    const { code } = await createCase(
      editor,
      createCaseSchema.parse({
        title: "Outlet suggestion",
        sizeMin: "2",
        country: "CN",
        verification: "POSSIBLE",
        priority: "NORMAL",
        visibility: "INTERNAL",
      }),
    );
    expect(await listOutlets(researcher)).not.toContain(outlet);
    const { id: sourceId } = await captureSource(editor, {
      outlet,
      title: "A report",
      language: "en",
      text: `Two people were detained. ${outlet}`,
    });
    // Captured but quoted nowhere: not a suggestion yet.
    expect(await listOutlets(researcher)).not.toContain(outlet);
    await addClaim(editor, { sourceId, caseCode: code, target: "CASE", quote: "Two people were detained." });
    expect(await listOutlets(researcher)).toContain(outlet);
    expect(await listOutlets(null)).not.toContain(outlet);
  });
});
