/**
 * What backup and restore read from PostgreSQL's catalogs about schema `public`: its tables and
 * their columns, primary keys, foreign keys (for a load order) and serial sequences.
 */
import type pg from "pg";

export const MIGRATIONS_TABLE = "_prisma_migrations";

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export type TableInfo = { name: string; columns: string[]; primaryKey: string[] };

/** Every ordinary table of schema public, by name, with its (non-generated) columns in order and its primary key. */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; pk: string[] | null }>(`
    SELECT c.relname AS table,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           (SELECT array_agg(pa.attname::text ORDER BY k.ord)
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute pa ON pa.attrelid = i.indrelid AND pa.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
     GROUP BY c.oid, c.relname
     ORDER BY c.relname COLLATE "C"`);
  return rows.map((r) => ({ name: r.table, columns: r.columns, primaryKey: r.pk ?? [] }));
}

/** Foreign keys between tables of schema public, as referencing → referenced table (self-references left out). */
export async function listForeignKeys(client: pg.ClientBase): Promise<{ from: string; to: string }[]> {
  const { rows } = await client.query<{ from: string; to: string }>(`
    SELECT DISTINCT f.relname AS from, t.relname AS to
      FROM pg_constraint k
      JOIN pg_class f ON f.oid = k.conrelid
      JOIN pg_class t ON t.oid = k.confrelid
     WHERE k.contype = 'f' AND f.relnamespace = 'public'::regnamespace AND t.relnamespace = 'public'::regnamespace AND f.oid <> t.oid`);
  return rows;
}

/**
 * The tables in an order where every table comes after the tables it references, ties by name, so
 * that a restore can load them one after the other with every foreign key checked as it goes.
 */
export function loadOrder(tables: readonly string[], foreignKeys: readonly { from: string; to: string }[]): string[] {
  const pending = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { from, to } of foreignKeys) if (pending.has(from) && pending.has(to)) pending.get(from)?.add(to);
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending]
      .filter(([, needs]) => needs.size === 0)
      .map(([t]) => t)
      .sort();
    if (ready.length === 0)
      throw new Error(
        `Tables ${[...pending.keys()].join(", ")} reference each other in a cycle: no load order exists.`,
      );
    const next = ready[0];
    order.push(next);
    pending.delete(next);
    for (const needs of pending.values()) needs.delete(next);
  }
  return order;
}

/** Columns filled from a sequence (serial, bigserial, identity), per table. */
export async function listSequences(
  client: pg.ClientBase,
): Promise<{ table: string; column: string; sequence: string }[]> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(`
    SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS sequence
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
       AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL
     ORDER BY 1, 2`);
  return rows;
}

/**
 * Session settings under which COPY text is the same on every server: dates, times and floats are
 * written in one unambiguous form, so equal data gives equal bytes (and equal SHA-256).
 */
export const COPY_SETTINGS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
  "SET LOCAL client_encoding = 'UTF8'",
];
