import pg from "pg";

/**
 * A database's structure as text, from the system catalogs: tables and columns, indexes, primary,
 * unique and foreign keys, and enums. CHECK constraints, triggers, functions, expression indexes
 * (to_tsvector, daterange) and partial indexes are left out: they are hand-written in migrations
 * (Prisma's schema cannot express them), so they are not drift.
 */
export async function describeSchema(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // One query at a time: a pg client runs queries sequentially anyway.
    const queries = [
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
                    FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                    ORDER BY table_name, column_name`,
      `SELECT tablename, indexname, indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
                      AND indexdef !~ '(to_tsvector|daterange|rw_hangul_bigrams|lower)[(]| WHERE '
                    ORDER BY tablename, indexname`,
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
                    FROM pg_constraint
                    WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'f', 'u')
                      AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
                    ORDER BY 1, 2`,
      `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                    WHERE t.typnamespace = 'public'::regnamespace
                    ORDER BY t.typname, e.enumsortorder`,
    ];
    const parts = [];
    for (const sql of queries) parts.push(await client.query(sql));
    return parts.map((r) => r.rows.map((row) => Object.values(row).join(" | ")).join("\n")).join("\n---\n");
  } finally {
    await client.end();
  }
}
