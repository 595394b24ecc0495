import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[DASHBOARD]", () => {
  test("home shows the report's counts with where they come from", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    const caught = page.getByTestId("figure-caught");
    await expect(caught).toContainText("at least 24");
    await expect(caught).toContainText("in 3 groups");
    await expect(page.getByTestId("figure-at-risk")).toContainText("at least 24");
    await expect(page.getByTestId("figure-repatriated")).toContainText("at least 0");
    await expect(page.getByTestId("figure-reached-safety")).toContainText("at least 0");

    // "according to" leads to the captured report, with its hash.
    await caught.getByRole("link", { name: /The Korea Herald/ }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "N.K. defectors in China face repatriation" }),
    ).toBeVisible();
    await expect(page.getByTestId("source-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  });

  test("each figure links to the filtered timeline that counts the same", async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("figure-at-risk").getByRole("link", { name: "at least 24" }).click();
    await page.waitForURL(/\/timeline\?status=REPORTED_DETAINED&status=AT_RISK_OF_REPATRIATION$/);
    await expect(page.getByTestId("totals")).toContainText("At least 24 people in 3 groups");
    await page.goto("/");
    await page.getByTestId("figure-repatriated").getByRole("link", { name: "at least 0" }).click();
    await page.waitForURL(/\/timeline\?status=REPATRIATED$/);
    await expect(page.getByTestId("totals")).toContainText("At least 0 people in 0 groups");
  });

  test("editors see overdue follow-ups on the dashboard; visitors do not", async ({ page, browser }) => {
    await page.goto("/");
    await expect(page.getByTestId("dashboard-overdue")).toHaveCount(0);
    const editor = await (await browser.newContext()).newPage();
    await signInAs(editor, "EDITOR");
    // Far in the future every follow-up with a date is overdue (RW_TEST_CLOCK, as in advocacy.spec.ts).
    await editor
      .context()
      .addCookies([{ name: "rw-test-now", value: "2099-01-01", url: test.info().project.use.baseURL! }]);
    await editor.goto("/");
    const overdue = editor.getByTestId("dashboard-overdue");
    await expect(overdue.getByRole("heading", { name: /Overdue follow-ups \(\d+\)/ })).toBeVisible();
    await expect(overdue.getByRole("link", { name: "All follow-ups" })).toHaveAttribute("href", "/follow-ups");
    await editor.context().close();
  });

  test("the annual arrivals series is shown as a chart and a table with its source", async ({ page }) => {
    await page.goto("/");
    const table = page.getByRole("table", { name: /defectors arriving in South Korea/ });
    await expect(table.getByRole("row", { name: /2005 1,383/ })).toBeVisible();
    await expect(table.getByRole("row", { name: /2011 2,737/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /defectors arriving in South Korea.*2005 1,383/ })).toBeVisible();
  });

  test("health check answers ok", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});
