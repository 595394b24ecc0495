/**
 * Offline migrations on Prisma's WebAssembly schema engine.
 *
 * Prisma's CLI needs a native schema engine that it downloads on first use; this machine (and CI)
 * has no internet, so `prisma migrate` cannot run. The same engine ships as WebAssembly in
 * `@prisma/schema-engine-wasm`; we load it by hand with the pg driver adapter. The migrations
 * folder stays in Prisma's own format, so anyone with internet can use `prisma migrate deploy`
 * on the same folder. See docs/decisions/001-offline-migrations.md.
 */
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
/** The schema as of the newest migration; the next migration is the diff from it to schema.prisma. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
};

/**
 * The pg adapter's executeScript splits a migration on every ";", which breaks PL/pgSQL function
 * bodies (our append-only triggers) and runs the pieces outside one transaction. Prisma's native
 * engine sends the script whole; so do we: PostgreSQL's simple-query protocol runs a multi-statement
 * string atomically and understands dollar quoting.
 */
class WholeScriptPg extends PrismaPg {
  /** Connections the engine opened; closed by withEngine so scripts exit without waiting for pg's idle timeout. */
  readonly opened: { dispose(): Promise<void> }[] = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const inner = adapter as unknown as {
      client: { query: (sql: string) => Promise<unknown> };
      onError: (e: unknown) => never;
    };
    adapter.executeScript = async (script: string) => {
      try {
        await inner.client.query(script);
      } catch (error) {
        inner.onError(error);
      }
    };
    return adapter;
  }
}

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let engineModule: Promise<EngineModule> | undefined;

/** Instantiates the WebAssembly module once per process: wasm-bindgen glue holds one instance. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The package exports no package.json, so find the .wasm beside its JS entry.
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

async function loadEngine(
  connectionString: string,
  schemaText: string,
): Promise<{ engine: Engine; factory: WholeScriptPg }> {
  const bg = await loadEngineModule();
  const factory = new WholeScriptPg({ connectionString });
  const engine = (await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as unknown as Engine;
  return { engine, factory };
}

async function withEngine<T>(connectionString: string, fn: (e: Engine) => Promise<T>): Promise<T> {
  const { engine, factory } = await loadEngine(connectionString, await readFile(SCHEMA_PATH, "utf8"));
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(factory.opened.map((a) => a.dispose().catch(() => {})));
  }
}

/** Names of the migration folders, oldest first. */
export async function listMigrationNames(): Promise<string[]> {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/**
 * Applies every pending migration in prisma/migrations, as `prisma migrate deploy` would; with
 * `upTo`, only those up to that one (a restore recreates the schema its backup was made at).
 */
export async function applyMigrations(connectionString: string, opts: { upTo?: string } = {}): Promise<string[]> {
  const names = (await listMigrationNames()).filter((name) => opts.upTo === undefined || name <= opts.upTo);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const migrationsList = {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories,
  };
  return withEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

type SchemaSource = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

/** SQL that takes a database from one schema to another (no database is touched). */
export async function diffSql(connectionString: string, from: SchemaSource, to: SchemaSource): Promise<string> {
  return withEngine(connectionString, async (engine) => {
    const out = await engine.diff({
      from,
      to,
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return out.stdout;
  });
}

function datamodel(filePath: string, content: string): SchemaSource {
  return { tag: "schemaDatamodel", files: [{ path: filePath, content }] };
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL from the last snapshot
 * to the current schema, and moves the snapshot forward. Returns null when nothing changed.
 */
export async function createMigration(connectionString: string, name: string, extraSql = ""): Promise<string | null> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const from: SchemaSource = existsSync(SNAPSHOT_PATH)
    ? datamodel(SNAPSHOT_PATH, await readFile(SNAPSHOT_PATH, "utf8"))
    : { tag: "empty" };
  const sql = await diffSql(connectionString, from, datamodel(SCHEMA_PATH, schema));
  if (!/\S/.test(sql.replace(/^--.*$/gm, "")) && !extraSql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dirName = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`;
  await mkdir(path.join(MIGRATIONS_DIR, dirName), { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, dirName, "migration.sql"), sql + (extraSql ? `\n${extraSql}\n` : ""));
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  await writeFile(SNAPSHOT_PATH, schema);
  return dirName;
}
