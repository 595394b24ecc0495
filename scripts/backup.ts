/**
 * npm run backup -- FILE [--force]
 * Writes the whole database to FILE (a .tar.gz archive; see lib/ops/backup.ts and
 * docs/decisions/010-backup-and-restore.md): DATABASE_URL when set, otherwise the demo database in
 * DATA_DIR, through the PostgreSQL `npm start` is running, or one started for the backup and
 * stopped afterwards. The archive holds no encryption key or secret.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "../lib/ops/backup.ts";
import { formatBytes, formatCounts, parseOpsArgs } from "../lib/ops/cli.ts";
import { withDemoServer } from "../lib/ops/demo-server.ts";
import { DATA_DIR, DEMO_DB_NAME, KEYS_FILE, demoDatabasePassword, startDemoDatabase } from "./lib/demo-database.ts";
import { runScript } from "./lib/run-script.ts";
import { readEnv } from "../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

runScript(async () => {
  const args = parseOpsArgs("backup", process.argv.slice(2));
  const file = path.resolve(args.file);
  if (!existsSync(path.dirname(file)))
    throw new Error(`Folder ${path.dirname(file)} does not exist: create it first, or choose another FILE.`);
  if (existsSync(file) && !args.force)
    throw new Error(`${file} exists already: choose another name, or pass --force to replace it.`);

  let source: string;
  let result;
  if (config.DATABASE_URL) {
    source = "the database at DATABASE_URL";
    console.log(`Backing up ${source}…`);
    result = await backupDatabase(config.DATABASE_URL, file, { overwrite: args.force });
  } else {
    const pgDir = path.join(DATA_DIR, "pg");
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
      throw new Error(
        `No demo database in ${DATA_DIR} (no ${path.join(pgDir, "PG_VERSION")}): nothing to back up. Set DATA_DIR, or DATABASE_URL for your own PostgreSQL.`,
      );
    }
    result = await withDemoServer(
      { pgDir, password: () => demoDatabasePassword(), database: DEMO_DB_NAME, start: () => startDemoDatabase() },
      async (access) => {
        source = `the demo database in ${DATA_DIR}`;
        console.log(
          access.how === "running"
            ? `Backing up ${source} through the PostgreSQL npm start is running (port ${access.port}); the app goes on serving…`
            : `Backing up ${source} (started its PostgreSQL on port ${access.port} for the backup; it stops afterwards)…`,
        );
        return backupDatabase(access.url, file, { overwrite: args.force });
      },
    );
  }

  const m = result.manifest;
  console.log(`\nWrote ${file}`);
  console.log(`  ${formatBytes(result.bytes)} in ${result.seconds.toFixed(1)} s, SHA-256 ${result.sha256}`);
  console.log(
    `  one snapshot of database "${m.database}" (PostgreSQL ${m.postgres}) at ${m.createdAt}, ${m.app.name} ${m.app.version}, ${m.migrations.length} migrations up to ${m.migrations.at(-1)?.name}`,
  );
  for (const line of formatCounts(m.tables)) console.log(line);
  const keyIds = Object.entries(m.encryption.keyIds);
  console.log(
    `\nNo encryption key or secret is in the archive: the ${keyIds.reduce((n, [, c]) => n + c, 0)} encrypted values stay ciphertext` +
      (keyIds.length ? ` (under key ${keyIds.map(([id]) => `"${id}"`).join(", ")}).` : "."),
  );
  console.log(
    config.DATABASE_URL
      ? "Keep RW_ENCRYPTION_KEYS safe elsewhere: a restore without those keys cannot read the restricted fields."
      : `Keep the keys safe elsewhere (the demo keys are in ${path.relative(process.cwd(), KEYS_FILE) || KEYS_FILE}, apart from the data): a restore without them cannot read the restricted fields.`,
  );
  console.log(
    "The archive does hold everything else (aliases, cases, history, accounts' password hashes): store it as carefully as the database.",
  );
});
