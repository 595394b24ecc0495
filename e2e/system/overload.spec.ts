/**
 * Overload degrades gracefully (issue 12): past RW_MAX_ACTIVE_REQUESTS pages and API calls wait in a
 * line of RW_MAX_QUEUED_REQUESTS, writes first, and anyone beyond it is told 503 with Retry-After at
 * once, never left waiting without limit and never answered 500. A second server with a line of two
 * behind one slot makes that visible with a burst of 24 requests.
 */
import { expect, test } from "@playwright/test";
import { startSecondServer, type SecondServer } from "../second-server";

test.describe("[OVERLOAD] a bounded line in front of the app", () => {
  test.describe.configure({ timeout: 120_000 });
  let server: SecondServer | undefined;
  test.afterAll(() => server?.stop());

  test("refuses beyond the line with 503 and Retry-After, lets writes and health checks through, and recovers", async () => {
    server = await startSecondServer({
      RW_MAX_ACTIVE_REQUESTS: "1",
      RW_MAX_QUEUED_REQUESTS: "2",
      RW_MAX_QUEUE_WAIT_MS: "20000",
    });
    const base = server.base;
    expect((await fetch(`${base}/timeline?from=2012-02-01`)).status).toBe(200); // warm

    const get = async (path: string) => {
      const r = await fetch(`${base}${path}`, { redirect: "manual" });
      return { path, status: r.status, retryAfter: r.headers.get("retry-after"), body: await r.text() };
    };
    const burst = Array.from({ length: 24 }, (_, i) =>
      get(i % 2 ? `/timeline?from=2012-0${1 + (i % 9)}-01` : `/api/v1/cases?from=2012-0${1 + (i % 9)}-01`),
    );
    // While the line is full: a write pushes the newest waiting read out rather than being refused, and
    // the health check never waits.
    const write = fetch(`${base}/api/v1/cases`, { method: "POST", body: "{}" }).then((r) => r.status);
    const health = fetch(`${base}/api/health`).then((r) => r.status);
    const answers = await Promise.all(burst);

    const busy = answers.filter((a) => a.status === 503);
    const served = answers.filter((a) => a.status === 200);
    console.log(`overload: ${served.length} served, ${busy.length} told to retry, of ${answers.length}`);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const a of busy) {
      expect(a.retryAfter).toBe("2");
      if (a.path.startsWith("/api/")) expect(JSON.parse(a.body).error.code).toBe("server-busy");
      else expect(a.body).toContain("Too many requests at once");
    }
    expect(await write).not.toBe(503);
    expect(await health).toBe(200);

    // Every slot came back: one at a time, everything is served.
    for (let i = 0; i < 4; i++) expect((await get("/timeline?from=2012-02-01")).status).toBe(200);
  });
});
