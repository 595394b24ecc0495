/**
 * Korean beside English (issue 15): the header's switcher, the language kept in a cookie and on the
 * account, Accept-Language for a first visit, and the same shared URL in either language.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/demo";
import { demoUser } from "./helpers";
import { e2eDatabase } from "./server-actions";

const FEBRUARY_2012 = "/timeline?from=2012-02-01&to=2012-02-29";

/** Signs in through the login form (in English: no cookie, no account yet) and waits to leave it. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** A researcher of this test's own, so that no other spec's demo user reads Korean afterwards. */
async function newResearcher(): Promise<string> {
  const db = await e2eDatabase();
  try {
    const email = `korean-reader-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
    await db.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
       SELECT 'kr' || md5(random()::text), $1, 'Korean Reader', 'RESEARCHER', "passwordHash", now() FROM "User" WHERE email = $2`,
      [email, demoUser("RESEARCHER").email],
    );
    return email;
  } finally {
    await db.end();
  }
}

async function savedLocale(email: string): Promise<string | null> {
  const db = await e2eDatabase();
  try {
    return (await db.query(`SELECT locale FROM "User" WHERE email = $1`, [email])).rows[0].locale;
  } finally {
    await db.end();
  }
}

const switcher = (page: Page) => page.getByTestId("language-switcher");

async function englishContext(browser: Browser, javaScriptEnabled = true) {
  return browser.newContext({ locale: "en-US", javaScriptEnabled });
}

test.describe("[KOREAN]", () => {
  test("a visitor switches to 한국어: the dashboard and the February 2012 timeline in Korean, then back to English", async ({
    browser,
  }) => {
    const page = await (await englishContext(browser)).newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(switcher(page).getByRole("button", { name: "English" })).toHaveAttribute("aria-current", "true");
    await expect(switcher(page).getByRole("button", { name: "한국어" })).toHaveAttribute("lang", "ko");

    await switcher(page).getByRole("button", { name: "한국어" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page).toHaveURL(/\/$/);
    await expect(
      page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "타임라인" }),
    ).toBeVisible();
    await expect(page.getByTestId("figure-caught").getByRole("link", { name: "최소 24명" })).toBeVisible();
    await expect(page.getByTestId("figure-caught")).toContainText("3개 집단");

    // The same shared URL, in Korean: totals, dates, the chart's table.
    await page.goto(FEBRUARY_2012);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByTestId("totals")).toContainText("최소 24명");
    await expect(page.getByTestId("totals")).toContainText("3개 집단");
    await expect(page.getByTestId("results")).toContainText("2012년 2월 8일");
    await expect(
      page.getByTestId("chart-table").getByRole("columnheader", { name: "기간", includeHidden: true }),
    ).toBeAttached();

    // Back to English on the same page, query string kept.
    await switcher(page).getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/timeline\?from=2012-02-01&to=2012-02-29$/);
    await expect(page.getByTestId("totals")).toContainText("At least 24 people in 3 groups");
    await expect(page.getByTestId("results")).toContainText("8 Feb 2012");
    await page.context().close();
  });

  test("the switcher works without JavaScript and returns to the same filtered URL", async ({ browser }) => {
    const context = await englishContext(browser, false);
    const page = await context.newPage();
    await page.goto(FEBRUARY_2012);
    await switcher(page).getByRole("button", { name: "한국어" }).click();
    await expect(page).toHaveURL(/\/timeline\?from=2012-02-01&to=2012-02-29$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByTestId("totals")).toContainText("최소 24명");
    const cookie = (await context.cookies()).find((c) => c.name === "NEXT_LOCALE");
    expect(cookie).toMatchObject({ value: "ko", httpOnly: true, sameSite: "Lax" });
    await context.close();
  });

  test("Accept-Language: ko with no cookie gives Korean, and a page cached in English is not shown to it", async ({
    browser,
  }) => {
    const context = await englishContext(browser);
    const page = await context.newPage();
    const first = await page.goto("/");
    expect(first?.headers()["cache-control"]).toBe("private, max-age=60, stale-while-revalidate=300");
    expect(first?.headers()["vary"]).toMatch(/\bAccept-Language\b/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // Same browser, same URL, its cache still fresh: the reader sets the browser to Korean (what
    // Chromium's language setting changes; Playwright's extra headers lose to its locale). Tried with
    // only `Cookie` in Vary, Chromium serves the cached English page here.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setUserAgentOverride", {
      userAgent: await page.evaluate(() => navigator.userAgent),
      acceptLanguage: "ko-KR,ko,en",
    });
    await page.goto("about:blank");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByTestId("figure-caught")).toContainText("최소 24명");
    await context.close();

    const korean = await browser.newContext({ locale: "ko-KR" });
    const fresh = await korean.newPage();
    await fresh.goto(FEBRUARY_2012);
    await expect(fresh.locator("html")).toHaveAttribute("lang", "ko");
    await expect(fresh.getByTestId("totals")).toContainText("최소 24명");
    await korean.close();
  });

  test("a signed-in user's choice is kept on the account: another browser shows Korean after signing in", async ({
    browser,
  }) => {
    const email = await newResearcher();
    const first = await englishContext(browser);
    const page = await first.newPage();
    await signIn(page, email);
    await page.goto(FEBRUARY_2012);
    await switcher(page).getByRole("button", { name: "한국어" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect.poll(() => savedLocale(email)).toBe("ko");
    await first.close();

    // A new browser: no language cookie, an English Accept-Language; the account says Korean.
    const second = await englishContext(browser);
    const other = await second.newPage();
    await signIn(other, email);
    await other.goto(FEBRUARY_2012);
    await expect(other.locator("html")).toHaveAttribute("lang", "ko");
    // Signed in, the internal cases other specs add in February 2012 count too.
    await expect(other.getByTestId("totals")).toContainText(/최소 \d+명/);
    await second.close();
  });
});
