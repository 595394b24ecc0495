import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createImportJob,
  failStaleImportJobs,
  getImportJob,
  importJobSettled,
  listImportJobs,
  startImportApply,
  startImportDryRun,
  STALE_MS,
  type ImportJobView,
} from "@/lib/data/import-jobs";
import type { ImportFile } from "@/lib/data/imports";
import { listImportMappings, saveImportMapping } from "@/lib/data/import-mappings";
import { guessMapping, mappingFromColumns } from "@/lib/import/mapping";
import { type Actor } from "@/lib/auth/permissions";
import { createTestUser, testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
let editor: NonNullable<Actor>;
let otherEditor: NonNullable<Actor>;
let researcher: NonNullable<Actor>;
const YEAR = 1991 + Math.floor(Math.random() * 18);
const TODAY = new Date("2026-12-02T00:00:00Z");
const HEADERS = "code,title,date,place,size,status";
const mapping = guessMapping(HEADERS.split(","));

/** `rows` new cases tagged `run`, the second one refused (its date is not a date). */
function file(run: string, rows: number): ImportFile {
  const lines = [HEADERS];
  for (let i = 0; i < rows; i++)
    lines.push(
      `,Job ${run} row ${i + 2},${i === 0 ? `${YEAR}-13-40` : `${YEAR}-0${(i % 9) + 1}-0${(i % 9) + 1}`},Yanji,${3 + (i % 20)},`,
    );
  return { name: `${run}.csv`, bytes: new TextEncoder().encode(lines.join("\n")) };
}

/** Polls the job until `done` holds, keeping every state seen on the way. */
async function watch(actor: Actor, id: string, done: (job: ImportJobView) => boolean, seen: ImportJobView[] = []) {
  const until = Date.now() + 60_000;
  for (;;) {
    const job = await getImportJob(actor, id);
    if (!job) throw new Error("job vanished");
    seen.push(job);
    if (done(job)) return job;
    if (Date.now() > until) throw new Error(`job stuck in ${job.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const casesOf = (run: string) => db.case.count({ where: { title: { startsWith: `Job ${run} ` } } });

beforeAll(async () => {
  editor = await createTestUser(db, "EDITOR");
  otherEditor = await createTestUser(db, "EDITOR");
  researcher = await createTestUser(db, "RESEARCHER");
});
afterAll(() => db.$disconnect());

describe("import jobs", () => {
  it("runs the dry run and the apply as jobs whose progress and result are in the database", async () => {
    const run = unique("job");
    const job = await createImportJob(editor, file(run, 60));
    expect(job).toMatchObject({ status: "READ", rowsTotal: 60, rowsRead: 60, fileName: `${run}.csv` });
    expect((await listImportJobs(editor)).map((j) => j.id)).toContain(job.id);

    await startImportDryRun(editor, job.id, mapping);
    // A second start while it runs is refused, not run twice.
    await expect(startImportDryRun(editor, job.id, mapping)).rejects.toMatchObject({ code: "rule" });
    const checked = await watch(editor, job.id, (j) => j.status !== "CHECKING");
    expect(checked).toMatchObject({ status: "CHECKED", rowsChecked: 60, mapping });
    expect(checked.dryRun?.counts).toEqual({ creates: 59, updates: 0, refused: 1, duplicates: expect.any(Number) });
    expect(checked.dryRun?.refused[0].problems[0]).toMatch(/^row 2, column date: '\d{4}-13-40' is not a date/);
    expect(await casesOf(run)).toBe(0);

    const seen: ImportJobView[] = [];
    await startImportApply(editor, job.id, TODAY);
    const applied = await watch(editor, job.id, (j) => j.status !== "APPLYING", seen);
    expect(applied).toMatchObject({ status: "APPLIED", rowsWritten: 59, error: null });
    expect(applied.result).toMatchObject({ created: 59, updated: 0, refused: 1 });
    // Progress was visible while it ran: rows written counted up before the end.
    const midway = seen.filter((j) => j.status === "APPLYING" && j.rowsWritten > 0 && j.rowsWritten < 59);
    expect(midway.length).toBeGreaterThan(0);
    expect(await casesOf(run)).toBe(59);
    // The file is not kept once applied; applying again is refused.
    expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).file).toBeNull();
    await expect(startImportApply(editor, job.id, TODAY)).rejects.toMatchObject({ code: "rule" });
  });

  it("keeps the key the user picked (title) with the job, and the apply matches by it as the dry run did", async () => {
    const run = unique("jobkey");
    const first = await createImportJob(editor, file(run, 3));
    await startImportDryRun(editor, first.id, mapping);
    await watch(editor, first.id, (j) => j.status !== "CHECKING");
    await startImportApply(editor, first.id, TODAY);
    await watch(editor, first.id, (j) => j.status !== "APPLYING");
    expect(await casesOf(run)).toBe(2);

    // The same file again, rows matched by title: they update the two cases instead of adding two more.
    const again = await createImportJob(editor, file(run, 3));
    await startImportDryRun(editor, again.id, mapping, null, "title");
    const checked = await watch(editor, again.id, (j) => j.status !== "CHECKING");
    expect(checked).toMatchObject({ status: "CHECKED", matchBy: "title" });
    expect(checked.dryRun?.counts).toMatchObject({ creates: 0, updates: 2, refused: 1 });
    await startImportApply(editor, again.id, TODAY);
    const applied = await watch(editor, again.id, (j) => j.status !== "APPLYING");
    expect(applied.result).toMatchObject({ created: 0, refused: 1 });
    expect(applied.result!.updated + applied.result!.unchanged).toBe(2);
    expect(await casesOf(run)).toBe(2);
  });

  it("shows a job whose process died as failed, and a job stopped mid-apply has written nothing", async () => {
    const run = unique("crash");
    // A job left APPLYING by a process that is gone: its heartbeat is old.
    const orphan = await createImportJob(editor, file(`${run}a`, 3));
    await db.importJob.update({
      where: { id: orphan.id },
      data: { status: "APPLYING", heartbeatAt: new Date(Date.now() - STALE_MS - 1_000) },
    });
    const shown = await getImportJob(editor, orphan.id);
    expect(shown).toMatchObject({ status: "FAILED", error: expect.stringMatching(/Nothing was written/) });
    expect(await casesOf(`${run}a`)).toBe(0);

    // A real apply, declared dead while it is writing (as a restart would leave it): its transaction
    // finds the job failed at the end and rolls back, so not one of its rows stays.
    const job = await createImportJob(editor, file(`${run}b`, 80));
    await startImportDryRun(editor, job.id, mapping);
    await watch(editor, job.id, (j) => j.status === "CHECKED");
    await startImportApply(editor, job.id, TODAY);
    await watch(editor, job.id, (j) => j.rowsWritten > 10 || j.status !== "APPLYING");
    expect(await failStaleImportJobs(new Date(Date.now() + 2 * STALE_MS))).toBeGreaterThanOrEqual(1);
    await importJobSettled(job.id);
    const after = await getImportJob(editor, job.id);
    expect(after).toMatchObject({ status: "FAILED", result: null });
    expect(await casesOf(`${run}b`)).toBe(0);
    expect(await db.recordChange.count({ where: { reason: { contains: `${run}b.csv` } } })).toBe(0);
  });

  it("keeps each user's imports to themselves and refuses researchers and visitors", async () => {
    const run = unique("own");
    const job = await createImportJob(editor, file(run, 2));
    expect(await getImportJob(otherEditor, job.id)).toBeNull();
    expect((await listImportJobs(otherEditor)).map((j) => j.id)).not.toContain(job.id);
    await expect(startImportDryRun(otherEditor, job.id, mapping)).rejects.toMatchObject({ code: "not-found" });
    for (const actor of [researcher, null]) {
      await expect(createImportJob(actor, file(run, 2))).rejects.toMatchObject({ code: "forbidden" });
      await expect(getImportJob(actor, job.id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(listImportJobs(actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(startImportApply(actor, job.id, TODAY)).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("lists unknown statuses and places to map, and imports the rows once they are mapped", async () => {
    const run = unique("values");
    const lines = [
      HEADERS,
      `,Job ${run} row 2,${YEAR}-03-04,Tumen crossing,12,taken back`,
      `,Job ${run} row 3,${YEAR}-03-05,TUMEN  crossing,7,Taken back`,
      `,Job ${run} row 4,${YEAR}-03-06,Yanji,5,detained`,
    ];
    const job = await createImportJob(editor, {
      name: `${run}.csv`,
      bytes: new TextEncoder().encode(lines.join("\n")),
    });

    // First: refused with their reasons, and listed with the rows each affects. Nothing guessed.
    await startImportDryRun(editor, job.id, mapping);
    const first = await watch(editor, job.id, (j) => j.status !== "CHECKING");
    expect(first.dryRun?.counts).toMatchObject({ creates: 1, refused: 2 });
    expect(first.dryRun?.refused[0].problems).toEqual([
      expect.stringMatching(/^row 2, column place: 'Tumen crossing' is not a place the gazetteer knows/),
      expect.stringMatching(/^row 2, column status: 'taken back' is not a status this project knows/),
    ]);
    expect(first.dryRun?.unmatched).toEqual({
      status: { values: [{ value: "taken back", key: "taken back", rows: 2 }], distinct: 1 },
      place: { values: [{ value: "Tumen crossing", key: "tumen crossing", rows: 2 }], distinct: 1 },
    });

    // A value mapped outside the vocabulary is refused with a sentence; the job is left as it was.
    await expect(
      startImportDryRun(editor, job.id, mapping, {
        status: { "taken back": "SENT_BACK" as "REPATRIATED" },
        place: {},
      }),
    ).rejects.toMatchObject({ code: "rule", message: expect.stringMatching(/not one of the project's statuses/) });
    expect(await getImportJob(editor, job.id)).toMatchObject({ status: "CHECKED", values: { status: {}, place: {} } });

    const values = {
      status: { "taken back": "REPATRIATED" as const },
      place: { "tumen crossing": { country: "CN", province: "Jilin", cityArea: "Tumen" } },
    };
    await startImportDryRun(editor, job.id, mapping, values);
    const mapped = await watch(editor, job.id, (j) => j.status !== "CHECKING");
    expect(mapped.dryRun?.counts).toMatchObject({ creates: 3, refused: 0 });
    // Kept with the job: a reopened import has its value mappings.
    expect(await getImportJob(editor, job.id)).toMatchObject({ mapping, values });

    // And in a saved named mapping, for the team's next file.
    const saved = await saveImportMapping(editor, { name: `With values ${run}`, job: job.id, mapping, values });
    const listed = (await listImportMappings(otherEditor)).find((m) => m.id === saved.id);
    expect(listed?.values).toEqual(values);
    expect(mappingFromColumns(HEADERS.split(","), listed!.columns)).toEqual(mapping);

    await startImportApply(editor, job.id, TODAY);
    expect(await watch(editor, job.id, (j) => j.status !== "APPLYING")).toMatchObject({ status: "APPLIED" });
    const cases = await db.case.findMany({
      where: { title: { startsWith: `Job ${run} ` } },
      orderBy: { title: "asc" },
      select: { title: true, status: true, country: true, province: true, cityArea: true },
    });
    expect(cases).toEqual([
      { title: `Job ${run} row 2`, status: "REPATRIATED", country: "CN", province: "Jilin", cityArea: "Tumen" },
      { title: `Job ${run} row 3`, status: "REPATRIATED", country: "CN", province: "Jilin", cityArea: "Tumen" },
      expect.objectContaining({ title: `Job ${run} row 4`, status: "REPORTED_DETAINED", cityArea: "Yanji" }),
    ]);
  });

  it("saves a named mapping for the team, with its history and audit row, and refuses a name twice", async () => {
    const run = unique("map");
    const job = await createImportJob(editor, file(run, 2));
    const name = `Monthly sheet ${run}`;
    const custom = mapping.map((t) => (t === "status" ? "ignore" : t));
    const saved = await saveImportMapping(editor, { name, job: job.id, mapping: custom });
    expect(saved.columns).toEqual({ code: "code", title: "title", date: "date", place: "place", size: "size" });
    // Another editor sees it and gets the same mapping for a file with these headers.
    const listed = (await listImportMappings(otherEditor)).find((m) => m.name === name);
    // Saved without value mappings (the stored shape of older saved mappings): loads with none.
    expect(listed).toMatchObject({ kind: "saved", createdBy: editor.name, values: { status: {}, place: {} } });
    expect(mappingFromColumns(HEADERS.toUpperCase().split(","), listed!.columns)).toEqual(custom);
    await expect(saveImportMapping(otherEditor, { name, job: job.id, mapping: custom })).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(saveImportMapping(editor, { name, job: job.id, mapping: custom })).rejects.toMatchObject({
      code: "rule",
      message: expect.stringMatching(/already exists/),
    });
    const history = await db.recordChange.findMany({
      where: { entity: "SavedImportMapping", entityId: saved.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => [h.action, h.field, h.userId])).toEqual([
      ["CREATE", "name", editor.id],
      ["CREATE", "columns", editor.id],
    ]);
    expect(await db.auditEvent.count({ where: { kind: "import-mapping", actorId: editor.id } })).toBeGreaterThan(0);
    for (const actor of [researcher, null]) {
      await expect(listImportMappings(actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(saveImportMapping(actor, { name: `${name}x`, job: job.id, mapping })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
  });
});
