/**
 * The database `npm run verify` and `npm run anchor` work on: DATABASE_URL when set, otherwise the
 * demo database in DATA_DIR (through the PostgreSQL `npm start` is running, or one started for the
 * command and stopped afterwards), with the anchor key from RW_ANCHOR_PRIVATE_KEY or the demo keys file.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Query } from "../../lib/evidence/anchor.ts";
import { withDemoServer } from "../../lib/ops/demo-server.ts";
import { readEnv } from "../../lib/env.ts";
import {
  DATA_DIR,
  DEMO_DB_NAME,
  demoAnchorPrivateKey,
  demoDatabasePassword,
  startDemoDatabase,
} from "./demo-database.ts";

const config = readEnv();

export async function withEvidenceDatabase<T>(
  fn: (db: { query: Query; where: string; anchorPrivateKey: string | null; tsaUrl: string | undefined }) => Promise<T>,
): Promise<T> {
  const run = async (url: string, where: string, anchorPrivateKey: string | null) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const query: Query = async (text, values) => (await client.query(text, values)).rows;
      return await fn({ query, where, anchorPrivateKey, tsaUrl: config.RW_TSA_URL });
    } finally {
      await client.end();
    }
  };
  if (config.DATABASE_URL)
    return run(config.DATABASE_URL, "the database at DATABASE_URL", config.RW_ANCHOR_PRIVATE_KEY ?? null);
  const pgDir = path.join(DATA_DIR, "pg");
  if (!existsSync(path.join(pgDir, "PG_VERSION")))
    throw new Error(
      `No demo database in ${DATA_DIR}: run npm start once, or set DATABASE_URL for your own PostgreSQL.`,
    );
  return withDemoServer(
    { pgDir, password: () => demoDatabasePassword(), database: DEMO_DB_NAME, start: () => startDemoDatabase() },
    (access) =>
      run(access.url, `the demo database in ${DATA_DIR}`, config.RW_ANCHOR_PRIVATE_KEY ?? demoAnchorPrivateKey()),
  );
}
