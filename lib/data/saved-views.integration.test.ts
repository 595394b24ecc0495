import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSavedView, listSavedViews, saveView } from "@/lib/data/saved-views";
import { type Actor } from "@/lib/auth/permissions";
import { MAX_SAVED_VIEWS, saveViewSchema } from "@/lib/validations/saved-view";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";

const db = testDb();

let researcher: NonNullable<Actor>;
let other: NonNullable<Actor>;

beforeAll(async () => {
  researcher = await createTestUser(db, "RESEARCHER");
  other = await createTestUser(db, "EDITOR");
});
afterAll(() => db.$disconnect());

describe("saved views", () => {
  it("stores the query in canonical form: fixed order, full dates, defaults and paging left out", async () => {
    const name = `February ${unique()}`;
    const saved = await saveView(researcher, {
      name,
      query:
        "?to=2012-02&page=3&status=REPATRIATED&from=2012-02&sort=date&exact=0&status=AT_RISK_OF_REPATRIATION&unknown=x",
    });
    expect(saved.replaced).toBe(false);
    expect(saved.query).toBe("from=2012-02-01&to=2012-02-29&status=REPATRIATED&status=AT_RISK_OF_REPATRIATION");
    const row = await db.savedView.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ userId: researcher.id, name, query: saved.query });

    // A sort other than the default is kept.
    expect((await saveView(researcher, { name: `${name} by size`, query: "sort=-size&country=cn" })).query).toBe(
      "country=CN&sort=-size",
    );
    // The chart step is kept: a view saved per month opens per month.
    expect((await saveView(researcher, { name: `${name} per month`, query: "by=month&from=2012" })).query).toBe(
      "from=2012-01-01&by=month",
    );
    // No filters at all: the whole timeline.
    expect((await saveView(researcher, { name: `${name} all`, query: "" })).query).toBe("");
  });

  it("saving under an existing name replaces that view's query", async () => {
    const name = `Replace ${unique()}`;
    const first = await saveView(researcher, { name, query: "from=2012" });
    const second = await saveView(researcher, { name, query: "from=2011" });
    expect(second).toEqual({ id: first.id, query: "from=2011-01-01", replaced: true });
    expect((await listSavedViews(researcher)).filter((v) => v.name === name)).toHaveLength(1);
    // The same name for another user is another view.
    const theirs = await saveView(other, { name, query: "from=2010" });
    expect(theirs.replaced).toBe(false);
    expect(theirs.id).not.toBe(first.id);
  });

  it("a query that does not parse is refused, naming the parameter, and nothing is saved", async () => {
    const name = `Bad ${unique()}`;
    await expect(saveView(researcher, { name, query: "from=February" })).rejects.toMatchObject({ code: "rule" });
    await expect(saveView(researcher, { name, query: "from=February" })).rejects.toThrow(
      /"from".*Use a year, a month or a day/,
    );
    await expect(saveView(researcher, { name, query: "from=2012&status=LOST" })).rejects.toThrow(
      /"status".*Unknown status/,
    );
    await expect(saveView(researcher, { name, query: "sort=sideways" })).rejects.toThrow(/"sort"/);
    // Filtering by advocacy contact needs an editor's account: refused for a researcher.
    await expect(saveView(researcher, { name, query: "contact=c0000000000000000000000000" })).rejects.toThrow(
      /"contact".*editor/,
    );
    expect(await db.savedView.count({ where: { userId: researcher.id, name } })).toBe(0);
  });

  it("the form's schema accepts a whole timeline link, and trims the name", () => {
    const parsed = saveViewSchema.parse({
      name: "  Feb  ",
      query: "http://localhost:3000/timeline?from=2012-02#chart",
    });
    expect(parsed).toEqual({ name: "Feb", query: "from=2012-02" });
    expect(saveViewSchema.parse({ name: "All", query: "/timeline" }).query).toBe("");
    expect(saveViewSchema.safeParse({ name: " ", query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ name: "x".repeat(101), query: "" }).success).toBe(false);
  });

  it("lists and deletes only the actor's own views, by name", async () => {
    const user = await createTestUser(db, "RESEARCHER");
    const b = await saveView(user, { name: "b view", query: "from=2012" });
    const a = await saveView(user, { name: "a view", query: "from=2011" });
    const theirs = await saveView(other, { name: `theirs ${unique()}`, query: "from=2010" });
    expect((await listSavedViews(user)).map((v) => v.id)).toEqual([a.id, b.id]);

    await expect(deleteSavedView(user, theirs.id)).rejects.toMatchObject({ code: "not-found" });
    expect(await db.savedView.count({ where: { id: theirs.id } })).toBe(1);

    expect(await deleteSavedView(user, a.id)).toEqual({ name: "a view" });
    expect((await listSavedViews(user)).map((v) => v.id)).toEqual([b.id]);
    await expect(deleteSavedView(user, a.id)).rejects.toMatchObject({ code: "not-found" });
  });

  it(`at most ${MAX_SAVED_VIEWS} views per user; replacing one is still allowed`, async () => {
    const user = await createTestUser(db, "RESEARCHER");
    await db.savedView.createMany({
      data: Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => ({ userId: user.id, name: `view ${i}`, query: "" })),
    });
    await expect(saveView(user, { name: "one more", query: "from=2012" })).rejects.toThrow(/100 saved views/);
    expect((await saveView(user, { name: "view 0", query: "from=2012" })).replaced).toBe(true);
  });

  it("visitors are refused", async () => {
    await expect(saveView(null, { name: "x", query: "" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await listSavedViews(null)).toEqual([]);
    await expect(deleteSavedView(null, "c0000000000000000000000000")).rejects.toMatchObject({ code: "forbidden" });
  });
});
