import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/data/audit";
import { caseColumnsSelect, findPossibleDuplicatesOfRows } from "@/lib/data/cases";
import { createCaseInTx, nextCaseCode } from "@/lib/data/case-writes";
import { isDataError, ruleBroken } from "@/lib/data/errors";
import { createEventInTx } from "@/lib/data/events";
import { changedFields, writeHistory } from "@/lib/data/history";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import { requirePermission, visibleCaseLevels, type Actor } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  guessMapping,
  mappingProblems,
  type ImportMapping,
  type ImportMatchKey,
  type ImportTarget,
} from "@/lib/import/mapping";
import { readSpreadsheet, type Sheet } from "@/lib/import/read";
import { mappingFromPreset, profileOfHeaders } from "@/lib/export/profiles";
import { convertSheet, type ImportedCase } from "@/lib/import/rows";
import { collectUnmatched, type UnmatchedValues, type ValueMappings } from "@/lib/import/value-mapping";

/** An uploaded file as the data layer takes it. */
export type ImportFile = { name: string; bytes: Uint8Array };

/** Days either side of a row's dates within which an existing case's dates make it a possible duplicate. */
const DUPLICATE_DAYS = 3;
const DAY_MS = 86_400_000;
/** The case fields each mapped column sets, for updates (which change only the columns a row fills). */
const TARGET_FIELDS: Partial<Record<ImportTarget, string[]>> = {
  title: ["title"],
  summary: ["summary"],
  size: ["sizeMin", "sizeMax", "sizeBest", "sizeWording"],
  sizeMin: ["sizeMin"],
  sizeMax: ["sizeMax"],
  sizeBest: ["sizeBest"],
  sizeWording: ["sizeWording"],
  place: ["country", "province", "cityArea"],
  country: ["country"],
  province: ["province"],
  city: ["cityArea"],
  verification: ["verification"],
  tags: ["tags"],
};

export type ImportPreview = {
  fileName: string;
  sha256: string;
  format: Sheet["format"];
  encoding: Sheet["encoding"];
  headers: string[];
  rowCount: number;
  formulaCells: number;
  guess: ImportMapping;
  /** The first rows, for the mapping screen. */
  samples: string[][];
};

export type DryRun = {
  fileName: string;
  sha256: string;
  rowCount: number;
  creates: { line: number; title: string; code: string | null }[];
  updates: { line: number; code: string; title: string; version: number; fields: string[] }[];
  refused: { line: number; problems: string[] }[];
  duplicates: { line: number; title: string; matches: { code: string; title: string }[] }[];
  /** The status and place values the vocabularies did not recognise, for the user to map (mapped ones too). */
  unmatched: UnmatchedValues;
};

export type ImportResult = {
  created: { line: number; code: string }[];
  updated: { line: number; code: string }[];
  /** Rows that matched a case exactly: nothing was written for them. */
  unchanged: { line: number; code: string }[];
  refused: number;
};

/** How far a dry run or apply got, for a job's progress (lib/data/import-jobs.ts); counts are totals so far. */
export type ImportProgress = (done: { read?: number; checked?: number; written?: number }) => void | Promise<void>;
/** Rows converted between two progress reports. */
const CHECK_CHUNK = 1_000;

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The reason every history row of an import carries: which file, exactly, and who brought it in. */
export function importReason(fileName: string, hash: string, actorName: string): string {
  return `Imported from ${fileName.slice(0, 200)} (sha256 ${hash}) by ${actorName.slice(0, 200)}`;
}

async function readOrRefuse(file: ImportFile): Promise<Sheet> {
  const read = await readSpreadsheet(file.name, file.bytes);
  if (!read.ok) throw ruleBroken(read.message);
  return read.sheet;
}

function checkMapping(sheet: Sheet, mapping: ImportMapping) {
  const problems = mappingProblems(sheet.headers, mapping);
  if (problems.length > 0) throw ruleBroken(problems.join(" "));
}

function profileGuess(headers: string[]): ImportMapping {
  const profile = profileOfHeaders(headers);
  return profile ? mappingFromPreset(profile, headers) : guessMapping(headers);
}

/** Step 1: reads an uploaded file and guesses its mapping. Nothing is written. Editors and up. */
export async function previewImport(actor: Actor, file: ImportFile): Promise<ImportPreview> {
  requirePermission(actor, "import:case:any");
  const sheet = await readOrRefuse(file);
  return {
    fileName: file.name,
    sha256: sha256(file.bytes),
    format: sheet.format,
    encoding: sheet.encoding,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    formulaCells: sheet.formulaCells,
    // A file exported here in a profile (ACLED-style, HXL, Uwazi) gets that profile's preset.
    guess: profileGuess(sheet.headers),
    samples: sheet.rows.slice(0, 3).map((r) => sheet.headers.map((_, i) => (r.cells[i] ?? "").slice(0, 120))),
  };
}

/** What the plan reads of a case a row updates: its version, and its columns (as its edit form reads them). */
const existingSelect = {
  id: true,
  code: true,
  version: true,
  deletedAt: true,
  ...caseColumnsSelect,
} satisfies Prisma.CaseSelect;
type ExistingCase = Prisma.CaseGetPayload<{ select: typeof existingSelect }>;
type Change = { field: string; oldValue: string | null; newValue: string | null };

type Planned =
  | { kind: "create"; line: number; value: ImportedCase }
  | {
      kind: "update";
      line: number;
      value: ImportedCase;
      current: ExistingCase;
      /** Only the fields that change, with their new values, and the history rows they make. */
      after: Record<string, unknown>;
      changes: Change[];
    };

/** How a title is compared when rows are matched to cases by title. */
const titleKey = (title: string) => title.trim().toLowerCase();

/** The live cases the reader may see whose titles the file's rows without a code carry (one query). */
async function casesByTitle(actor: Actor, outcomes: { ok: boolean; value?: ImportedCase }[]) {
  const titles = [
    ...new Set(outcomes.flatMap((o) => (o.ok && o.value && !o.value.code ? [titleKey(o.value.input.title)] : []))),
  ];
  const byTitle = new Map<string, ExistingCase[]>();
  if (titles.length === 0) return byTitle;
  const ids = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT c."id" FROM "Case" c
    WHERE lower(btrim(c."title")) = ANY(${titles}) AND c."deletedAt" IS NULL
      AND c."visibility"::text = ANY(${visibleCaseLevels(actor)})`);
  const found = await db.case.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: existingSelect,
    orderBy: { code: "asc" },
  });
  for (const c of found) byTitle.set(titleKey(c.title), [...(byTitle.get(titleKey(c.title)) ?? []), c]);
  return byTitle;
}

/** The rows of a file checked against the database: what each would do, or why it is refused. */
async function plan(
  actor: Actor,
  file: ImportFile,
  mapping: ImportMapping,
  progress?: ImportProgress,
  values?: ValueMappings | null,
  matchBy: ImportMatchKey = "code",
) {
  const sheet = await readOrRefuse(file);
  await progress?.({ read: sheet.rows.length });
  checkMapping(sheet, mapping);
  const outcomes: ReturnType<typeof convertSheet> = [];
  for (let at = 0; at < sheet.rows.length; at += CHECK_CHUNK) {
    outcomes.push(...convertSheet({ ...sheet, rows: sheet.rows.slice(at, at + CHECK_CHUNK) }, mapping, values));
    // Reported (and the event loop let go) between chunks, so a job's heartbeat keeps beating.
    await progress?.({ checked: Math.min(at + CHECK_CHUNK, sheet.rows.length) });
  }
  const refused: DryRun["refused"] = [];
  const planned: Planned[] = [];
  const codeColumn = sheet.headers[mapping.indexOf("code")] ?? "code";
  const codes = [...new Set(outcomes.flatMap((o) => (o.ok && o.value.code ? [o.value.code] : [])))];
  const existing = codes.length
    ? await db.case.findMany({
        where: { code: { in: codes } },
        select: existingSelect,
      })
    : [];
  const visible = new Set(visibleCaseLevels(actor));
  const byCode = new Map(existing.map((c) => [c.code, c]));
  const firstLine = new Map<string, number>();
  // Matched by title (when the user picks it): rows without a code update the one live case the
  // reader may see whose title is the same (ignoring case and outer spaces); two such cases refuse it.
  const titleColumn = sheet.headers[mapping.indexOf("title")] ?? "title";
  const byTitle = matchBy === "title" ? await casesByTitle(actor, outcomes) : new Map<string, ExistingCase[]>();
  const lineOfCase = new Map<string, number>();
  for (const o of outcomes) {
    if (!o.ok) {
      refused.push({ line: o.line, problems: o.problems });
      continue;
    }
    const code = o.value.code;
    let current: ExistingCase | undefined;
    let say: (message: string) => void;
    if (code) {
      say = (message) =>
        refused.push({ line: o.line, problems: [`row ${o.line}, column ${codeColumn}: '${code}' ${message}`] });
      const earlier = firstLine.get(code);
      if (earlier !== undefined) {
        say(`is also in row ${earlier}; a file may change a case only once`);
        continue;
      }
      firstLine.set(code, o.line);
      current = byCode.get(code);
    } else if (matchBy === "title") {
      const title = o.value.input.title;
      const same = byTitle.get(titleKey(title)) ?? [];
      if (same.length > 1) {
        refused.push({
          line: o.line,
          problems: [
            `row ${o.line}, column ${titleColumn}: '${title}' is the title of ${same.length} cases (${same.map((c) => c.code).join(", ")}); give the case code to say which`,
          ],
        });
        continue;
      }
      current = same[0];
      say = (message) =>
        refused.push({ line: o.line, problems: [`row ${o.line}, column ${titleColumn}: '${title}' ${message}`] });
    } else say = () => {};
    if (!current) {
      planned.push({ kind: "create", line: o.line, value: o.value });
      continue;
    }
    const earlierRow = lineOfCase.get(current.id);
    if (earlierRow !== undefined) {
      say(`updates case ${current.code}, as row ${earlierRow} does; a file may change a case only once`);
      continue;
    }
    lineOfCase.set(current.id, o.line);
    if (!visible.has(current.visibility)) {
      say("is already used by a case you may not change");
      continue;
    }
    if (current.deletedAt) {
      say("belongs to an archived case; restore it first to update it");
      continue;
    }
    const fieldNames = o.value.given.flatMap((t) => TARGET_FIELDS[t] ?? []);
    const after: Record<string, unknown> = Object.fromEntries(
      fieldNames.map((f) => [f, (o.value.input as Record<string, unknown>)[f] ?? null]),
    );
    if (o.value.status) after.status = o.value.status;
    const changes = changedFields(current as unknown as Record<string, unknown>, after, Object.keys(after));
    planned.push({
      kind: "update",
      line: o.line,
      value: o.value,
      current,
      after: Object.fromEntries(changes.map((c) => [c.field, after[c.field]])),
      changes,
    });
  }
  return { sheet, planned, refused, unmatched: collectUnmatched(outcomes) };
}

/**
 * Existing cases that may be the group a new row describes: the case form's rule (same place,
 * similar size), and when the row has a date, dates that overlap it give or take three days. One
 * query for the whole file (lib/data/cases.ts), not one per row.
 */
async function possibleDuplicates(actor: Actor, rows: Planned[]) {
  const creates = rows.filter((p) => p.kind === "create");
  const widen = (day: string, days: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY_MS);
  const found = await findPossibleDuplicatesOfRows(
    actor,
    creates.map((p, key) => ({
      key,
      country: p.value.input.country,
      province: p.value.input.province,
      sizeMin: p.value.input.sizeMin,
      near: p.value.event
        ? {
            from: widen(p.value.event.dateEarliest, -DUPLICATE_DAYS),
            to: widen(p.value.event.dateLatest, DUPLICATE_DAYS),
          }
        : null,
    })),
  );
  const out: DryRun["duplicates"] = [];
  creates.forEach((p, key) => {
    const matches = found.get(key);
    if (matches) out.push({ line: p.line, title: p.value.input.title, matches });
  });
  return out;
}

/**
 * Step 2, the dry run: what importing the file with this mapping would do, before anything is
 * written — the rows that create a case, those that update one (matched by code, with the version
 * read now, which the apply step insists on), the refused rows with every reason, and the possible
 * duplicates of existing cases.
 */
export async function dryRunImport(
  actor: Actor,
  file: ImportFile,
  mapping: ImportMapping,
  progress?: ImportProgress,
  values?: ValueMappings | null,
  matchBy: ImportMatchKey = "code",
): Promise<DryRun> {
  requirePermission(actor, "import:case:any");
  const { sheet, planned, refused, unmatched } = await plan(actor, file, mapping, progress, values, matchBy);
  return {
    fileName: file.name,
    sha256: sha256(file.bytes),
    rowCount: sheet.rows.length,
    creates: planned.flatMap((p) =>
      p.kind === "create" ? [{ line: p.line, title: p.value.input.title, code: p.value.code }] : [],
    ),
    updates: planned.flatMap((p) =>
      p.kind === "update"
        ? [
            {
              line: p.line,
              code: p.current.code,
              title: p.current.title,
              version: p.current.version,
              fields: p.changes.map((c) => c.field),
            },
          ]
        : [],
    ),
    refused: refused.sort((a, b) => a.line - b.line),
    duplicates: await possibleDuplicates(actor, planned),
    unmatched,
  };
}

/**
 * Step 3: imports the rows the dry run accepted, all in ONE transaction (all of them or none). Every
 * history row says "Imported from FILE (sha256 …) by NAME", and the import is in the audit log. The
 * file must be the one of the dry run (same SHA-256), and a case updated must still be at the version
 * the dry run read: a case changed since is refused, and then nothing is written.
 */
export async function applyImport(
  actor: Actor,
  file: ImportFile,
  mapping: ImportMapping,
  expected: { sha256: string; versions: Record<string, number> },
  today: Date,
  options: {
    progress?: ImportProgress;
    /** The value mappings of the dry run (lib/import/value-mapping.ts). */
    values?: ValueMappings | null;
    /** How the dry run matched rows without a code to existing cases. */
    matchBy?: ImportMatchKey;
    /** Runs last inside the import's transaction (a job records its result there: both or neither). */
    beforeCommit?: (tx: Prisma.TransactionClient, result: ImportResult) => Promise<void>;
  } = {},
): Promise<ImportResult> {
  requirePermission(actor, "import:case:any");
  const hash = sha256(file.bytes);
  if (hash !== expected.sha256)
    throw ruleBroken(
      "This is not the file of the dry run (its contents differ). Run the dry run again; nothing was imported.",
    );
  const { planned, refused } = await plan(actor, file, mapping, options.progress, options.values, options.matchBy);
  const reason = importReason(file.name, hash, actor!.name);
  const result: ImportResult = { created: [], updated: [], unchanged: [], refused: refused.length };
  let current: Planned | null = null;
  try {
    await db.$transaction(
      async (tx) => {
        // The dates of the events the updated cases already have, read once: a row whose date one of
        // them already carries adds no second event (new cases have none yet).
        const updatedIds = planned.flatMap((p) => (p.kind === "update" && p.value.event ? [p.current.id] : []));
        const datedEvents = new Set<string>();
        for (let at = 0; at < updatedIds.length; at += 5_000) {
          const events = await tx.caseEvent.findMany({
            where: { caseId: { in: updatedIds.slice(at, at + 5_000) }, deletedAt: null },
            select: { caseId: true, dateEarliest: true, dateLatest: true },
          });
          for (const e of events)
            datedEvents.add(
              `${e.caseId}|${e.dateEarliest.toISOString().slice(0, 10)}|${e.dateLatest.toISOString().slice(0, 10)}`,
            );
        }
        // New codes: the first per country and year is read, the next ones counted on (one query per
        // prefix, not one per row), skipping the codes the file itself gives to new cases.
        const givenCodes = new Set(planned.flatMap((p) => (p.kind === "create" && p.value.code ? [p.value.code] : [])));
        const nextNumber = new Map<string, number>();
        const newCode = async (country: string, year: number) => {
          const prefix = `${country}-${year}-`;
          let n = nextNumber.get(prefix) ?? Number((await nextCaseCode(tx, country, year)).slice(prefix.length));
          let code = `${prefix}${String(n).padStart(4, "0")}`;
          while (givenCodes.has(code)) code = `${prefix}${String(++n).padStart(4, "0")}`;
          if (n > 9999) throw ruleBroken(`No case codes left for ${prefix}…`);
          nextNumber.set(prefix, n + 1);
          return code;
        };
        let written = 0;
        for (const p of planned) {
          current = p;
          await options.progress?.({ written: written++ });
          const { value } = p;
          let caseId: string;
          if (p.kind === "create") {
            const year = value.event ? Number(value.event.dateEarliest.slice(0, 4)) : today.getUTCFullYear();
            const created = await createCaseInTx(tx, actor, value.input, {
              year,
              code: value.code ?? (await newCode(value.input.country, year)),
              status: value.status ?? undefined,
              statusManual: value.status !== null,
              reason,
            });
            caseId = created.id;
            result.created.push({ line: p.line, code: created.code });
          } else {
            caseId = p.current.id;
            const opened = expected.versions[p.current.code];
            if (opened === undefined)
              throw ruleBroken(
                `Row ${p.line} updates case ${p.current.code}, which the dry run did not list. Run the dry run again; nothing was imported.`,
              );
            const { changes } = p;
            if (changes.length === 0) {
              // An unchanged row (e.g. a file exported from here coming back) writes nothing, not even
              // a version bump, but the dry run's picture of the case must still hold.
              const now = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
              await checkVersion(tx, "Case", { id: caseId, version: now.version }, opened);
            } else {
              await updateAtVersion(
                tx,
                "Case",
                { id: caseId, opened },
                {
                  ...p.after,
                  ...("status" in p.after ? { statusManual: true } : {}),
                  updatedById: actor!.id,
                },
              );
              await writeHistory(tx, {
                actor,
                entity: "Case",
                entityId: caseId,
                caseId,
                action: "UPDATE",
                changes,
                reason,
              });
            }
          }
          let eventAdded = false;
          if (value.event) {
            const event = value.event;
            const same = p.kind === "update" && datedEvents.has(`${caseId}|${event.dateEarliest}|${event.dateLatest}`);
            eventAdded = !same;
            if (!same)
              await createEventInTx(
                tx,
                actor,
                caseId,
                {
                  type: "OTHER",
                  dateEarliest: new Date(`${event.dateEarliest}T00:00:00.000Z`),
                  dateLatest: new Date(`${event.dateLatest}T00:00:00.000Z`),
                  precision: event.precision,
                  dateWording: event.dateWording,
                  description: `Date from the spreadsheet ${file.name.slice(0, 200)}, row ${p.line}`,
                  country: value.input.country,
                  province: value.input.province ?? null,
                  cityArea: value.input.cityArea ?? null,
                  authority: null,
                },
                reason,
              );
          }
          if (p.kind === "update")
            (p.changes.length > 0 || eventAdded ? result.updated : result.unchanged).push({
              line: p.line,
              code: p.current.code,
            });
        }
        current = null;
        await recordAuditEvent(
          {
            kind: "import",
            success: true,
            actorId: actor!.id,
            actorEmail: actor!.email,
            detail: {
              file: file.name.slice(0, 200),
              sha256: hash,
              created: result.created.length,
              updated: result.updated.length,
              unchanged: result.unchanged.length,
              refused: refused.length,
            },
          },
          tx,
        );
        await options.progress?.({ written });
        await options.beforeCommit?.(tx, result);
      },
      { maxWait: 10_000, timeout: 30 * 60_000 },
    );
  } catch (error) {
    const at = current as Planned | null;
    if (at && isDataError(error, "conflict")) {
      const code = at.kind === "update" ? at.current.code : (at.value.code ?? "");
      const by = error.changedBy ? ` by ${error.changedBy}` : "";
      throw ruleBroken(
        `Row ${at.line}: case ${code} was changed${by} since the dry run. Nothing was imported; run the dry run again to see the case as it is now.`,
      );
    }
    if (at && isDataError(error, "rule")) throw ruleBroken(`Row ${at.line}: ${error.message} Nothing was imported.`);
    if (at && (error as { code?: string }).code === "P2002")
      throw ruleBroken(`Row ${at.line}: its case code is already taken. Nothing was imported; run the dry run again.`);
    throw error;
  }
  return result;
}
