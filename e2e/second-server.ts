/**
 * A second app server on the e2e database, started by a spec with settings of its own (the main one
 * runs the defaults): how a test sees what an operator's setting changes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { TEST_ENCRYPTION_KEYS } from "../lib/testing/test-keys";
import { readEnv } from "../lib/env";
import { freePort } from "../scripts/lib/free-port";

export type SecondServer = { base: string; stop: () => void };

/** Starts scripts/serve.ts with `settings` on top of the test environment; resolves once /api/health answers ok. */
export async function startSecondServer(settings: Record<string, string>): Promise<SecondServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: readEnv().E2E_DATABASE_URL,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
      RW_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      NEXT_TELEMETRY_DISABLED: "1",
      ...settings,
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`The second server exited early (${server.exitCode}).`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop: () => void server.kill("SIGTERM") };
}
