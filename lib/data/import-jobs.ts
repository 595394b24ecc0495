import "server-only";
import { db } from "@/lib/db";
import { isDataError, notFound, ruleBroken } from "@/lib/data/errors";
import {
  applyImport,
  dryRunImport,
  previewImport,
  type DryRun,
  type ImportFile,
  type ImportPreview,
  type ImportProgress,
  type ImportResult,
} from "@/lib/data/imports";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { requestContext } from "@/lib/server/request-context";
import { Prisma, type ImportJobStatus } from "@/lib/generated/prisma/client";
import type { ImportMapping, ImportMatchKey } from "@/lib/import/mapping";
import { splitJobMapping, type ValueMappings } from "@/lib/import/value-mapping";
import { parseValueMappings } from "@/lib/validations/import";

/**
 * Spreadsheet imports as server-side jobs. Reading the file creates a job row (the file is stored
 * with it); the dry run and the apply then run in this server process after the action has answered,
 * updating the row's counters (rows read, checked, written) and its heartbeat as they go, so the
 * page can poll, be closed, and be reopened. A job whose process died (a restart, a crash) stops
 * beating: once its heartbeat is older than STALE_MS it is marked FAILED, and since an apply is one
 * transaction (its result is recorded inside it), such a job has written nothing.
 */

/** A running job's heartbeat older than this means the process running it is gone. */
export const STALE_MS = 60_000;
const HEARTBEAT_MS = 5_000;
/** Progress is written at most this often (and at the end of each phase). */
const PROGRESS_MS = 250;
/** Rows listed in each table of a job's view; the counts are always complete. */
export const JOB_ROWS_SHOWN = 200;

type Counts = { creates: number; updates: number; refused: number; duplicates: number };
/** A dry run as the page shows it: complete counts, the first rows of each list. */
export type DryRunSummary = DryRun & { counts: Counts };
export type ImportResultSummary = {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** The first cases created or updated, by row. */
  cases: { line: number; code: string }[];
};

export type ImportJobView = {
  id: string;
  fileName: string;
  sha256: string;
  status: ImportJobStatus;
  preview: ImportPreview;
  mapping: ImportMapping | null;
  /** What the user mapped unrecognised status and place values to (kept with the job's mapping). */
  values: ValueMappings;
  /** How the dry run matches rows without a code to existing cases. */
  matchBy: ImportMatchKey;
  rowsTotal: number;
  rowsRead: number;
  rowsChecked: number;
  rowsWritten: number;
  dryRun: DryRunSummary | null;
  result: ImportResultSummary | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
};
export type ImportJobSummary = Pick<
  ImportJobView,
  "id" | "fileName" | "status" | "rowsTotal" | "rowsWritten" | "createdAt" | "error"
>;

const summaryOf = (dry: DryRun): DryRunSummary => ({
  ...dry,
  counts: {
    creates: dry.creates.length,
    updates: dry.updates.length,
    refused: dry.refused.length,
    duplicates: dry.duplicates.length,
  },
  creates: dry.creates.slice(0, JOB_ROWS_SHOWN),
  updates: dry.updates.slice(0, JOB_ROWS_SHOWN),
  refused: dry.refused.slice(0, JOB_ROWS_SHOWN),
  duplicates: dry.duplicates.slice(0, JOB_ROWS_SHOWN),
});
const resultOf = (r: ImportResult): ImportResultSummary => ({
  created: r.created.length,
  updated: r.updated.length,
  unchanged: r.unchanged.length,
  refused: r.refused,
  cases: [...r.created, ...r.updated].sort((a, b) => a.line - b.line).slice(0, JOB_ROWS_SHOWN),
});

const viewSelect = {
  id: true,
  fileName: true,
  sha256: true,
  status: true,
  preview: true,
  mapping: true,
  rowsTotal: true,
  rowsRead: true,
  rowsChecked: true,
  rowsWritten: true,
  dryRun: true,
  result: true,
  error: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ImportJobSelect;

function toView(row: Prisma.ImportJobGetPayload<{ select: typeof viewSelect }>): ImportJobView {
  return {
    ...row,
    preview: row.preview as unknown as ImportPreview,
    ...(({ columns, values, matchBy }) => ({ mapping: columns, values, matchBy }))(
      splitJobMapping<ImportMapping[number]>(row.mapping),
    ),
    dryRun: (row.dryRun as unknown as DryRunSummary | null) ?? null,
    result: (row.result as unknown as ImportResultSummary | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * Marks running jobs whose heartbeat is older than STALE_MS as FAILED: the process that ran them is
 * gone (a restart or a crash). Called before every read of jobs, so none is ever shown as hung.
 */
export async function failStaleImportJobs(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - STALE_MS);
  const checking = await db.importJob.updateMany({
    where: { status: "CHECKING", heartbeatAt: { lt: before } },
    data: { status: "FAILED", error: "The dry run stopped: the server restarted or the job crashed. Run it again." },
  });
  const applying = await db.importJob.updateMany({
    where: { status: "APPLYING", heartbeatAt: { lt: before } },
    data: {
      status: "FAILED",
      error:
        "The import stopped before it finished (the server restarted or the job crashed). Nothing was written: an import is written all at once or not at all. Run the dry run again.",
    },
  });
  return checking.count + applying.count;
}

/** Step 1: reads the file (refusing a bad one with its reason) and keeps it in a new job. Editors and up. */
export async function createImportJob(actor: Actor, file: ImportFile): Promise<ImportJobView> {
  requirePermission(actor, "import:case:any");
  const preview = await previewImport(actor, file);
  const row = await db.importJob.create({
    data: {
      createdById: actor!.id,
      fileName: file.name.slice(0, 255),
      sha256: preview.sha256,
      file: Buffer.from(file.bytes),
      status: "READ",
      preview: json(preview),
      rowsTotal: preview.rowCount,
      rowsRead: preview.rowCount,
    },
    select: viewSelect,
  });
  return toView(row);
}

/** One of the actor's own imports, or null. */
export async function getImportJob(actor: Actor, id: string): Promise<ImportJobView | null> {
  requirePermission(actor, "import:case:any");
  await failStaleImportJobs();
  const row = await db.importJob.findFirst({ where: { id, createdById: actor!.id }, select: viewSelect });
  return row ? toView(row) : null;
}

/** The actor's recent imports, newest first, for reopening one. */
export async function listImportJobs(actor: Actor, take = 20): Promise<ImportJobSummary[]> {
  requirePermission(actor, "import:case:any");
  await failStaleImportJobs();
  const rows = await db.importJob.findMany({
    where: { createdById: actor!.id },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      fileName: true,
      status: true,
      rowsTotal: true,
      rowsWritten: true,
      createdAt: true,
      error: true,
    },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Jobs started by this process, so tests and scripts can wait for one. */
const inProcess = new Map<string, Promise<void>>();
/** Resolves when the job's current run in this process has finished (at once if none runs). */
export function importJobSettled(id: string): Promise<void> {
  return inProcess.get(id) ?? Promise.resolve();
}

/**
 * Moves one of the actor's jobs from one of `from` to `to` (the claim: of two concurrent starts,
 * only one wins), resetting the counters of the phase it starts.
 */
async function claim(
  actor: Actor,
  id: string,
  from: ImportJobStatus[],
  to: ImportJobStatus,
  data: Prisma.ImportJobUpdateManyMutationInput,
  refusal: string,
) {
  await failStaleImportJobs();
  const claimed = await db.importJob.updateMany({
    where: { id, createdById: actor!.id, status: { in: from } },
    data: { ...data, status: to, error: null, heartbeatAt: new Date() },
  });
  if (claimed.count === 1) return;
  const exists = await db.importJob.findFirst({ where: { id, createdById: actor!.id }, select: { id: true } });
  if (!exists) throw notFound("Import");
  throw ruleBroken(refusal);
}

/** Runs `work` after the caller has answered, beating the heartbeat and writing progress; errors end as FAILED. */
function runInBackground(
  id: string,
  running: ImportJobStatus,
  work: (progress: ImportProgress) => Promise<void>,
): Promise<void> {
  const alive = { id, status: running };
  let beat: ReturnType<typeof setInterval> | undefined;
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const counters: { rowsRead?: number; rowsChecked?: number; rowsWritten?: number } = {};
  const flush = () => {
    last = Date.now();
    const data = { ...counters, heartbeatAt: new Date() };
    pending = pending.then(() => db.importJob.updateMany({ where: alive, data }).catch(() => {}));
    return pending;
  };
  const progress: ImportProgress = (done) => {
    if (done.read !== undefined) counters.rowsRead = done.read;
    if (done.checked !== undefined) counters.rowsChecked = done.checked;
    if (done.written !== undefined) counters.rowsWritten = done.written;
    if (Date.now() - last >= PROGRESS_MS) void flush();
  };
  // Outside the request's context: a statement of the job is not the request's, so the client
  // leaving (which cancels the request's statements, lib/db/create.ts) must not stop it.
  const run = requestContext.exit(() => work0());
  inProcess.set(id, run);
  void run.finally(() => {
    if (inProcess.get(id) === run) inProcess.delete(id);
  });
  return run;

  async function work0(): Promise<void> {
    // Let the action answer first: the job is the page's to poll from here on.
    await new Promise((resolve) => setImmediate(resolve));
    beat = setInterval(() => {
      db.importJob.updateMany({ where: alive, data: { heartbeatAt: new Date() } }).catch(() => {});
    }, HEARTBEAT_MS);
    try {
      await work(progress);
    } catch (error) {
      await flush();
      const message = isDataError(error)
        ? error.message
        : "The job stopped on an unexpected error. Nothing was written; try again, and tell an administrator if it happens again.";
      if (!isDataError(error)) console.error(`Import job ${id} failed:`, error);
      await db.importJob
        .updateMany({ where: alive, data: { status: "FAILED", error: message.slice(0, 2000) } })
        .catch((e) => console.error(`Import job ${id}: could not record its failure:`, e));
    } finally {
      clearInterval(beat);
      await pending;
    }
  }
}

async function storedFile(id: string): Promise<
  ImportFile & {
    mapping: ImportMapping | null;
    values: ValueMappings;
    matchBy: ImportMatchKey;
    dryRun: DryRunSummary | null;
    versions: Record<string, number> | null;
  }
> {
  const row = await db.importJob.findUniqueOrThrow({
    where: { id },
    select: { fileName: true, file: true, mapping: true, dryRun: true, versions: true },
  });
  if (!row.file) throw ruleBroken("This import's file is no longer kept: upload it again.");
  return {
    name: row.fileName,
    bytes: new Uint8Array(row.file),
    ...(({ columns, values, matchBy }) => ({ mapping: columns, values, matchBy }))(
      splitJobMapping<ImportMapping[number]>(row.mapping),
    ),
    dryRun: row.dryRun as unknown as DryRunSummary | null,
    versions: row.versions as Record<string, number> | null,
  };
}

/**
 * Step 2: starts the dry run of the job's file with this mapping, as a job. Nothing is written to
 * cases; the job's `dryRun` gets what importing would do, and the versions the apply will insist on.
 */
export async function startImportDryRun(
  actor: Actor,
  id: string,
  mapping: ImportMapping,
  valueMappings: ValueMappings | null = null,
  matchBy: ImportMatchKey = "code",
): Promise<void> {
  requirePermission(actor, "import:case:any");
  // Checked here too: a value mapped outside the vocabularies is refused before anything is stored.
  const parsedValues = parseValueMappings(valueMappings ?? {});
  if (!parsedValues.ok) throw ruleBroken(parsedValues.message);
  const values = parsedValues.values;
  await claim(
    actor,
    id,
    ["READ", "CHECKED", "FAILED"],
    "CHECKING",
    {
      mapping: json({ columns: mapping, values, matchBy }),
      dryRun: Prisma.DbNull,
      versions: Prisma.DbNull,
      rowsChecked: 0,
      rowsWritten: 0,
    },
    "This import is running or already applied: wait for it, or start a new one.",
  );
  void runInBackground(id, "CHECKING", async (progress) => {
    const file = await storedFile(id);
    const dry = await dryRunImport(actor, file, mapping, progress, values, matchBy);
    await db.importJob.updateMany({
      where: { id, status: "CHECKING" },
      data: {
        status: "CHECKED",
        dryRun: json(summaryOf(dry)),
        versions: json(Object.fromEntries(dry.updates.map((u) => [u.code, u.version]))),
        rowsRead: dry.rowCount,
        rowsChecked: dry.rowCount,
        heartbeatAt: new Date(),
      },
    });
  });
}

/**
 * Step 3: applies the job's last dry run, as a job: one transaction for the whole file, the case
 * versions the dry run read insisted on (a case changed since refuses the file), and the job's
 * APPLIED state written inside that transaction, so the job and the cases agree.
 */
export async function startImportApply(actor: Actor, id: string, today: Date): Promise<void> {
  requirePermission(actor, "import:case:any");
  await claim(
    actor,
    id,
    ["CHECKED"],
    "APPLYING",
    { rowsWritten: 0 },
    "Run the dry run first (again, if this import failed or was changed): nothing was imported.",
  );
  void runInBackground(id, "APPLYING", async (progress) => {
    const file = await storedFile(id);
    if (!file.mapping || !file.dryRun || !file.versions)
      throw ruleBroken("Run the dry run first; nothing was imported.");
    const versions = file.versions;
    await applyImport(actor, file, file.mapping, { sha256: file.dryRun.sha256, versions }, today, {
      progress,
      values: file.values,
      matchBy: file.matchBy,
      beforeCommit: async (tx, result) => {
        const done = await tx.importJob.updateMany({
          where: { id, status: "APPLYING" },
          data: {
            status: "APPLIED",
            result: json(resultOf(result)),
            rowsWritten: result.created.length + result.updated.length,
            file: null,
            heartbeatAt: new Date(),
          },
        });
        // Marked failed meanwhile (its heartbeat went stale): the job says nothing was written, so nothing is.
        if (done.count !== 1) throw ruleBroken("This import was stopped before it finished; nothing was imported.");
      },
    });
  });
}
