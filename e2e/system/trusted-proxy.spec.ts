/**
 * Behind a reverse proxy the operator lists in RW_TRUSTED_PROXIES, forwarded headers are believed:
 * the client address comes from X-Forwarded-For (the rightmost hop that is not a proxy), and
 * X-Forwarded-Proto: https earns HSTS. A second app server on the e2e database, started here with
 * RW_TRUSTED_PROXIES=loopback, stands for that deployment (the main one trusts nobody).
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { e2eDatabase, signInOverHttp } from "../server-actions";
import { startSecondServer, type SecondServer } from "../second-server";

test.describe("[PROXY] forwarded headers from a trusted proxy", () => {
  test.describe.configure({ timeout: 120_000 });
  let server: SecondServer | undefined;
  test.afterAll(() => server?.stop());

  test("the client address and the scheme come from the proxy's headers", async () => {
    server = await startSecondServer({ RW_TRUSTED_PROXIES: "loopback" });
    const base = server.base;

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
