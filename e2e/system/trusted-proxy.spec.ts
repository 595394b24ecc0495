/**
 * Behind a reverse proxy the operator lists in RW_TRUSTED_PROXIES, forwarded headers are believed:
 * the client address comes from X-Forwarded-For (the rightmost hop that is not a proxy), and
 * X-Forwarded-Proto: https earns HSTS. A second app server on the e2e database, started here with
 * RW_TRUSTED_PROXIES=loopback, stands for that deployment (the main one trusts nobody).
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { TEST_ENCRYPTION_KEYS } from "../../lib/testing/test-keys";
import { e2eDatabase, signInOverHttp } from "../server-actions";
import { readEnv } from "../../lib/env";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe("[PROXY] forwarded headers from a trusted proxy", () => {
  test.describe.configure({ timeout: 120_000 });
  let server: ChildProcess | undefined;
  test.afterAll(() => void server?.kill("SIGTERM"));

  test("the client address and the scheme come from the proxy's headers", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: readEnv().E2E_DATABASE_URL,
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
        RW_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
        RW_TRUSTED_PROXIES: "loopback",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    });
    for (
      let i = 0;
      i < 240 &&
      !(await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 250));

    const proxied = await playwrightRequest.newContext({ baseURL: base });
    const hsts = (await proxied.get("/", { headers: { "X-Forwarded-Proto": "https" } })).headers()[
      "strict-transport-security"
    ];
    expect(hsts).toContain("max-age=");

    // The client wrote 6.6.6.6 itself; our proxy (loopback, trusted) appended 203.0.113.7.
    const email = `proxied-${randomBytes(4).toString("hex")}@example.org`;
    await signInOverHttp(proxied, email, "wrong password", { "X-Forwarded-For": "6.6.6.6, 203.0.113.7" });
    const db = await e2eDatabase();
    try {
      const { rows } = await db.query(`SELECT ip FROM "AuditEvent" WHERE "actorEmail" = $1`, [email]);
      expect(rows).toEqual([{ ip: "203.0.113.7" }]);
      await db.query(`DELETE FROM sign_in_throttle WHERE key LIKE $1 OR key = 'ip:203.0.113.7'`, [
        `account-ip:${email}|%`,
      ]);
    } finally {
      await db.end();
      await proxied.dispose();
    }
  });
});
