/**
 * Demo mode's embedded PostgreSQL, for backup and restore: use the server `npm start` is running on
 * the data directory, or start one for the duration of the command, never a second one on the same
 * directory. A running server is found from the lock file PostgreSQL itself keeps in its data
 * directory (postmaster.pid: pid, data directory, start time, port, …, status).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type RunningPostmaster = { pid: number; port: number; status: string };

/** The server running on `pgDir`, or null when none is (no lock file, or a stale one left by a crash). */
export function runningPostmaster(pgDir: string): RunningPostmaster | null {
  const lockFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(lockFile)) return null;
  const lines = readFileSync(lockFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but another user's (the unprivileged postgres user when run as root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return { pid, port, status: (lines[7] ?? "").trim() || "unknown" };
}

export type DemoAccess = { url: string; how: "running" | "started"; port: number };

/**
 * Runs `fn` with the demo database: through the running server when there is one, otherwise on a
 * server started here and stopped afterwards (also when `fn` fails).
 */
export async function withDemoServer<T>(
  opts: {
    pgDir: string;
    password: () => string;
    database: string;
    start: () => Promise<{ url: string; server: { port: number; stop: () => Promise<void> } }>;
  },
  fn: (access: DemoAccess) => Promise<T>,
): Promise<T> {
  const running = runningPostmaster(opts.pgDir);
  if (running) {
    if (running.status !== "ready") {
      throw new Error(
        `The demo PostgreSQL (pid ${running.pid}) is "${running.status}", not ready: wait a moment and try again.`,
      );
    }
    // "postgres" is the superuser lib/ops/embedded-postgres.ts creates the cluster with.
    const url = `postgresql://postgres:${encodeURIComponent(opts.password())}@127.0.0.1:${running.port}/${opts.database}`;
    return fn({ url, how: "running", port: running.port });
  }
  const { url, server } = await opts.start();
  try {
    return await fn({ url, how: "started", port: server.port });
  } finally {
    await server.stop();
  }
}
