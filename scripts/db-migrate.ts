// npm run db:migrate — applies pending migrations to DATABASE_URL (or the demo database).
import { applyMigrations } from "../lib/ops/migrations.ts";
import { withDatabase } from "./lib/demo-database.ts";
import { runScript } from "./lib/run-script.ts";

runScript(() =>
  withDatabase(async (url, demo) => {
    const applied = await applyMigrations(url);
    const target = demo ? "demo" : "DATABASE_URL";
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to the ${target} database: ${applied.join(", ")}`
        : `No pending migrations: the ${target} database is up to date.`,
    );
  }),
);
