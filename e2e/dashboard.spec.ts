import { expect, test } from "@playwright/test";

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
    await expect(page.getByRole("heading", { level: 1, name: "N.K. defectors in China face repatriation" })).toBeVisible();
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
