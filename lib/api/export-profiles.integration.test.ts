import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileExportResponse } from "@/lib/api/export-profiles";
import { keyringFromEnv } from "@/lib/crypto/encryption";
import { createCase } from "@/lib/data/case-writes";
import { addEvent } from "@/lib/data/events";
import { applyImport, dryRunImport, previewImport } from "@/lib/data/imports";
import { EXPORT_PROFILES, mappingFromPreset } from "@/lib/export/profiles";
import { type Actor } from "@/lib/auth/permissions";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";
import { createCaseSchema } from "@/lib/validations/case";
import { parseCaseQuery } from "@/lib/validations/case-filter";
import { addEventSchema } from "@/lib/validations/event";
import { seedDatabase } from "@/prisma/seed/index";

const db = testDb();
let admin: NonNullable<Actor>;
const TODAY = new Date("2026-12-02T00:00:00Z");

/** Cases with the uncertain values a round trip could lose: ranges, worded sizes, formula-like text. */
const GENERATED = [
  {
    case: { title: "Month known only", sizeMin: "25", sizeMax: "35", sizeBest: "30", sizeWording: "about 30" },
    event: { type: "ARRESTED", dateEarliest: "2013-02-01", precision: "MONTH" },
  },
  {
    case: { title: "=Formula-like title", summary: "-starts with a dash, then\nsecond line", sizeMin: "20" },
    event: { type: "DETAINED", dateEarliest: "2014-01-01", precision: "YEAR" },
  },
  {
    case: {
      title: "Range of days",
      sizeMin: "10",
      sizeMax: "12",
      sizeWording: "10-12 people",
      tags: "family, detained-{run}",
    },
    event: { type: "REPATRIATED", dateEarliest: "2015-03-03", dateLatest: "2015-03-17", precision: "WEEK" },
  },
  { case: { title: "No event at all", sizeMin: "3", sizeWording: "at least 3" }, event: null },
  {
    case: { title: "One day", sizeMin: "1", sizeBest: "1" },
    event: { type: "RELEASED", dateEarliest: "2016-05-09", precision: "DAY" },
  },
] as const;

/** Everything the round trip must leave alone, for every case the admin may see. */
async function snapshot() {
  const cases = await db.case.findMany({ orderBy: { id: "asc" } });
  const events = await db.caseEvent.findMany({ orderBy: { id: "asc" } });
  const changes = await db.recordChange.count();
  return { cases, events, changes };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true, keyring: keyringFromEnv() });
  admin = await createTestUser(db, "ADMIN");
  const run = unique();
  for (const g of GENERATED) {
    const { code } = await createCase(
      admin,
      createCaseSchema.parse({
        summary: "",
        country: "CN",
        province: "Jilin",
        cityArea: "Yanji",
        verification: "POSSIBLE",
        priority: "NORMAL",
        visibility: "INTERNAL",
        ...g.case,
        tags: "tags" in g.case ? g.case.tags.replace("{run}", run) : "",
        title: `${g.case.title} ${run}`,
      }),
      TODAY,
    );
    if (g.event) await addEvent(admin, addEventSchema.parse({ caseCode: code, description: "", ...g.event }));
  }
});
afterAll(() => db.$disconnect());

describe("export profiles round trip", () => {
  for (const profile of EXPORT_PROFILES) {
    it(`${profile}: importing the export with its preset changes nothing`, async () => {
      const query = parseCaseQuery({ data: "all" });
      if (!query.ok) throw new Error(JSON.stringify(query.errors));
      const response = await profileExportResponse(admin, query.filter, profile, "127.0.0.1", TODAY);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const file = { name: `roundtrip-${profile}.csv`, bytes };
      const before = await snapshot();
      const visible = before.cases.filter((c) => c.deletedAt === null).length;

      const preview = await previewImport(admin, file);
      expect(preview.guess).toEqual(mappingFromPreset(profile, preview.headers));
      expect(preview.rowCount).toBe(visible);
      const mapping = mappingFromPreset(profile, preview.headers);
      const dry = await dryRunImport(admin, file, mapping);
      expect(dry.refused).toEqual([]);
      expect(dry.creates).toEqual([]);
      expect(dry.updates.filter((u) => u.fields.length > 0)).toEqual([]);
      expect(dry.updates).toHaveLength(visible);

      const versions = Object.fromEntries(dry.updates.map((u) => [u.code, u.version]));
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const result = await applyImport(admin, file, mapping, { sha256, versions }, TODAY);
      expect(result.created).toEqual([]);
      expect(result.updated).toEqual([]);
      expect(result.unchanged).toHaveLength(visible);

      const after = await snapshot();
      expect(after.changes).toBe(before.changes);
      expect(after.events).toEqual(before.events);
      expect(after.cases).toEqual(before.cases);
    });
  }

  it("writes HXL's hashtag row under the headers, and the importer skips it", async () => {
    const query = parseCaseQuery({ data: "all" });
    if (!query.ok) throw new Error("bad query");
    const text = await (await profileExportResponse(admin, query.filter, "hxl", null, TODAY)).text();
    const [, tags] = text.split("\n");
    expect(tags).toContain("#adm1+name");
    expect(tags).toContain("#affected+min");
    const preview = await previewImport(admin, { name: "hxl.csv", bytes: new TextEncoder().encode(text) });
    expect(preview.samples[0].join(" ")).not.toContain("#");
  });

  it("refuses an unchanged row whose case changed since the dry run, and writes nothing", async () => {
    const query = parseCaseQuery({ data: "all" });
    if (!query.ok) throw new Error("bad query");
    const bytes = new Uint8Array(
      await (await profileExportResponse(admin, query.filter, "acled", null, TODAY)).arrayBuffer(),
    );
    const file = { name: "stale.csv", bytes };
    const mapping = mappingFromPreset("acled", (await previewImport(admin, file)).headers);
    const dry = await dryRunImport(admin, file, mapping);
    const versions = Object.fromEntries(dry.updates.map((u) => [u.code, u.version]));
    // Someone saves one of the cases after the dry run.
    const [first] = dry.updates;
    await db.case.update({ where: { code: first.code }, data: { version: { increment: 1 } } });
    const before = await snapshot();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await expect(applyImport(admin, file, mapping, { sha256, versions }, TODAY)).rejects.toThrow(
      new RegExp(`case ${first.code} was changed.*since the dry run`),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("changes an edited row and only that row", async () => {
    const query = parseCaseQuery({ data: "all" });
    if (!query.ok) throw new Error("bad query");
    const text = await (await profileExportResponse(admin, query.filter, "uwazi", null, TODAY)).text();
    const lines = text.split("\n");
    const target = lines.findIndex((l) => l.startsWith("One day "));
    expect(target).toBeGreaterThan(0);
    lines[target] = lines[target].replace(/^One day /, "One day (edited) ");
    const bytes = new TextEncoder().encode(lines.join("\n"));
    const file = { name: "edited.csv", bytes };
    const mapping = mappingFromPreset("uwazi", lines[0].split(","));
    const dry = await dryRunImport(admin, file, mapping);
    const changed = dry.updates.filter((u) => u.fields.length > 0);
    expect(changed.map((u) => u.fields)).toEqual([["title"]]);
    const versions = Object.fromEntries(dry.updates.map((u) => [u.code, u.version]));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const before = await db.recordChange.count();
    const result = await applyImport(admin, file, mapping, { sha256, versions }, TODAY);
    expect(result.updated.map((u) => u.code)).toEqual([changed[0].code]);
    expect(await db.recordChange.count()).toBe(before + 1);
  });
});
