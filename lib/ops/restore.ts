/**
 * `npm run restore`: loads a backup (lib/ops/archive.ts) into an empty database.
 *  1. The whole archive is read and checked first (verifyBackup), before anything is written.
 *  2. The database must be empty; `replace` (after `confirm`) drops and recreates schema public.
 *  3. Migrations: the archive's own list is applied through lib/ops/migrations.ts (not more, so the data
 *     meets the schema it was dumped from); later migrations of this checkout run after the commit.
 *  4. One transaction: every table is loaded with `COPY … FROM STDIN` in the archive's order (each
 *     table after those it references), hashed again on the way and checked against the manifest;
 *     the migration record is the archive's; sequences continue after the restored ids. A mismatch
 *     rolls everything back and names the table.
 * The append-only triggers stay in place: COPY only inserts. See docs/decisions/010.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyMigrations, listMigrationNames, MIGRATIONS_DIR } from "./migrations.ts";
import { readArchive, type Manifest, type TableSpec } from "./archive.ts";
import { COPY_SETTINGS, MIGRATIONS_TABLE, ident, listForeignKeys, listSequences, listTables } from "./catalog.ts";

/** A refusal: the database or the archive does not allow a restore. Nothing was written. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefused";
  }
}

/** The migrations a backup's database had applied (finished, not rolled back), in order. */
export function appliedMigrations(manifest: Pick<Manifest, "migrations">): Manifest["migrations"] {
  const applied = manifest.migrations.filter((m) => m.finishedAt !== null && m.rolledBackAt === null);
  return applied.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Checks that this checkout can restore the backup: its migrations must be the first ones of
 * prisma/migrations, with the same content. Returns the migrations to apply after the data is in.
 */
export async function checkMigrations(manifest: Manifest): Promise<{ archive: string[]; later: string[] }> {
  const archive = appliedMigrations(manifest);
  if (archive.length === 0)
    throw new RestoreRefused("The backup records no applied migration: it cannot be matched to a schema.");
  const local = await listMigrationNames();
  const unknown = archive.filter((m) => !local.includes(m.name));
  if (unknown.length > 0) {
    throw new RestoreRefused(
      `The backup was made by a newer version of the app: its migration ${unknown[0].name} is not in this checkout's prisma/migrations. Update the app (made by ${manifest.app.name} ${manifest.app.version}), then restore.`,
    );
  }
  const prefix = local.slice(0, archive.length);
  if (prefix.join() !== archive.map((m) => m.name).join()) {
    throw new RestoreRefused(
      `The backup's migrations (${archive.map((m) => m.name).join(", ")}) are not the first migrations of this checkout (${prefix.join(", ")}).`,
    );
  }
  for (const m of archive) {
    const checksum = createHash("sha256")
      .update(await readFile(path.join(MIGRATIONS_DIR, m.name, "migration.sql")))
      .digest("hex");
    if (checksum !== m.checksum) {
      throw new RestoreRefused(
        `Migration ${m.name} in this checkout differs from the one the backed-up database ran (its checksum changed): restore with the version of the app that made the backup.`,
      );
    }
  }
  return { archive: archive.map((m) => m.name), later: local.slice(archive.length) };
}

/** Reads and checks the whole archive (structure, every table's digest, migrations) without writing anything. */
export async function verifyBackup(file: string): Promise<{ manifest: Manifest; later: string[] }> {
  const manifest = await readArchive(file);
  const { later } = await checkMigrations(manifest);
  return { manifest, later };
}

type TargetState = {
  database: string;
  tables: string[];
  /** Applied migration names, or null without a migration table. */
  migrations: string[] | null;
  /** Tables holding rows (the migration record left out), with their counts. */
  rows: { table: string; rows: number }[];
  /** Whether schema public holds anything at all (tables, types, functions…). */
  schemaHasObjects: boolean;
};

async function inspect(client: pg.ClientBase): Promise<TargetState> {
  const {
    rows: [db],
  } = await client.query<{ database: string; objects: boolean }>(`
    SELECT current_database() AS database,
           EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace)
        OR EXISTS (SELECT 1 FROM pg_type WHERE typnamespace = 'public'::regnamespace)
        OR EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = 'public'::regnamespace) AS objects`);
  const tables = (await listTables(client)).map((t) => t.name);
  const rows: TargetState["rows"] = [];
  for (const table of tables) {
    if (table === MIGRATIONS_TABLE) continue;
    const {
      rows: [r],
    } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)}`);
    if (Number(r.n) > 0) rows.push({ table, rows: Number(r.n) });
  }
  let migrations: string[] | null = null;
  if (tables.includes(MIGRATIONS_TABLE)) {
    const { rows: m } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM ${ident(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    migrations = m.map((r) => r.name);
  }
  return { database: db.database, tables, migrations, rows, schemaHasObjects: db.objects };
}

/**
 * Drops schema public with everything in it and creates it again with the same owner and grants,
 * in one transaction (a failure leaves it as it was).
 */
export async function recreatePublicSchema(client: pg.ClientBase): Promise<void> {
  const {
    rows: [ns],
  } = await client.query<{ owner: string }>(
    "SELECT quote_ident(pg_get_userbyid(nspowner)) AS owner FROM pg_namespace WHERE nspname = 'public'",
  );
  const { rows: grants } = await client.query<{ sql: string }>(`
    SELECT format('GRANT %s ON SCHEMA public TO %s%s', a.privilege_type,
                  CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                  CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END) AS sql
      FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a
     WHERE n.nspname = 'public'`);
  await client.query("BEGIN");
  try {
    await client.query("DROP SCHEMA public CASCADE");
    await client.query("CREATE SCHEMA public");
    if (ns) await client.query(`ALTER SCHEMA public OWNER TO ${ns.owner}`);
    for (const g of grants) await client.query(g.sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export type ReplaceQuestion = { database: string; rows: { table: string; rows: number }[]; reason: string };

export type RestoreOptions = {
  /** Allow a database that is not empty: schema public is dropped and recreated first, after `confirm`. */
  replace?: boolean;
  /** Asked before a non-empty database is emptied; resolve true to go on. Without it, replace is refused. */
  confirm?: (question: ReplaceQuestion) => Promise<boolean>;
  log?: (line: string) => void;
};

export type RestoreResult = {
  database: string;
  manifest: Manifest;
  tables: { name: string; rows: number }[];
  replaced: boolean;
  /** Migrations of this checkout applied after the data, newer than the backup. */
  upgradedWith: string[];
  /** Where each sequence continues: the next value it hands out. */
  sequences: { table: string; column: string; next: string }[];
  seconds: number;
};

/** Checks that the target's tables and columns are exactly the archive's. */
async function checkTargetTables(client: pg.ClientBase, archived: readonly TableSpec[]): Promise<void> {
  const target = new Map((await listTables(client)).map((t) => [t.name, t.columns]));
  for (const t of archived) {
    const columns = target.get(t.name);
    if (!columns) throw new RestoreRefused(`Table "${t.name}" of the backup does not exist in the migrated database.`);
    const missing = t.columns.filter((c) => !columns.includes(c));
    const extra = columns.filter((c) => !t.columns.includes(c));
    if (missing.length || extra.length) {
      throw new RestoreRefused(
        `Table "${t.name}" differs from the backup's: ${[missing.length ? `missing ${missing.join(", ")}` : "", extra.length ? `extra ${extra.join(", ")}` : ""].filter(Boolean).join("; ")}.`,
      );
    }
  }
  const unknown = [...target.keys()].filter((name) => !archived.some((t) => t.name === name));
  if (unknown.length)
    throw new RestoreRefused(`The migrated database has tables the backup does not: ${unknown.join(", ")}.`);
}

/** Writes one chunk to a COPY FROM stream, waiting while the server is behind (memory stays flat). */
function write(stream: NodeJS.WritableStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once("error", onError);
    const settle = () => {
      stream.off("error", onError);
      resolve();
    };
    if (stream.write(chunk)) settle();
    else stream.once("drain", settle);
  });
}

function finish(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.once("finish", () => resolve());
    stream.end();
  });
}

/**
 * Restores the checked backup `file` (see verifyBackup) into the database at `connectionString`.
 * Throws RestoreRefused when the database is not empty (and `replace` was not given or not
 * confirmed), an ArchiveError when the archive changed since it was checked; either way nothing of
 * the backup is left in the database.
 */
export async function restoreDatabase(
  connectionString: string,
  file: string,
  verified: { manifest: Manifest; later: string[] },
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const { manifest } = verified;
  const archiveMigrations = appliedMigrations(manifest).map((m) => m.name);
  const client = new pg.Client({ connectionString, application_name: "refoulement-watch restore" });
  await client.connect();
  let createdSchema = false;
  try {
    let state = await inspect(client);
    const behind = state.migrations !== null && state.migrations.every((name, i) => archiveMigrations[i] === name);
    let reason: string | null = null;
    if (state.rows.length > 0) reason = `is not empty (${state.rows.map((r) => `${r.table}: ${r.rows}`).join(", ")})`;
    else if (state.tables.length > 0 && state.migrations === null)
      reason = `has tables (${state.tables.slice(0, 5).join(", ")}) but no migration record`;
    else if (state.tables.length > 0 && !behind)
      reason = `has its schema at other migrations (${(state.migrations ?? []).at(-1)}) than the backup's (${archiveMigrations.at(-1)})`;
    let replaced = false;
    if (reason) {
      if (!opts.replace) {
        throw new RestoreRefused(
          `Database "${state.database}" cannot take the restore: it ${reason}. Restore into an empty database, or pass --replace to delete everything in it first.`,
        );
      }
      if (!opts.confirm || !(await opts.confirm({ database: state.database, rows: state.rows, reason }))) {
        throw new RestoreRefused(`Not confirmed: database "${state.database}" was left as it was.`);
      }
      log(`Dropping and recreating schema public of "${state.database}"…`);
      await recreatePublicSchema(client);
      replaced = true;
      state = await inspect(client);
    }
    if (state.tables.length === 0) {
      // The migrations below create the schema; undo them if the restore fails, leaving the database as found.
      createdSchema = !state.schemaHasObjects;
    }
    if (state.tables.length === 0 || (state.migrations ?? []).length < archiveMigrations.length) {
      const applied = await applyMigrations(connectionString, { upTo: archiveMigrations.at(-1) });
      log(`Applied the backup's ${applied.length} migration(s) to create the schema.`);
    }
    await checkTargetTables(client, manifest.tables);

    const loaded = await loadData(client, file, manifest);
    log(`Loaded ${manifest.tables.length} tables and checked them against the manifest.`);
    createdSchema = false;

    // Plans for the new data (autovacuum would get there too, later).
    await client.query("ANALYZE");
    let upgradedWith: string[] = [];
    if (verified.later.length > 0) upgradedWith = await applyMigrations(connectionString);
    return {
      database: state.database,
      manifest,
      tables: loaded.tables,
      replaced,
      upgradedWith,
      sequences: loaded.sequences,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    if (createdSchema) await recreatePublicSchema(client).catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The one transaction that loads every table, checks it and sets the sequences; rolled back on any failure. */
async function loadData(client: pg.ClientBase, file: string, manifest: Manifest) {
  await client.query("BEGIN");
  try {
    for (const setting of COPY_SETTINGS) await client.query(setting);
    const names = manifest.tables.map((t) => t.name);
    // Nobody else writes until the commit (an app left running, say); the checks below then hold.
    await client.query(`LOCK TABLE ${names.map(ident).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    // The backup wrote the tables in load order (catalog.ts loadOrder); check it against this schema's foreign keys.
    for (const fk of await listForeignKeys(client)) {
      if (names.indexOf(fk.from) < names.indexOf(fk.to)) {
        throw new RestoreRefused(
          `The archive holds table "${fk.from}" before "${fk.to}", which it references: it cannot be loaded in one pass.`,
        );
      }
    }
    for (const table of names) {
      if (table === MIGRATIONS_TABLE) continue;
      const {
        rows: [r],
      } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS any`);
      if (r.any)
        throw new RestoreRefused(
          `Table "${table}" received rows while the restore was starting: is the app running on this database? Stop it and try again.`,
        );
    }
    // The migration record becomes the backup's own (ids, checksums, dates): the schema engine wrote an equivalent one.
    await client.query(`DELETE FROM ${ident(MIGRATIONS_TABLE)}`);

    const counts: { name: string; rows: number }[] = [];
    let stream: ReturnType<typeof copyFrom> | undefined;
    await readArchive(file, {
      tableStart: (table) => {
        stream = client.query(
          copyFrom(`COPY ${ident(table.name)} (${table.columns.map(ident).join(", ")}) FROM STDIN`),
        );
      },
      tableData: (_table, chunk) => write(stream as NodeJS.WritableStream, chunk),
      tableEnd: async (table, digest) => {
        const s = stream as ReturnType<typeof copyFrom>;
        await finish(s);
        if (s.rowCount !== digest.rows)
          throw new Error(
            `Table "${table.name}": PostgreSQL loaded ${s.rowCount} rows, the archive holds ${digest.rows}.`,
          );
        counts.push({ name: table.name, rows: s.rowCount });
      },
    });

    const sequences: { table: string; column: string; next: string }[] = [];
    for (const s of await listSequences(client)) {
      const archived = manifest.sequences.find((a) => a.table === s.table && a.column === s.column);
      const {
        rows: [r],
      } = await client.query<{ next: string }>(
        `SELECT CASE WHEN v > 0 THEN setval($1, v, true) + 1 ELSE setval($1, 1, false) END AS next
           FROM (SELECT GREATEST(coalesce((SELECT max(${ident(s.column)}) FROM ${ident(s.table)}), 0), $2::bigint) AS v) AS m`,
        [
          s.sequence,
          archived ? (archived.isCalled ? archived.lastValue : String(BigInt(archived.lastValue) - 1n)) : "0",
        ],
      );
      sequences.push({ table: s.table, column: s.column, next: r.next });
    }
    await client.query("COMMIT");
    return { tables: counts, sequences };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
