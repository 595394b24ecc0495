/**
 * npm run bench — times the timeline's queries on a generated data set.
 *
 * Starts a throwaway embedded PostgreSQL, applies the migrations, generates BENCH_CASES cases
 * (default 100,000) with their events, sources and claims in SQL, then runs the real data-layer
 * functions (lib/data/case-search.ts) as a visitor and as a researcher: 1 warm-up and 5 timed runs
 * each, median and max printed. Then EXPLAIN (ANALYZE, BUFFERS) of the main queries and the indexes.
 * (The fixes this found — GiST range indexes, the full-text UNION, ids-once exports, a covering
 * index for the chart — are in the migrations and case-search.ts, with their before/after figures.)
 * Nothing is asserted: the figures are for reading. The database and its directory are removed at
 * the end, also on error or Ctrl-C.
 *
 * Environment: BENCH_CASES (default 100000), BENCH_SOURCES (default cases / 5), BENCH_RUNS (default 5),
 * BENCH_BUDGET_MS (default 6000: a query whose runs pass this total stops after 3 runs, and says so),
 * BENCH_IMPORT_ROWS (default 20000, the most a file may hold; 0 skips it): at the end, a generated
 * spreadsheet of that many rows is imported through lib/data/imports.ts (dry run, then apply in one
 * transaction) as an editor, with rows/second and the process's resident memory (sampled peak) printed.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/ops/migrations.ts";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "../lib/ops/embedded-postgres.ts";
import type { Actor } from "../lib/auth/permissions.ts";
import { COMMON_WORD, RARE_WORD, generateBenchData } from "./lib/bench-data.ts";
import { generatePrismaClient } from "./lib/prepare.ts";
import { benchImportCsv, BENCH_IMPORT_HEADERS } from "./lib/bench-import.ts";
import { runScript } from "./lib/run-script.ts";
import { freePort } from "./lib/free-port.ts";
import { readEnv } from "../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

const CASES = config.BENCH_CASES;
const SOURCES = config.BENCH_SOURCES ?? Math.max(100, Math.round(CASES / 5));
const RUNS = config.BENCH_RUNS;
const BUDGET_MS = config.BENCH_BUDGET_MS;
const MIN_RUNS = Math.min(3, RUNS);
const IMPORT_ROWS = config.BENCH_IMPORT_ROWS;
if (!Number.isInteger(CASES) || CASES < 1000 || CASES > 9_999_999) {
  console.error("BENCH_CASES must be a whole number from 1000 to 9999999.");
  process.exit(2);
}
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error("BENCH_RUNS must be a whole number of at least 1.");
  process.exit(2);
}

const VISITOR: Actor = null;
const RESEARCHER: Actor = { id: "bench", email: "b@example.org", name: "Bench", role: "RESEARCHER" };
const ACTORS: [string, Actor][] = [
  ["visitor", VISITOR],
  ["researcher", RESEARCHER],
];
const SLOW_MS = 200;

const started = performance.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const heading = (title: string) => console.log(`\n== ${title} ${"=".repeat(Math.max(3, 100 - title.length))}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

// Clean-up, for the normal end, errors and Ctrl-C alike. Before the server runs, Ctrl-C removes the
// directory here; once it runs, embedded-postgres's own exit hook stops it and deletes its
// (non-persistent) data directory, and the exit handler below removes whatever is left.
let dataDir: string | undefined;
let server: RunningPostgres | undefined;
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    if (!server) process.exit(130);
    console.error(`\n${signal}: stopping the bench database and removing ${dataDir}…`);
  });
}
process.on("exit", () => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Timing = { median: number; max: number; runs: number; result: string };

/** One warm-up run, then RUNS timed runs (at least MIN_RUNS, fewer than RUNS only past BUDGET_MS). */
async function time(fn: () => Promise<string>): Promise<Timing> {
  let result = await fn();
  const times: number[] = [];
  let total = 0;
  while (times.length < RUNS && (times.length < MIN_RUNS || total < BUDGET_MS)) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
    total += times[times.length - 1];
  }
  times.sort((a, b) => a - b);
  const mid = times.length / 2;
  const median = times.length % 2 ? times[Math.floor(mid)] : (times[mid - 1] + times[mid]) / 2;
  return { median, max: times[times.length - 1], runs: times.length, result };
}

const W = { name: 64, actor: 10, num: 9 };
const num = (ms: number) => ms.toFixed(1).padStart(W.num);
const runsNote = (t: Timing) => (t.runs < RUNS ? ` [${t.runs} runs]` : "");
function printHeader(): void {
  console.log(
    `${"query".padEnd(W.name)} ${"actor".padEnd(W.actor)} ${"median".padStart(W.num)} ${"max".padStart(W.num)}  result`,
  );
  console.log("-".repeat(W.name + W.actor + 2 * W.num + 40));
}
function printRow(name: string, actor: string, t: Timing): void {
  const slow = t.median > SLOW_MS ? "  <-- slow" : "";
  console.log(
    `${name.padEnd(W.name)} ${actor.padEnd(W.actor)} ${num(t.median)} ${num(t.max)}  ${t.result}${runsNote(t)}${slow}`,
  );
}
async function main(): Promise<void> {
  heading(
    `Refoulement Watch benchmark: ${CASES.toLocaleString("en")} cases, ${SOURCES.toLocaleString("en")} sources, ${RUNS} runs per query`,
  );
  console.log(
    `Machine: ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB; load average at start ${load()}`,
  );
  await generatePrismaClient();

  // 1. A throwaway cluster, migrated.
  let t0 = performance.now();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "rw-bench-"));
  server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    password: randomBytes(12).toString("hex"),
    persistent: false,
  });
  const url = await ensureDatabase(server.baseUrl, "bench");
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  // The server going away under an idle connection (Ctrl-C stops it) is expected, not a crash.
  client.on("error", (error) => {
    if (!interrupted) console.error(`PostgreSQL connection error: ${error.message}`);
  });
  await client.connect();
  const {
    rows: [version],
  } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const { rows: settings } = await client.query<{ name: string; setting: string; unit: string | null }>(
    "SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather') ORDER BY name",
  );
  console.log(
    `PostgreSQL ${version.v} on port ${server.port}, data in ${dataDir}; migrations applied: ${secs(performance.now() - t0)}`,
  );
  console.log(`Settings (defaults): ${settings.map((s) => `${s.name}=${s.setting}${s.unit ?? ""}`).join(", ")}`);

  try {
    // 2. Data.
    heading("Generating data (SQL: INSERT … SELECT … FROM generate_series)");
    t0 = performance.now();
    const { counts } = await generateBenchData(client, { cases: CASES, sources: SOURCES, log: console.log });
    console.log(
      `Generated in ${secs(performance.now() - t0)}: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
        .join(", ")}`,
    );
    const { rows: sizes } = await client.query<{ t: string; size: string; idx: string }>(`
      SELECT relname AS t, pg_size_pretty(pg_table_size(oid)) AS size, pg_size_pretty(pg_indexes_size(oid)) AS idx
      FROM pg_class WHERE relname IN ('Case', 'CaseEvent', 'Source', 'SourceClaim') ORDER BY relname`);
    console.log(`Sizes (table / its indexes): ${sizes.map((s) => `${s.t} ${s.size} / ${s.idx}`).join(", ")}`);

    // 3. The data layer, pointed at the bench database (imported only now, after DATABASE_URL is set).
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex"); // lib/env.ts requires one; unused here
    const search = await import("../lib/data/case-search.ts");
    const { parseCaseQuery, paramsFromUrl } = await import("../lib/validations/case-filter.ts");
    const { db } = await import("../lib/db/index.ts");
    const { Prisma } = await import("../lib/generated/prisma/client.ts");
    type Sql = import("../lib/generated/prisma/client.ts").Prisma.Sql;

    const parse = (qs: string) => {
      const parsed = parseCaseQuery(paramsFromUrl(new URLSearchParams(qs)));
      if (!parsed.ok) throw new Error(`Bad bench query "${qs}": ${JSON.stringify(parsed.errors)}`);
      return parsed;
    };
    const n = (x: number) => x.toLocaleString("en");
    const pageResult = (r: { items: unknown[]; totals: { groups: number }; page: number; pageCount: number }) =>
      `${r.items.length} rows of ${n(r.totals.groups)} (page ${r.page}/${r.pageCount})`;

    type Query = { name: string; run: (actor: Actor) => Promise<string> };
    const listing = (qs: string): Query["run"] => {
      const { filter, listing } = parse(qs);
      return async (actor) => pageResult(await search.searchCases(actor, filter, listing));
    };
    const chart = (qs: string, unit: "month" | "year"): Query["run"] => {
      const { filter } = parse(qs);
      return async (actor) => `${(await search.chartCases(actor, filter, unit)).length} cells`;
    };
    const TIMELINE = "from=2012-02&to=2012-02";
    const STREAM = "from=2012&to=2013";
    const FILTERED = "status=REPATRIATED&province=Jilin&sizeMin=5&sizeMax=20";
    const Q = {
      timelineP1: { name: `searchCases ${TIMELINE} sort=date p1`, run: listing(`${TIMELINE}&sort=date&page=1`) },
      timelineDeep: { name: `searchCases ${TIMELINE} sort=date p200`, run: listing(`${TIMELINE}&sort=date&page=200`) },
      allDeep: { name: "searchCases (no filter) sort=date p200", run: listing("sort=date&page=200") },
      allBySize: { name: "searchCases (no filter) sort=-size p1", run: listing("sort=-size&page=1") },
      countAll: {
        name: "countCases (no filter)",
        run: async (a: Actor) => `${n((await search.countCases(a, parse("").filter)).groups)} groups`,
      },
      countTimeline: {
        name: `countCases ${TIMELINE}`,
        run: async (a: Actor) => `${n((await search.countCases(a, parse(TIMELINE).filter)).groups)} groups`,
      },
      chartMonth: { name: "chartCases (no filter) by month", run: chart("", "month") },
      chartYear: { name: "chartCases (no filter) by year", run: chart("", "year") },
      chartRange: { name: "chartCases from=2010&to=2014 by month", run: chart("from=2010&to=2014", "month") },
      places: {
        name: "countByPlace (no filter)",
        run: async (a: Actor) => `${(await search.countByPlace(a, parse("").filter)).length} places`,
      },
      ftsRare: { name: `searchCases q=${RARE_WORD} (rare word)`, run: listing(`q=${RARE_WORD}`) },
      ftsCommon: { name: `searchCases q=${COMMON_WORD} (common word)`, run: listing(`q=${COMMON_WORD}`) },
      filtered: { name: "searchCases status+province+size", run: listing(FILTERED) },
      // Korean search (docs/decisions/016): a two-syllable place, two words, a romanisation expanded to Korean.
      koPlace: { name: "searchCases q=선양 (Korean place)", run: listing(`q=${encodeURIComponent("선양")}`) },
      koWords: {
        name: "searchCases q=탈북민 체포 (two words)",
        run: listing(`q=${encodeURIComponent("탈북민 체포")}`),
      },
      koRoman: { name: "searchCases q=Shenyang (both languages)", run: listing("q=Shenyang") },
      stream: {
        name: `streamCases ${STREAM} (all batches)`,
        run: async (a: Actor) => {
          let rows = 0,
            batches = 0,
            refs = 0;
          for await (const batch of search.streamCases(a, parse(STREAM).filter)) {
            rows += batch.rows.length;
            batches++;
            for (const list of batch.sources.values()) refs += list.length;
          }
          return `${n(rows)} rows, ${batches} batches, ${n(refs)} source refs`;
        },
      },
    } satisfies Record<string, Query>;

    const baseline = new Map<string, Timing>();
    const key = (q: Query, actor: string) => `${q.name}|${actor}`;
    heading(`Timings through lib/data/case-search.ts (1 warm-up + ${RUNS} runs; ms)`);
    t0 = performance.now();
    printHeader();
    for (const q of Object.values(Q)) {
      for (const [actorName, actor] of ACTORS) {
        const t = await time(() => q.run(actor));
        baseline.set(key(q, actorName), t);
        printRow(q.name, actorName, t);
      }
    }
    console.log(`(timed section: ${secs(performance.now() - t0)}; load average ${load()})`);

    await koreanComparison(client, async (q) => {
      const { filter, listing: l } = parse(`q=${encodeURIComponent(q)}`);
      const r = await search.searchCases(VISITOR, filter, l);
      return r.totals.groups;
    });

    // 4. Plans: the SQL of searchCases, built the same way (caseWhereSql + its ORDER BY/LIMIT).
    const ROW_COLUMNS = Prisma.sql`c."id", c."code", c."title", c."summary", c."status", c."verification", c."sizeMin", c."sizeMax", c."sizeBest",
      c."sizeWording", c."country", c."province", c."cityArea", c."latitude", c."longitude", c."firstEventEarliest", c."lastEventLatest",
      c."tags", c."visibility", c."origin", c."updatedAt"`;
    const BY_DATE = Prisma.sql`c."firstEventEarliest" ASC NULLS LAST, c."code" ASC`;
    const pageSql = (where: Sql, limit = 50, offset = 0) =>
      Prisma.sql`SELECT ${ROW_COLUMNS} FROM "Case" c WHERE ${where} ORDER BY ${BY_DATE} LIMIT ${limit} OFFSET ${offset}`;
    const countSql = (where: Sql) =>
      Prisma.sql`SELECT count(*) AS groups, sum(c."sizeMin") AS at_least, sum(COALESCE(c."sizeBest", c."sizeMin")) AS best FROM "Case" c WHERE ${where}`;
    const whereOf = (actor: Actor, qs: string) => search.caseWhereSql(actor, parse(qs).filter);
    const explain = async (title: string, sql: Sql) => {
      heading(`EXPLAIN (ANALYZE, BUFFERS) ${title}`);
      console.log(`${sql.text.replace(/\s+/g, " ").trim()}\n  -- values: ${JSON.stringify(sql.values)}\n`);
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
        sql.values,
      );
      for (const r of rows) console.log(r["QUERY PLAN"]);
    };
    await explain(`searchCases page 1 (${TIMELINE}, sort=date), visitor`, pageSql(whereOf(VISITOR, TIMELINE)));
    await explain(`searchCases' total, countCases (${TIMELINE}), visitor`, countSql(whereOf(VISITOR, TIMELINE)));
    await explain(
      `searchCases page 1 (q=${RARE_WORD}, sort=date), visitor`,
      pageSql(whereOf(VISITOR, `q=${RARE_WORD}`)),
    );
    await explain("searchCases page 1 (q=선양, sort=date), visitor", pageSql(whereOf(VISITOR, "q=%EC%84%A0%EC%96%91")));

    const printIndexes = async () => {
      const { rows } = await client.query<{ indexdef: string; size: string }>(`
        SELECT i.indexdef, pg_size_pretty(pg_relation_size(format('%I.%I', i.schemaname, i.indexname)::regclass)) AS size
        FROM pg_indexes i WHERE i.tablename IN ('Case', 'CaseEvent', 'Source', 'SourceClaim') ORDER BY i.tablename, i.indexname`);
      for (const i of rows) console.log(`${i.size.padStart(8)}  ${i.indexdef.replace(" ON public.", " ON ")}`);
    };
    heading("Indexes on Case, CaseEvent, Source, SourceClaim (pg_indexes; size)");
    await printIndexes();

    if (IMPORT_ROWS > 0) await benchImport(client);

    await db.$disconnect();
  } catch (error) {
    if (!interrupted) throw error; // an interrupted run's failing query is expected: just clean up
  } finally {
    await client.end().catch(() => {});
    await server.stop().catch(() => {});
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
    console.log(
      `\nDatabase stopped and removed. Total run: ${secs(performance.now() - started)}; load average at end ${load()}`,
    );
  }
  if (interrupted) process.exit(130);
}

/** p50 and p95 of `runs` timed runs after one warm-up (the Korean comparison wants more than RUNS). */
async function percentiles(
  fn: () => Promise<number>,
  runs = 20,
): Promise<{ p50: number; p95: number; result: number }> {
  let result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), result };
}

/**
 * Korean search before and after decision 016, on the same data: main's English full-text search (which
 * finds "선양" only as a whole token, never "선양에서"), a LIKE with no index, pg_trgm's GIN index (built
 * here only, to compare), and the bigram index the app uses, through searchCases. Visitor, count of matches.
 */
async function koreanComparison(client: pg.Client, viaApp: (q: string) => Promise<number>): Promise<void> {
  heading("Korean search: before/after (20 runs after 1 warm-up; ms; visitor; matching cases)");
  const TEXT = `(((((("title")::text || ' '::text) || ("summary")::text) || ' '::text) || (COALESCE("titleAlt", ''::character varying))::text) || ' '::text) || ("summaryAlt")::text`;
  const count = (sql: string, params: unknown[]) => async () =>
    Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
  const englishFts = (q: string) =>
    count(
      `SELECT count(*) AS n FROM "Case" c WHERE c."visibility" = 'PUBLIC' AND c."deletedAt" IS NULL AND c."origin" = 'SOURCED' AND c."id" IN (
         SELECT x."id" FROM "Case" x WHERE to_tsvector('english', (x."title"::text || ' '::text) || x."summary"::text) @@ websearch_to_tsquery('english', $1)
         UNION SELECT sc."caseId" FROM "SourceClaim" sc JOIN "Source" s ON s."id" = sc."sourceId"
         WHERE sc."deletedAt" IS NULL AND s."deletedAt" IS NULL AND to_tsvector('english', s."text") @@ websearch_to_tsquery('english', $1))`,
      [q],
    );
  const like = (words: string[]) =>
    count(
      `SELECT count(*) AS n FROM "Case" c WHERE c."visibility" = 'PUBLIC' AND c."deletedAt" IS NULL AND c."origin" = 'SOURCED' AND c."id" IN (
         SELECT "id" FROM "Case" WHERE ${words.map((_, i) => `${TEXT} LIKE $${i + 1}`).join(" AND ")}
         UNION SELECT sc."caseId" FROM "SourceClaim" sc JOIN "Source" s ON s."id" = sc."sourceId"
         WHERE sc."deletedAt" IS NULL AND s."deletedAt" IS NULL AND ${words.map((_, i) => `s."text" LIKE $${i + 1}`).join(" AND ")})`,
      words.map((w) => `%${w}%`),
    );
  const row = (label: string, t: { p50: number; p95: number; result: number }) =>
    console.log(
      `${label.padEnd(70)} ${t.p50.toFixed(1).padStart(8)} ${t.p95.toFixed(1).padStart(8)}  ${t.result.toLocaleString("en")}`,
    );
  console.log(`${"query".padEnd(70)} ${"p50".padStart(8)} ${"p95".padStart(8)}  matches`);
  const cases: [string, string[]][] = [
    ["선양", ["선양"]],
    ["탈북민 체포", ["탈북민", "체포"]],
  ];
  for (const [q, words] of cases) {
    row(`before: English full-text (main) q=${q}`, await percentiles(englishFts(q)));
    row(`no index: LIKE '%…%' q=${q}`, await percentiles(like(words), 5));
  }
  const t0 = performance.now();
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
  await client.query(`CREATE INDEX bench_case_trgm ON "Case" USING GIN ((${TEXT}) gin_trgm_ops)`);
  await client.query(`CREATE INDEX bench_source_trgm ON "Source" USING GIN ("text" gin_trgm_ops)`);
  await client.query(`ANALYZE "Case", "Source"`);
  const { rows: sizes } = await client.query<{ name: string; size: string }>(
    `SELECT relname AS name, pg_size_pretty(pg_relation_size(oid)) AS size FROM pg_class
     WHERE relname IN ('bench_case_trgm', 'bench_source_trgm', 'Case_hangul_idx', 'Source_hangul_idx') ORDER BY relname`,
  );
  console.log(
    `pg_trgm indexes built in ${((performance.now() - t0) / 1000).toFixed(1)} s; sizes: ${sizes.map((r) => `${r.name} ${r.size}`).join(", ")}`,
  );
  for (const [q, words] of cases) row(`pg_trgm GIN: LIKE '%…%' q=${q}`, await percentiles(like(words), 5));
  await client.query("DROP INDEX bench_case_trgm; DROP INDEX bench_source_trgm");
  for (const [q] of [...cases, ["Shenyang"], ["단둥"]] as [string][])
    row(`after: searchCases (bigram index, places both ways) q=${q}`, await percentiles(() => viaApp(q)));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Runs `fn` while sampling the resident set size every 50 ms; returns its result, time and peak RSS. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Imports a generated IMPORT_ROWS-row spreadsheet into the bench database as an editor: the dry run
 * (read, check against 100,000 cases, duplicates) and the apply (one transaction), each timed.
 */
async function benchImport(client: pg.Client): Promise<void> {
  const { dryRunImport, applyImport } = await import("../lib/data/imports.ts");
  const { guessMapping } = await import("../lib/import/mapping.ts");
  heading(`Import: a generated ${IMPORT_ROWS.toLocaleString("en")}-row spreadsheet (lib/data/imports.ts)`);
  const editorId = "bench-editor";
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt")
     VALUES ($1, 'bench-editor@example.org', 'Bench Editor', 'EDITOR', '!', now()) ON CONFLICT DO NOTHING`,
    [editorId],
  );
  const editor: Actor = { id: editorId, email: "bench-editor@example.org", name: "Bench Editor", role: "EDITOR" };
  const { rows: codeRows } = await client.query<{ code: string }>(
    `SELECT "code" FROM "Case" WHERE "deletedAt" IS NULL AND "visibility" <> 'RESTRICTED'
       AND "code" ~ '^[A-Z]{2,3}-[0-9]{4}-[0-9]{4}$' ORDER BY "code" LIMIT $1`,
    [Math.ceil(IMPORT_ROWS / 10)],
  );
  const generated = benchImportCsv(
    IMPORT_ROWS,
    codeRows.map((r) => r.code),
  );
  const file = { name: `bench-${IMPORT_ROWS}.csv`, bytes: new TextEncoder().encode(generated.csv) };
  const mapping = guessMapping(BENCH_IMPORT_HEADERS);
  console.log(
    `File: ${mb(file.bytes.length)} (${file.bytes.length.toLocaleString("en")} bytes), ${IMPORT_ROWS.toLocaleString("en")} rows, ${generated.updates.toLocaleString("en")} by code of an existing case, ${generated.bad} to refuse; RSS before ${mb(process.memoryUsage.rss())}`,
  );
  const rate = (ms: number) => `${Math.round(IMPORT_ROWS / (ms / 1000)).toLocaleString("en")} rows/s`;
  const dry = await measured(() => dryRunImport(editor, file, mapping));
  const d = dry.value;
  console.log(
    `dry run  ${secs(dry.ms).padStart(8)}  ${rate(dry.ms).padStart(14)}  peak RSS ${mb(dry.peakRss)}  → ${d.creates.length} create, ${d.updates.length} update, ${d.refused.length} refused, ${d.duplicates.length} possible duplicates`,
  );
  const versions = Object.fromEntries(d.updates.map((u) => [u.code, u.version]));
  const applied = await measured(() => applyImport(editor, file, mapping, { sha256: d.sha256, versions }, new Date()));
  const r = applied.value;
  console.log(
    `apply    ${secs(applied.ms).padStart(8)}  ${rate(applied.ms).padStart(14)}  peak RSS ${mb(applied.peakRss)}  → ${r.created.length} created, ${r.updated.length} updated, ${r.refused} refused (one transaction)`,
  );
  console.log(
    `Process peak RSS over the whole bench: ${mb(process.resourceUsage().maxRSS * 1024)}; load average ${load()}`,
  );
}

runScript(main);
