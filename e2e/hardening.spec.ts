/**
 * Regression tests for the defects an attack-and-fault run found (issue 10), through the running
 * server as an attacker would reach it: crafted links, spoofed proxy headers, copied cookies,
 * hand-made posts. The property-based suites (fuzz, concurrency, fault) keep the classes of defect away.
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { discoverActions, e2eDatabase, postAction, signedInContext, signInOverHttp } from "./server-actions";

const baseURL = () => test.info().project.use.baseURL as string;
const randomIp = () =>
  `${1 + (randomBytes(1)[0] % 220)}.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

test.describe("[HARDENING] defects from the attack run stay fixed", () => {
  test("sign-in callbacks never send anyone off the app", async () => {
    const context = await signedInContext(baseURL(), "RESEARCHER");
    const origin = new URL(baseURL()).origin;
    for (const callback of [
      "/\\evil.example/",
      "/\\/evil.example",
      "//evil.example",
      "https://evil.example/",
      "/\t/evil.example",
      "foo",
    ]) {
      const response = await context.get(`/login?callbackUrl=${encodeURIComponent(callback)}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBe(307);
      const target = new URL(response.headers().location, baseURL());
      expect(target.origin, callback).toBe(origin);
    }
    // next-auth's own pages answered 500 to a callback it could not parse.
    const visitor = await playwrightRequest.newContext({ baseURL: baseURL() });
    const signInPage = await visitor.get("/api/auth/signin?callbackUrl=foo", { maxRedirects: 0 });
    expect(signInPage.status()).toBeLessThan(500);
    await context.dispose();
    await visitor.dispose();
  });

  test("a spoofed X-Forwarded-For neither escapes the count for the real address nor reaches the audit log", async () => {
    const email = `spoof-${randomBytes(4).toString("hex")}@example.org`;
    const db = await e2eDatabase();
    try {
      const attacker = await playwrightRequest.newContext({ baseURL: baseURL() });
      for (let i = 0; i < 8; i++) {
        await signInOverHttp(attacker, email, "wrong password", {
          "X-Forwarded-For": randomIp(),
          "X-RW-Client-IP": randomIp(),
          Forwarded: `for=${randomIp()}`,
        });
      }
      const rows = (
        await db.query(`SELECT ip, detail->>'reason' AS reason FROM "AuditEvent" WHERE "actorEmail" = $1 ORDER BY id`, [
          email,
        ])
      ).rows as { ip: string; reason: string }[];
      expect(rows).toHaveLength(8);
      // Every attempt is counted and logged under the socket's address, whatever the headers said.
      expect(new Set(rows.map((r) => r.ip)).size).toBe(1);
      expect(["127.0.0.1", "::1"]).toContain(rows[0].ip);
      // Five free failures for this account at this address, then the waits began.
      expect(rows.map((r) => r.reason).slice(0, 5)).toEqual(Array(5).fill("no-such-account"));
      expect(rows.map((r) => r.reason)).toContain("throttled");
      await attacker.dispose();
    } finally {
      // Leave no counter behind for the tests that sign in after this one.
      await db.query(`DELETE FROM sign_in_throttle WHERE key LIKE $1 OR key LIKE 'ip:%'`, [`account-ip:${email}|%`]);
      await db.end();
    }
  });

  test("signing out ends that session at once, also for a copy of its cookie", async () => {
    const context = await signedInContext(baseURL(), "RESEARCHER");
    const copy = await playwrightRequest.newContext({ baseURL: baseURL(), storageState: await context.storageState() });
    expect((await copy.get("/account", { maxRedirects: 0 })).status()).toBe(200);
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
    const after = await copy.get("/account", { maxRedirects: 0 });
    expect(after.status()).toBe(307);
    expect(after.headers().location).toContain("/login");
    await context.dispose();
    await copy.dispose();
  });

  test("a forged X-Forwarded-Host does not get a cross-site post past the actions' origin check", async () => {
    const context = await signedInContext(baseURL(), "RESEARCHER");
    const db = await e2eDatabase();
    try {
      const name = `forged-${randomBytes(4).toString("hex")}`;
      const action = discoverActions().get("saveViewAction")!;
      const forged = await postAction(
        context,
        action,
        { name, query: "from=2012" },
        { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
      );
      expect(forged.status).not.toBe("ok");
      expect(forged.http).toBeLessThan(500);
      expect((await db.query(`SELECT count(*)::int AS n FROM "SavedView" WHERE name = $1`, [name])).rows[0].n).toBe(0);
      // The same post from the app's own origin works.
      const own = await postAction(
        context,
        action,
        { name, query: "from=2012" },
        { Origin: new URL(baseURL()).origin },
      );
      expect(own.status, own.body.slice(0, 600)).toBe("ok");
    } finally {
      await db.end();
      await context.dispose();
    }
  });

  test("input that used to give 500 gets 400, 404 or a message next to the field", async () => {
    const visitor = await playwrightRequest.newContext({ baseURL: baseURL() });
    const urls = [
      "/api/v1/cases?q=%00",
      "/api/v1/cases?city=a%00b",
      "/api/v1/cases?province=%00",
      "/api/v1/cases?outlet=%00",
      "/api/v1/cases?tag=%00",
      "/timeline?q=%00",
      "/cases?province=%00",
      "/map?outlet=%00",
      "/timeline/export?format=csv&tag=%00",
      "/api/v1/cases/%25",
      "/cases/%%",
      "/api/v1/cases/%",
      "/cases/%25%25/history",
      "/sources/%",
    ];
    for (const url of urls) {
      const response = await visitor.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBeLessThan(500);
    }
    const editor = await signedInContext(baseURL(), "EDITOR");
    const actions = discoverActions();
    const nul = await postAction(editor, actions.get("createCaseAction")!, {
      title: "A case with a NUL\u0000 in its title",
      sizeMin: "3",
      country: "CN",
      verification: "POSSIBLE",
      priority: "NORMAL",
      visibility: "INTERNAL",
    });
    expect(nul.status).toBe("invalid");
    const view = await postAction(editor, actions.get("saveViewAction")!, {
      name: "nul\u0000view",
      query: "from=2012",
    });
    expect(view.status).toBe("invalid");
    // A hand-made action post whose body cannot be decoded.
    const garbled = await editor.fetch("/timeline", {
      method: "POST",
      headers: { "Next-Action": actions.get("saveViewAction")!.id, "Content-Type": "text/plain;charset=UTF-8" },
      data: "not json at all",
    });
    expect(garbled.status()).toBe(400);
    await editor.dispose();
    await visitor.dispose();
  });
});
