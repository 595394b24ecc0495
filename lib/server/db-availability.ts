/**
 * Whether the database can be reached, shared by everything in the server process: the data layer
 * marks a connection-level failure the moment a query meets one, and the HTTP server (scripts/serve.ts)
 * reads that mark to answer 503 "the database is unavailable" instead of 500, and probes until the
 * database answers again.
 *
 * The state lives on globalThis because the HTTP server and Next.js's compiled server code load their
 * own copies of this module in one process; a module-level variable would not be shared between them.
 */

export type DbAvailability = { available: true } | { available: false; since: Date; reason: string };

type State = { down: { since: Date; reason: string } | null };

const KEY = Symbol.for("refoulement-watch.db-availability");
const state = ((globalThis as Record<symbol, unknown>)[KEY] ??= { down: null } satisfies State) as State;

/** PostgreSQL SQLSTATE classes and codes that mean "no usable connection", not "bad query". */
const CONNECTION_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const CONNECTION_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /connection (was )?(closed|ended)/i,
  /server closed the connection/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection/i,
  /client has encountered a connection error/i,
  /can't reach database server/i,
];

/** Prisma's codes for "no usable connection" (its driver adapters report the same as kinds). */
const PRISMA_CONNECTION: Record<string, string> = {
  P1001: "the database server cannot be reached",
  P1002: "the database server did not answer in time",
  P1008: "the database did not answer in time",
  P1017: "the database server closed the connection",
  DatabaseNotReachable: "the database server cannot be reached",
  ConnectionClosed: "the database server closed the connection",
  SocketTimeout: "the database server did not answer in time",
  TooManyConnections: "the database server has too many connections",
};

/** Every error in a chain of `cause`s, AggregateError's `errors` and Prisma's wrapped driver error. */
function* chain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!error || typeof error !== "object" || depth > 6) return;
  yield error as Record<string, unknown>;
  const e = error as {
    cause?: unknown;
    errors?: unknown[];
    meta?: { driverAdapterError?: unknown };
    driverAdapterError?: unknown;
  };
  if (e.cause) yield* chain(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
  if (e.meta?.driverAdapterError) yield* chain(e.meta.driverAdapterError, depth + 1);
  if (e.driverAdapterError) yield* chain(e.driverAdapterError, depth + 1);
}

/**
 * A short, credential-free reason when `error` means the database cannot be reached (refused,
 * reset, timed out, shutting down, starting up), or null when it is any other error.
 */
export function connectionFailureReason(error: unknown): string | null {
  for (const e of chain(error)) {
    const code = typeof e.code === "string" ? e.code : "";
    const message = typeof e.message === "string" ? e.message : "";
    const kind = typeof e.kind === "string" ? e.kind : "";
    if (PRISMA_CONNECTION[code]) return PRISMA_CONNECTION[code];
    if (PRISMA_CONNECTION[kind]) return PRISMA_CONNECTION[kind];
    if (CONNECTION_ERRNOS.has(code)) return describeErrno(code);
    if (CONNECTION_SQLSTATES.has(code) || code.startsWith("08"))
      return firstLine(message) || `PostgreSQL error ${code}`;
    if (CONNECTION_MESSAGES.some((m) => m.test(message))) return firstLine(message);
  }
  return null;
}

function describeErrno(code: string): string {
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused: the database server is not running or not listening";
    case "ECONNRESET":
    case "EPIPE":
      return "the database server closed the connection";
    case "ETIMEDOUT":
      return "the database server did not answer in time";
    default:
      return `the database server cannot be reached (${code})`;
  }
}

/** The first line, without anything URL-like: reasons are shown to the public on /api/health. */
function firstLine(message: string): string {
  return message
    .split("\n")[0]
    .replace(/postgres(ql)?:\/\/\S+/g, "[database]")
    .slice(0, 200);
}

/** Records that a query failed; only connection-level failures mark the database unavailable. */
export function noteDbError(error: unknown): void {
  const reason = connectionFailureReason(error);
  if (reason && !state.down) state.down = { since: new Date(), reason };
  else if (reason && state.down) state.down.reason = reason;
}

/** Records that the database answered. */
export function noteDbOk(): void {
  state.down = null;
}

export function dbAvailability(): DbAvailability {
  return state.down ? { available: false, since: state.down.since, reason: state.down.reason } : { available: true };
}
