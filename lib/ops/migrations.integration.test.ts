import { readFile } from "node:fs/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { recreateDatabase } from "@/lib/ops/embedded-postgres";
import { applyMigrations, diffSql, SCHEMA_PATH } from "@/lib/ops/migrations";
import { describeSchema } from "@/lib/testing/schema-description";

const base = process.env.TEST_PG_BASE_URL as string;

async function databaseFromSchema(name: string, schemaText: string): Promise<string> {
  const url = await recreateDatabase(base, name);
  const sql = await diffSql(
    url,
    { tag: "empty" },
    { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schemaText }] },
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
  return url;
}

describe("migrations", () => {
  it("produce exactly the structure schema.prisma describes (no drift)", async () => {
    const migrated = await recreateDatabase(base, "rw_drift_migrated");
    const applied = await applyMigrations(migrated);
    expect(applied.length).toBeGreaterThan(0);
    const fromSchema = await databaseFromSchema("rw_drift_schema", await readFile(SCHEMA_PATH, "utf8"));
    expect(await describeSchema(migrated)).toBe(await describeSchema(fromSchema));
  });

  it("the drift check notices a schema change that has no migration", async () => {
    const migrated = await recreateDatabase(base, "rw_drift_migrated2");
    await applyMigrations(migrated);
    const changed = (await readFile(SCHEMA_PATH, "utf8")).replace(
      "model StatPoint {",
      "model StatPoint {\n  note String?",
    );
    const fromChanged = await databaseFromSchema("rw_drift_changed", changed);
    expect(await describeSchema(migrated)).not.toBe(await describeSchema(fromChanged));
  });

  it("applying again is a no-op", async () => {
    const url = await recreateDatabase(base, "rw_drift_twice");
    await applyMigrations(url);
    expect(await applyMigrations(url)).toEqual([]);
  });
});
