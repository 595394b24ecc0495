/**
 * `npm run backup`: the whole database (every table of schema public, the migration record
 * included) as one archive (lib/ops/archive.ts), read through the driver with `COPY … TO STDOUT`
 * inside one REPEATABLE READ transaction, so every table comes from the same snapshot while the
 * app goes on writing. Nothing is decrypted and no key is read. See docs/decisions/010.
 */
import { readFileSync } from "node:fs";
import { lstat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { ENCRYPTED_COLUMNS } from "../crypto/encryption.ts";
import {
  ARCHIVE_FORMAT,
  ArchiveWriter,
  FORMAT_VERSION,
  HEADER_ENTRY,
  KEYS_NOTE,
  MANIFEST_ENTRY,
  type ArchiveHeader,
  type Manifest,
  type MigrationRecord,
  type SequenceState,
  type TableDigest,
} from "./archive.ts";
import {
  COPY_SETTINGS,
  MIGRATIONS_TABLE,
  ident,
  listForeignKeys,
  listSequences,
  listTables,
  loadOrder,
} from "./catalog.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** The app's name and version, from package.json. */
export function appVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

export type BackupResult = { file: string; bytes: number; sha256: string; manifest: Manifest; seconds: number };

/** A refusal before anything was written (the file exists, the database is not one of ours…). */
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefused";
  }
}

/** How many encrypted values each key id holds, over every encrypted column; ids only, never key material. */
async function encryptionKeyIds(client: pg.ClientBase, tables: Map<string, string[]>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const qualified of ENCRYPTED_COLUMNS) {
    const [table, column] = qualified.split(".");
    if (!tables.get(table)?.includes(column)) continue;
    const { rows } = await client.query<{ id: string; n: number }>(
      `SELECT CASE WHEN ${ident(column)} LIKE 'enc:v1:%' THEN split_part(${ident(column)}, ':', 3) ELSE '(not enc:v1)' END AS id, count(*)::int AS n
         FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL GROUP BY 1`,
    );
    for (const { id, n } of rows) counts[id] = (counts[id] ?? 0) + n;
  }
  return counts;
}

/**
 * Writes the database at `connectionString` to `file` (refused when it exists, unless `overwrite`).
 * `onTable` hears of each table once it is written.
 */
export async function backupDatabase(
  connectionString: string,
  file: string,
  opts: { overwrite?: boolean; onTable?: (name: string, digest: TableDigest) => void } = {},
): Promise<BackupResult> {
  const started = performance.now();
  const existing = await lstat(file).catch(() => null);
  if (existing?.isDirectory())
    throw new BackupRefused(
      `${file} is a directory: give the path of the archive to write, e.g. ${path.join(file, "backup.tar.gz")}`,
    );
  if (existing && !opts.overwrite)
    throw new BackupRefused(`${file} exists already: choose another name, or pass --force to replace it.`);

  const client = new pg.Client({ connectionString, application_name: "refoulement-watch backup" });
  await client.connect();
  let writer: ArchiveWriter | undefined;
  try {
    // One snapshot for everything read below; READ ONLY so a mistake here cannot write.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    for (const setting of COPY_SETTINGS) await client.query(setting);
    const tables = await listTables(client);
    if (tables.length === 0)
      throw new BackupRefused(
        "The database has no tables: there is nothing to back up (is DATABASE_URL the right database?).",
      );
    if (!tables.some((t) => t.name === MIGRATIONS_TABLE)) {
      throw new BackupRefused(
        `The database has no ${MIGRATIONS_TABLE} table: it is not a Refoulement Watch database (or was never migrated).`,
      );
    }
    const unsupported = tables.find((t) => ![t.name, ...t.columns].every((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)));
    if (unsupported)
      throw new BackupRefused(
        `Table "${unsupported.name}" has a name the archive format does not support (letters, digits and _ only).`,
      );
    // As pg_dump does: no table can be altered or dropped until the dump ends; writes go on.
    await client.query(`LOCK TABLE ${tables.map((t) => ident(t.name)).join(", ")} IN ACCESS SHARE MODE`);

    const order = loadOrder(
      tables.map((t) => t.name),
      await listForeignKeys(client),
    );
    const byName = new Map(tables.map((t) => [t.name, t]));
    const { rows: migrationRows } = await client.query<{
      name: string;
      checksum: string;
      finishedAt: Date | null;
      rolledBackAt: Date | null;
    }>(
      `SELECT migration_name AS name, checksum, finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt"
         FROM ${ident(MIGRATIONS_TABLE)} ORDER BY migration_name, started_at`,
    );
    const migrations: MigrationRecord[] = migrationRows.map((m) => ({
      name: m.name,
      checksum: m.checksum,
      finishedAt: m.finishedAt?.toISOString() ?? null,
      rolledBackAt: m.rolledBackAt?.toISOString() ?? null,
    }));
    const {
      rows: [server],
    } = await client.query<{ version: string; database: string }>(
      "SELECT current_setting('server_version') AS version, current_database() AS database",
    );

    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: appVersion(),
      postgres: server.version,
      database: server.database,
      migrations,
      tables: order.map((name) => ({ name, columns: (byName.get(name) as { columns: string[] }).columns })),
      keysIncluded: false,
      note: KEYS_NOTE,
    };
    writer = await ArchiveWriter.create(file);
    await writer.writeJson(HEADER_ENTRY, header);

    const digests: Manifest["tables"] = [];
    for (const spec of header.tables) {
      const { primaryKey } = byName.get(spec.name) as { primaryKey: string[] };
      // Ordered by primary key: the same data always gives the same bytes, so two backups can be compared table by table.
      const orderBy = primaryKey.length ? ` ORDER BY ${primaryKey.map(ident).join(", ")}` : "";
      const stream = client.query(
        copyTo(`COPY (SELECT ${spec.columns.map(ident).join(", ")} FROM ${ident(spec.name)}${orderBy}) TO STDOUT`),
      );
      const digest = await writer.writeTable(spec.name, stream);
      digests.push({ ...spec, ...digest });
      opts.onTable?.(spec.name, digest);
    }

    const sequences: SequenceState[] = [];
    for (const s of await listSequences(client)) {
      const {
        rows: [state],
      } = await client.query<{ last: string; called: boolean }>(
        `SELECT last_value::text AS last, is_called AS called FROM ${s.sequence}`,
      );
      sequences.push({ table: s.table, column: s.column, lastValue: state.last, isCalled: state.called });
    }
    const manifest: Manifest = {
      ...header,
      completedAt: new Date().toISOString(),
      tables: digests,
      sequences,
      encryption: {
        keysIncluded: false,
        keyIds: await encryptionKeyIds(client, new Map(tables.map((t) => [t.name, t.columns]))),
      },
    };
    await writer.writeJson(MANIFEST_ENTRY, manifest);
    await client.query("COMMIT");
    const { bytes, sha256 } = await writer.finish();
    return { file, bytes, sha256, manifest, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await writer?.abort();
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
