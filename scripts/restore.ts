/**
 * npm run restore -- FILE [--replace [--yes]]
 * Restores a backup made by `npm run backup` into an empty database (lib/ops/restore.ts,
 * docs/decisions/010-backup-and-restore.md): DATABASE_URL when set, otherwise the demo database in
 * DATA_DIR; a DATA_DIR that does not exist is created, as `npm start` would. The archive is read
 * and checked whole before anything is written. Keys are not in backups: this says which are needed.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { loadKeyring } from "../lib/crypto/encryption.ts";
import { formatCounts, parseOpsArgs, replaceConfirmation } from "../lib/ops/cli.ts";
import { withDemoServer } from "../lib/ops/demo-server.ts";
import { checkRestoredKeys, type KeyCheck } from "../lib/ops/keys.ts";
import { restoreDatabase, verifyBackup, type RestoreResult } from "../lib/ops/restore.ts";
import {
  DATA_DIR,
  DEMO_DB_NAME,
  KEYS_FILE,
  demoEncryptionKeys,
  demoDatabasePassword,
  startDemoDatabase,
} from "./lib/demo-database.ts";
import { runScript } from "./lib/run-script.ts";
import { readEnv } from "../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

runScript(async () => {
  const args = parseOpsArgs("restore", process.argv.slice(2));
  const file = path.resolve(args.file);
  const log = (line: string) => console.log(line);

  console.log(`Checking ${file}…`);
  const verified = await verifyBackup(file);
  const m = verified.manifest;
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `  a backup of database "${m.database}" made ${m.createdAt} by ${m.app.name} ${m.app.version}: ${m.tables.length} tables, ${rows.toLocaleString("en")} rows, every table matches its SHA-256.`,
  );

  let result: RestoreResult;
  let checks: KeyCheck[];
  let keySource: string;
  if (config.DATABASE_URL) {
    const url = config.DATABASE_URL;
    const where = `${new URL(url).hostname}:${new URL(url).port || 5432}`;
    result = await restoreDatabase(url, file, verified, {
      replace: args.replace,
      confirm: replaceConfirmation({ yes: args.yes, where }),
      log,
    });
    keySource = "RW_ENCRYPTION_KEYS";
    const keyring = config.RW_ENCRYPTION_KEYS ? loadKeyring(config.RW_ENCRYPTION_KEYS) : null;
    checks = await checkRestoredKeys(url, m.encryption.keyIds, keyring);
  } else {
    const pgDir = path.join(DATA_DIR, "pg");
    const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
    const createdDir = !existsSync(DATA_DIR);
    if (fresh) console.log(`Creating a new demo data directory in ${DATA_DIR}…`);
    keySource = config.RW_ENCRYPTION_KEYS ? "RW_ENCRYPTION_KEYS" : `${KEYS_FILE} ("encryptionKeys")`;
    try {
      ({ result, checks } = await withDemoServer(
        { pgDir, password: () => demoDatabasePassword(), database: DEMO_DB_NAME, start: () => startDemoDatabase() },
        async (access) => {
          if (access.how === "running") {
            throw new Error(
              `npm start is running on ${DATA_DIR} (PostgreSQL on port ${access.port}): stop it (Ctrl-C) first; a restore must not mix with the app's writes. Or restore into a new directory: DATA_DIR=new-dir npm run restore -- FILE`,
            );
          }
          const restored = await restoreDatabase(access.url, file, verified, {
            replace: args.replace,
            confirm: replaceConfirmation({ yes: args.yes, where: `demo data in ${DATA_DIR}` }),
            log,
          });
          // As npm start does: RW_ENCRYPTION_KEYS when set, otherwise the demo keys file.
          const keyring = loadKeyring(config.RW_ENCRYPTION_KEYS || demoEncryptionKeys(), keySource);
          return { result: restored, checks: await checkRestoredKeys(access.url, m.encryption.keyIds, keyring) };
        },
      ));
    } catch (error) {
      // Nothing is left behind when this run created the directory: a failed restore writes nothing.
      if (createdDir) await rm(DATA_DIR, { recursive: true, force: true });
      throw error;
    }
  }

  console.log(
    `\nRestored ${file} into database "${result.database}"${result.replaced ? " (its previous contents deleted)" : ""} in ${result.seconds.toFixed(1)} s:`,
  );
  for (const line of formatCounts(result.tables)) console.log(line);
  console.log("  every table matched the manifest (row count and SHA-256) before the commit.");
  if (result.sequences.length)
    console.log(
      `Sequences continue after the restored ids: ${result.sequences.map((s) => `${s.table}.${s.column} next ${s.next}`).join(", ")}.`,
    );
  if (result.upgradedWith.length)
    console.log(`Then applied this version's newer migrations: ${result.upgradedWith.join(", ")}.`);

  // Keys: never in the archive. Say which are needed and whether the keyring at hand has them.
  console.log("\nEncryption keys are not in backups: they must be supplied separately.");
  if (checks.length === 0) console.log("  The backup holds no encrypted value.");
  for (const c of checks) {
    const what = `  key "${c.id}" (${c.values} encrypted value${c.values === 1 ? "" : "s"}):`;
    if (c.status === "decrypts") console.log(`${what} in ${keySource}, and it decrypts them.`);
    else if (c.status === "does-not-decrypt")
      console.log(`${what} ${keySource} has a key with this id, but it does not decrypt them: it is another key.`);
    else if (c.status === "no-keyring")
      console.log(
        `${what} RW_ENCRYPTION_KEYS is not set here; every app instance on this database needs it with this key.`,
      );
    else console.log(`${what} NOT in ${keySource}.`);
  }
  if (checks.some((c) => c.status !== "decrypts")) {
    console.log(
      config.DATABASE_URL || config.RW_ENCRYPTION_KEYS
        ? "  Set RW_ENCRYPTION_KEYS to include those keys (from wherever you keep them) before starting the app; without them the restricted fields (real names, contact details, addresses) cannot be read."
        : `  Before \`DATA_DIR=${config.DATA_DIR} npm start\`, put those keys into ${KEYS_FILE}: copy the "encryptionKeys" entries of the keys file kept with the original to the front of its "encryptionKeys" list (or point RW_DEMO_KEYS_FILE at that file, or start with RW_ENCRYPTION_KEYS set). Without them the restricted fields (real names, contact details, addresses) cannot be read.`,
    );
  }
});
