import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, updateCase } from "@/lib/data/case-writes";
import { addEvent } from "@/lib/data/events";
import { applyImport, dryRunImport, previewImport, type ImportFile } from "@/lib/data/imports";
import { guessMapping } from "@/lib/import/mapping";
import { type Actor } from "@/lib/auth/permissions";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";
import { createCaseSchema, updateCaseSchema } from "@/lib/validations/case";
import { addEventSchema } from "@/lib/validations/event";

const db = testDb();
let editor: NonNullable<Actor>;
let researcher: NonNullable<Actor>;
// A year of its own, so this run's rows meet no other test's cases as duplicates.
const YEAR = 1991 + Math.floor(Math.random() * 18);
const TODAY = new Date("2026-12-02T00:00:00Z");

const csv = (text: string, name = `${unique("import")}.csv`): ImportFile => ({
  name,
  bytes: new TextEncoder().encode(text),
});
const sha = (file: ImportFile) => createHash("sha256").update(file.bytes).digest("hex");
const HEADERS = "code,title,date,place,size,status";

async function existingCase(title: string, sizeMin: number, day: string) {
  const { code } = await createCase(
    editor,
    createCaseSchema.parse({
      title,
      sizeMin: String(sizeMin),
      country: "CN",
      province: "Jilin",
      cityArea: "Yanji",
      verification: "POSSIBLE",
      priority: "NORMAL",
      visibility: "INTERNAL",
    }),
    TODAY,
  );
  await addEvent(
    editor,
    addEventSchema.parse({ caseCode: code, type: "ARRESTED", dateEarliest: day, precision: "DAY", description: "" }),
  );
  return code;
}

async function counts() {
  const [cases, events, changes, audits] = await Promise.all([
    db.case.count(),
    db.caseEvent.count(),
    db.recordChange.count(),
    db.auditEvent.count({ where: { kind: "import" } }),
  ]);
  return { cases, events, changes, audits };
}

beforeAll(async () => {
  editor = await createTestUser(db, "EDITOR");
  researcher = await createTestUser(db, "RESEARCHER");
});
afterAll(() => db.$disconnect());

describe("import authorization", () => {
  it("refuses researchers and visitors at every step, reading nothing", async () => {
    const file = csv(`${HEADERS}\n,Title,${YEAR},Yanji,3,\n`);
    const mapping = guessMapping(HEADERS.split(","));
    for (const actor of [researcher, null]) {
      await expect(previewImport(actor, file)).rejects.toMatchObject({ code: "forbidden" });
      await expect(dryRunImport(actor, file, mapping)).rejects.toMatchObject({ code: "forbidden" });
      await expect(applyImport(actor, file, mapping, { sha256: sha(file), versions: {} }, TODAY)).rejects.toMatchObject(
        { code: "forbidden" },
      );
    }
  });
});

describe("dry run and apply", () => {
  it("lists creates, updates, refusals and possible duplicates, then writes them in one go with history and audit", async () => {
    const run = unique();
    const dupOf = await existingCase(`Existing ${run}`, 12, `${YEAR}-05-10`);
    const toUpdate = await existingCase(`To update ${run}`, 40, `${YEAR}-11-20`);
    const file = csv(
      [
        HEADERS,
        `,Import A ${run},${YEAR}-03-04,Yanji,7,detained`,
        `,Import B ${run},early Mar ${YEAR},"Tumen, Jilin",about 30,`,
        `${toUpdate},Updated ${run},,Yanji,9,released`,
        `,Bad ${run},${YEAR}-13-40,Yanji,4,`,
        `,Maybe the same ${run},${YEAR}-05-11,Yanji,12,`,
      ].join("\n"),
    );
    const mapping = guessMapping(HEADERS.split(","));
    const before = await counts();
    const dry = await dryRunImport(editor, file, mapping);
    expect(await counts()).toEqual(before);
    expect(dry.creates.map((c) => c.line)).toEqual([2, 3, 6]);
    expect(dry.updates).toEqual([
      expect.objectContaining({
        line: 4,
        code: toUpdate,
        fields: ["title", "sizeMin", "sizeMax", "sizeBest", "status"],
      }),
    ]);
    expect(dry.refused).toEqual([
      { line: 5, problems: [expect.stringMatching(/^row 5, column date: '\d{4}-13-40' is not a date/)] },
    ]);
    expect(dry.duplicates).toEqual([
      { line: 6, title: `Maybe the same ${run}`, matches: [{ code: dupOf, title: `Existing ${run}` }] },
    ]);

    const versions = Object.fromEntries(dry.updates.map((u) => [u.code, u.version]));
    const result = await applyImport(editor, file, mapping, { sha256: dry.sha256, versions }, TODAY);
    expect(result.created).toHaveLength(3);
    expect(result.updated).toEqual([{ line: 4, code: toUpdate }]);
    expect(result.refused).toBe(1);

    const reason = `Imported from ${file.name} (sha256 ${sha(file)}) by ${editor.name}`;
    const b = await db.case.findUniqueOrThrow({
      where: { code: result.created[1].code },
      include: { events: true },
    });
    expect(b).toMatchObject({
      sizeMin: 25,
      sizeMax: 35,
      sizeBest: 30,
      sizeWording: "about 30",
      province: "Jilin",
      cityArea: "Tumen",
    });
    expect(b.events).toEqual([
      expect.objectContaining({
        dateEarliest: new Date(`${YEAR}-03-01T00:00:00Z`),
        dateLatest: new Date(`${YEAR}-03-10T00:00:00Z`),
        precision: "MONTH",
        dateWording: `early Mar ${YEAR}`,
      }),
    ]);
    expect(b.code.startsWith(`CN-${YEAR}-`)).toBe(true);
    const a = await db.case.findUniqueOrThrow({ where: { code: result.created[0].code } });
    expect(a).toMatchObject({ status: "REPORTED_DETAINED", statusManual: true });
    const history = await db.recordChange.findMany({ where: { caseId: b.id } });
    expect(history.length).toBeGreaterThan(0);
    expect(new Set(history.map((h) => h.reason))).toEqual(new Set([reason]));
    const updated = await db.case.findUniqueOrThrow({ where: { code: toUpdate } });
    expect(updated).toMatchObject({ title: `Updated ${run}`, sizeMin: 9, status: "RELEASED", statusManual: true });
    expect(updated.version).toBe(versions[toUpdate] + 1);
    const updateHistory = await db.recordChange.findMany({ where: { caseId: updated.id, reason } });
    expect(updateHistory.map((h) => h.field).sort()).toEqual(["sizeBest", "sizeMax", "sizeMin", "status", "title"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { kind: "import", actorId: editor.id },
      orderBy: { id: "desc" },
    });
    expect(audit.detail).toMatchObject({ file: file.name, sha256: sha(file), created: 3, updated: 1, refused: 1 });
  });

  it("matches rows without a code by title when the user picks it: one case updates, a shared title is refused, by code they create", async () => {
    const run = unique();
    const keyed = await existingCase(`Keyed ${run}`, 5, `${YEAR}-06-01`);
    const twinA = await existingCase(`Twin ${run}`, 3, `${YEAR}-06-02`);
    const twinB = await existingCase(`Twin ${run}`, 4, `${YEAR}-07-02`);
    const file = csv(
      [
        "title,place,size",
        `  keyed ${run.toUpperCase()} ,Yanji,8`,
        `Twin ${run},Yanji,6`,
        `New by title ${run},Yanji,2`,
        `Keyed ${run},Yanji,9`,
      ].join("\n"),
    );
    const mapping = guessMapping(["title", "place", "size"]);

    // By code (the default), rows without a code create cases.
    const byCode = await dryRunImport(editor, file, mapping);
    expect(byCode.creates.map((c) => c.line)).toEqual([2, 3, 4, 5]);
    expect(byCode.updates).toEqual([]);

    const before = await counts();
    const dry = await dryRunImport(editor, file, mapping, undefined, null, "title");
    expect(await counts()).toEqual(before);
    expect(dry.updates).toEqual([
      expect.objectContaining({ line: 2, code: keyed, fields: expect.arrayContaining(["sizeMin"]) }),
    ]);
    expect(dry.creates.map((c) => c.line)).toEqual([4]);
    const [twins] = [twinA, twinB].sort();
    expect(dry.refused).toEqual([
      {
        line: 3,
        problems: [
          expect.stringMatching(
            new RegExp(`^row 3, column title: 'Twin ${run}' is the title of 2 cases \\(${twins}, `),
          ),
        ],
      },
      {
        line: 5,
        problems: [
          `row 5, column title: 'Keyed ${run}' updates case ${keyed}, as row 2 does; a file may change a case only once`,
        ],
      },
    ]);

    const versions = Object.fromEntries(dry.updates.map((u) => [u.code, u.version]));
    const result = await applyImport(editor, file, mapping, { sha256: dry.sha256, versions }, TODAY, {
      matchBy: "title",
    });
    expect(result.updated).toEqual([{ line: 2, code: keyed }]);
    expect(result.created).toHaveLength(1);
    expect(await db.case.findUniqueOrThrow({ where: { code: keyed } })).toMatchObject({ sizeMin: 8 });
    for (const twin of [twinA, twinB])
      expect((await db.case.findUniqueOrThrow({ where: { code: twin } })).version).toBeLessThan(3);
    // Researchers may not import at all, so no match is ever made for them.
    await expect(dryRunImport(researcher, file, mapping, undefined, null, "title")).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses the whole file, writing nothing, when a case changed since the dry run (a failing row mid-file)", async () => {
    const run = unique();
    const target = await existingCase(`Will change ${run}`, 5, `${YEAR}-08-01`);
    const file = csv(
      [
        HEADERS,
        `,First ${run},${YEAR}-07-01,Yanji,3,`,
        `,Second ${run},${YEAR}-07-02,Yanji,4,`,
        `${target},Changed by import ${run},,Yanji,5,`,
        `,Fourth ${run},${YEAR}-07-04,Yanji,6,`,
      ].join("\n"),
    );
    const mapping = guessMapping(HEADERS.split(","));
    const dry = await dryRunImport(editor, file, mapping);
    expect(dry.creates).toHaveLength(3);
    const versions = Object.fromEntries(dry.updates.map((u) => [u.code, u.version]));
    // Someone else edits the case after the dry run.
    const current = await db.case.findUniqueOrThrow({ where: { code: target } });
    await updateCase(
      editor,
      updateCaseSchema.parse({
        code: target,
        version: String(current.version),
        title: `Edited meanwhile ${run}`,
        sizeMin: "5",
        country: "CN",
        province: "Jilin",
        cityArea: "Yanji",
        verification: "POSSIBLE",
        priority: "NORMAL",
        visibility: "INTERNAL",
        status: current.status,
      }),
    );
    const before = await counts();
    await expect(applyImport(editor, file, mapping, { sha256: dry.sha256, versions }, TODAY)).rejects.toMatchObject({
      code: "rule",
      message: expect.stringMatching(
        new RegExp(`^Row 4: case ${target} was changed by .* since the dry run. Nothing was imported`),
      ),
    });
    expect(await counts()).toEqual(before);
    expect(await db.case.count({ where: { title: { contains: run }, code: { not: target } } })).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { code: target } })).title).toBe(`Edited meanwhile ${run}`);
  });

  it("refuses a file that is not the dry run's, and a mapping that lacks what a case needs", async () => {
    const run = unique();
    const file = csv(`${HEADERS}\n,Only ${run},${YEAR},Yanji,3,\n`);
    const mapping = guessMapping(HEADERS.split(","));
    const before = await counts();
    await expect(
      applyImport(editor, file, mapping, { sha256: "0".repeat(64), versions: {} }, TODAY),
    ).rejects.toMatchObject({ code: "rule", message: expect.stringMatching(/not the file of the dry run/) });
    await expect(
      dryRunImport(editor, file, ["code", "title", "date", "place", "ignore", "status"]),
    ).rejects.toMatchObject({ code: "rule", message: expect.stringMatching(/Map a column to size/) });
    await expect(previewImport(editor, csv("", "empty.csv"))).rejects.toMatchObject({
      code: "rule",
      message: "The file is empty. Nothing was read.",
    });
    expect(await counts()).toEqual(before);
  });
});
