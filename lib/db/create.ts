import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteDbError, noteDbOk } from "@/lib/server/db-availability";
import { requestContext } from "@/lib/server/request-context";

/**
 * The connection pool under Prisma, watched: a query that meets a dead or refusing server marks the
 * database unavailable (lib/server/db-availability.ts) so the HTTP server answers 503 instead of 500,
 * and the next query that succeeds clears the mark. pg discards broken connections and opens new
 * ones on demand, so once the server is back the app reconnects without a restart.
 *
 * A statement run while serving a request (scripts/serve.ts puts the request's abort signal in the
 * request context) is cancelled in PostgreSQL when the client goes away: a reader who gave up on a
 * slow page no longer keeps a connection and a core busy for seconds (issue 12). Transactions
 * (connect()) are left to finish.
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
  const cancellable = async (signal: AbortSignal, args: unknown[]) => {
    if (signal.aborted) throw new RequestAbortedError();
    const client = await connect();
    const onAbort = () => {
      const active = (client as unknown as { activeQuery?: unknown }).activeQuery;
      // PostgreSQL's cancel request goes over a connection of its own: it needs no free pool slot.
      if (!active) return;
      const canceller = new pg.Client({ connectionString, ...options }) as unknown as Cancelling;
      canceller.connection.on("error", () => {}); // a failed cancel leaves the statement to its timeout
      canceller.cancel(client, active);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await (client.query as (...a: unknown[]) => Promise<unknown>).apply(client, args);
    } finally {
      signal.removeEventListener("abort", onAbort);
      client.release();
    }
  };
  pool.query = ((...args: unknown[]) => {
    if (typeof args.at(-1) === "function") return query(...args);
    const signal = requestContext.getStore()?.signal;
    return watch(signal ? cancellable(signal, args) : query(...args));
  }) as typeof pool.query;
  return pool;
}

/** pg's Client.cancel (sends PostgreSQL's cancel request for `client`'s running query); untyped in @types/pg. */
type Cancelling = {
  connection: { on(event: "error", listener: () => void): void };
  cancel(client: pg.PoolClient, query: unknown): void;
};

/** A query not started because the client of the request it served had already gone. */
export class RequestAbortedError extends Error {
  constructor() {
    super("The request was abandoned by its client; the query was not run.");
    this.name = "RequestAbortedError";
  }
}

/**
 * Builds a Prisma client on the pg driver adapter (Prisma 7's Rust-free client, so no native
 * engine is downloaded). `statementTimeoutMs` makes PostgreSQL end any statement running longer. The app's single instance lives in lib/db/index.ts; scripts and tests make their own.
 */
export function createPrismaClient(connectionString: string, opts: { statementTimeoutMs?: number } = {}) {
  return new PrismaClient({
    adapter: new PrismaPg(
      createWatchedPool(
        connectionString,
        opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {},
      ),
    ),
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
