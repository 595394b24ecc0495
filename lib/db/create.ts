import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteDbError, noteDbOk } from "@/lib/server/db-availability";

/**
 * The connection pool under Prisma, watched: a query that meets a dead or refusing server marks the
 * database unavailable (lib/server/db-availability.ts) so the HTTP server answers 503 instead of 500,
 * and the next query that succeeds clears the mark. pg discards broken connections and opens new
 * ones on demand, so once the server is back the app reconnects without a restart.
 */
export function createWatchedPool(
  connectionString: string,
  options: Omit<pg.PoolConfig, "connectionString"> = {},
): pg.Pool {
  const pool = new pg.Pool({ connectionString, ...options });
  // An idle connection dropped by the server emits "error" on the pool; unheard, it would end the process.
  pool.on("error", (error) => noteDbError(error));
  const connect = pool.connect.bind(pool) as (callback?: never) => Promise<pg.PoolClient>;
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const watch = async <T>(work: Promise<T>): Promise<T> => {
    try {
      const result = await work;
      noteDbOk();
      return result;
    } catch (error) {
      noteDbError(error);
      throw error;
    }
  };
  // Prisma's adapter uses only these two, in their promise forms: query() for single statements,
  // connect() for transactions. pg-pool's own query() calls connect() with a callback: passed through.
  pool.connect = ((callback?: unknown) =>
    typeof callback === "function" ? connect(callback as never) : watch(connect())) as typeof pool.connect;
  pool.query = ((...args: unknown[]) =>
    typeof args.at(-1) === "function" ? query(...args) : watch(query(...args))) as typeof pool.query;
  return pool;
}

/**
 * Builds a Prisma client on the pg driver adapter (Prisma 7's Rust-free client, so no native
 * engine is downloaded). The app's single instance lives in lib/db/index.ts; scripts and tests make their own.
 */
export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg(createWatchedPool(connectionString)),
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
