// npm run db:migration -- <name> — writes the next migration from the change to prisma/schema.prisma.
// npm run db:migration -- <name> --data — also when the schema did not change: a data migration
// (a backfill) to write by hand, as `prisma migrate dev --create-only` gives.
// The schema engine needs a connection even to diff, so this uses a throwaway embedded cluster.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createMigration } from "../lib/ops/migrations.ts";
import { startEmbeddedPostgres } from "../lib/ops/embedded-postgres.ts";
import { runScript } from "./lib/run-script.ts";

const name = process.argv[2];
const dataMigration = process.argv.slice(3).includes("--data");
if (!name || !/^[a-z0-9_-]{1,60}$/i.test(name)) {
  console.error("Usage: npm run db:migration -- <name> [--data]   (letters, digits, _ or -; e.g. add_saved_views)");
  process.exit(2);
}
runScript(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rw-migration-"));
  const server = await startEmbeddedPostgres({
    dataDir: dir,
    port: 54000 + Math.floor(Math.random() * 900),
    password: randomBytes(12).toString("hex"),
    persistent: false,
  });
  try {
    const created = await createMigration(
      `${server.baseUrl}/postgres`,
      name,
      dataMigration ? "-- Data migration: write its SQL here." : "",
    );
    console.log(
      created
        ? `Created prisma/migrations/${created}/migration.sql — review it, then npm run db:migrate.`
        : "No schema changes since the last migration.",
    );
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
