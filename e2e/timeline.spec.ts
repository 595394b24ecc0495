import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { signInAs } from "./helpers";
import { readEnv } from "../lib/env";

const REPORT_CODES = ["CN-2012-0001", "CN-2012-0002", "CN-2012-0003"];

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: readEnv().E2E_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(sql, values)).rows as T[];
  } finally {
    await db.end();
  }
}

/** The data rows of an exported CSV (after the "# …" header block), keyed by column name. */
/** The export's rows as records, read with a CSV parser after the provenance lines (one "# …" cell each). */
function csvRows(text: string): Record<string, string>[] {
  const records = (parse(text, { relax_column_count: true }) as string[][]).filter(
    (r) => !(r.length === 1 && r[0].startsWith("# ")),
  );
  const [header, ...rows] = records;
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
}

async function listedCodes(page: Page): Promise<string[]> {
  return (await page.getByTestId("results").locator("tbody tr td:first-child").allTextContents())
    .map((t) => t.trim())
    .sort();
}

test.describe("[TIMELINE]", () => {
  test("a visitor filters to February 2012, shares the URL, and exports exactly those rows with their source hashes", async ({
    page,
    browser,
  }) => {
    await page.goto("/timeline");
    const filters = page.getByRole("search", { name: "Filter cases" });
    await filters.getByLabel("Date from").fill("2012-02");
    await filters.getByLabel("Date to").fill("2012-02");
    await filters.getByRole("button", { name: "Apply filters" }).click();

    // The filter lives in the URL, in canonical form.
    await page.waitForURL(/\/timeline\?from=2012-02-01&to=2012-02-29$/);
    expect(await listedCodes(page)).toEqual(REPORT_CODES);
    await expect(page.getByTestId("totals")).toContainText("At least 24 people in 3 groups");
    await expect(page.getByTestId("totals")).toContainText("best estimate");
    await expect(page.getByTestId("timeline-chart")).toBeVisible();

    // The same URL in a fresh page (no session, no history) shows the same view.
    const url = page.url();
    const other = await (await browser.newContext()).newPage();
    await other.goto(url);
    expect(await listedCodes(other)).toEqual(REPORT_CODES);
    await expect(other.getByTestId("totals")).toContainText("At least 24 people in 3 groups");
    await other.context().close();

    // Back and forward move between views.
    await page.getByRole("link", { name: /^Code/ }).click();
    await page.waitForURL(/sort=code/);
    await page.goBack();
    await page.waitForURL(/\/timeline\?from=2012-02-01&to=2012-02-29$/);

    // Export CSV: exactly the listed rows, each with its source's SHA-256; the column row comes first
    // (a default import in Excel or pandas), the provenance block only when asked for.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv).toMatch(/^code,link,/);
    const withHeader = await (
      await page.request.get(
        (await page.getByRole("link", { name: "CSV with a provenance header" }).getAttribute("href"))!,
      )
    ).text();
    expect(withHeader).toMatch(/^# Refoulement Watch: cases\n# Exported at: \d{4}-\d{2}-\d{2}T/);
    expect(withHeader).toContain("# Counting rule: People are counted conservatively");
    expect(withHeader).toContain("# Rows: 3 cases (groups); at least 24 people");
    expect(csvRows(withHeader)).toEqual(csvRows(csv));
    const rows = csvRows(csv);
    expect(rows.map((r) => r.code).sort()).toEqual(REPORT_CODES);
    const [{ sha256 }] = await query<{ sha256: string }>(
      `SELECT sha256 FROM "Source" WHERE outlet = 'The Korea Herald' LIMIT 1`,
    );
    for (const row of rows) {
      expect(row.source_sha256.split(" ")).toContain(sha256);
      expect(row.link).toMatch(new RegExp(`/cases/${row.code}$`));
      expect(row).not.toHaveProperty("visibility");
    }
    // The export was logged.
    const logged = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "AuditEvent" WHERE kind = 'export' AND detail->>'query' = 'from=2012-02-01&to=2012-02-29'`,
    );
    expect(Number(logged[0].n)).toBeGreaterThan(0);
  });

  test("a bad filter gets a message naming it, not an error page", async ({ page }) => {
    const response = await page.goto("/timeline?from=2012-13&sizeMin=abc");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert", { name: "Filter problems" });
    await expect(alert).toContainText("from");
    await expect(alert).toContainText("sizeMin");
    await expect(page.getByLabel("Date from")).toHaveValue("2012-13");
    const api = await page.request.get("/api/v1/cases?from=2012-13");
    expect(api.status()).toBe(400);
    expect((await api.json()).error.parameter).toBe("from");
  });

  test("a signed-in researcher sees an internal case a visitor does not: list, chart, export and API", async ({
    page,
    browser,
  }) => {
    const title = `Internal group ${Date.now()}`;
    const code = `TST-2012-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const [{ id }] = await query<{ id: string }>(
      `INSERT INTO "Case" (id, code, title, "sizeMin", "sizeBest", country, province, status, visibility, "firstEventEarliest", "lastEventLatest", "updatedAt")
       VALUES (gen_random_uuid()::text, $1, $2, 13, 14, 'CN', 'Jilin', 'REPORTED_DETAINED', 'INTERNAL', '2012-02-20', '2012-02-20', now()) RETURNING id`,
      [code, title],
    );
    await query(
      `INSERT INTO "CaseEvent" (id, "caseId", type, "dateEarliest", "dateLatest", precision, "updatedAt") VALUES (gen_random_uuid()::text, $1, 'ARRESTED', '2012-02-20', '2012-02-20', 'DAY', now())`,
      [id],
    );
    const view = "/timeline?from=2012-02-01&to=2012-02-29";

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(view);
    expect(await listedCodes(visitor)).toEqual(REPORT_CODES);
    await expect(
      visitor.getByTestId("chart-table").getByRole("rowheader", { name: "week of 20 Feb 2012", includeHidden: true }),
    ).toHaveCount(0);
    expect(
      csvRows(
        await (await visitor.request.get("/timeline/export?format=csv&from=2012-02-01&to=2012-02-29")).text(),
      ).map((r) => r.code),
    ).not.toContain(code);
    const visitorApi = await (await visitor.request.get("/api/v1/cases?from=2012-02-01&to=2012-02-29")).json();
    expect(visitorApi.data.map((c: { code: string }) => c.code)).not.toContain(code);
    expect(visitorApi.meta.peopleAtLeast).toBe(24);
    expect((await visitor.request.get(`/api/v1/cases/${code}`)).status()).toBe(404);
    await visitor.context().close();

    await signInAs(page, "RESEARCHER");
    await page.goto(view);
    expect(await listedCodes(page)).toContain(code);
    // Other tests may add internal cases in February 2012 too: the totals include at least this one,
    // and the page and the API (same session) agree on them.
    const meta = (await (await page.request.get("/api/v1/cases?from=2012-02-01&to=2012-02-29")).json()).meta;
    expect(meta.peopleAtLeast).toBeGreaterThanOrEqual(24 + 13);
    await expect(page.getByTestId("totals")).toContainText(
      `At least ${meta.peopleAtLeast} people in ${meta.groups} groups`,
    );
    // The chart counts it too, in its week.
    await page.getByText("The chart as a table").click();
    await expect(
      page.getByTestId("chart-table").getByRole("row").filter({ hasText: "week of 20 Feb 2012" }),
    ).toContainText("13 (1)");
    const exported = csvRows(
      await (await page.request.get("/timeline/export?format=csv&from=2012-02-01&to=2012-02-29")).text(),
    );
    expect(exported.find((r) => r.code === code)?.visibility).toBe("INTERNAL");
    const api = await (await page.request.get("/api/v1/cases?from=2012-02-01&to=2012-02-29")).json();
    expect(api.data.map((c: { code: string }) => c.code)).toContain(code);
    const one = await (await page.request.get(`/api/v1/cases/${code}`)).json();
    expect(one.data.events[0]).toMatchObject({ type: "ARRESTED", dateEarliest: "2012-02-20", precision: "DAY" });

    // Saved views: name this view, find it again later, and it opens the same view.
    const name = `February 2012 ${Date.now()}`;
    const save = page.getByRole("form", { name: "Save this view" });
    await save.getByLabel("Name this view").fill(name);
    await save.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByRole("status", { name: "Save view status" })).toContainText("Saved");
    await page.goto("/timeline");
    await page.getByRole("navigation", { name: "Your saved views" }).getByRole("link", { name }).click();
    await page.waitForURL(/\/timeline\?from=2012-02-01&to=2012-02-29$/);
    expect(await listedCodes(page)).toContain(code);
  });
});
