/**
 * A 390 px phone: no page any role may open is wider than the screen (the signed-in navigation made
 * pages 585–693 px wide), and the compact menu works with the keyboard. The same single load of each
 * page for each role is checked with axe (fails on any serious or critical violation), so the whole
 * app is covered without loading every page twice.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "./helpers";
import { discoverPages, loadSampleIds, ROLES, ROUTES, sampleUrl, type Role } from "./routes";

const PHONE = { width: 390, height: 844 };

async function phoneAs(browser: Browser, role: Role): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  if (role !== "VISITOR") await signInAs(page, role as DemoRole);
  return page;
}

/** The innermost elements that reach past the screen's right edge, to say what made a page too wide. */
function overflowing(page: Page): Promise<string> {
  return page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const right = el.getBoundingClientRect().right;
      if (right <= limit + 0.5) continue;
      const inner = Array.from(el.children).some((c) => c.getBoundingClientRect().right > limit + 0.5);
      if (inner) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").slice(0, 3).join(".")}` : ""}`;
      out.push(`${name} (${Math.round(right)} px)`);
      if (out.length === 5) break;
    }
    return out.join(", ");
  }, PHONE.width);
}

/** Serious and critical axe violations on the loaded page, one line each with where they are. */
async function axeProblems(page: Page): Promise<string[]> {
  // label-content-name-mismatch is experimental in axe, so off by default: a spoken command ("click
  // Record response") must match a control whose name contains its visible text.
  const { violations } = await new AxeBuilder({ page })
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("[NARROW] a 390 px screen", () => {
  test.beforeAll(loadSampleIds);

  for (const role of ROLES) {
    test(`no page is wider than the screen nor fails axe for ${role.toLowerCase()}`, async ({ browser }) => {
      test.setTimeout(240_000);
      const page = await phoneAs(browser, role);
      const pages = new Set(discoverPages());
      const tooWide: string[] = [];
      const inaccessible: string[] = [];
      let checked = 0;
      for (const [pattern, samples] of Object.entries(ROUTES)) {
        if (!pages.has(pattern)) continue;
        for (const sample of samples) {
          if (sample.expected[role] !== 200) continue;
          const url = sampleUrl(sample);
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(200);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          checked++;
          if (width > PHONE.width) tooWide.push(`${url}: ${width} px, past the edge: ${await overflowing(page)}`);
          inaccessible.push(...(await axeProblems(page)).map((p) => `${url}: ${p}`));
        }
      }
      console.log(`${role}: ${checked} pages at ${PHONE.width} px`);
      expect(checked).toBeGreaterThan(3);
      expect(tooWide).toEqual([]);
      expect(inaccessible).toEqual([]);
    });
  }

  test("in Korean, the dashboard, the February 2012 timeline and a case page fit and pass axe", async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, locale: "ko-KR" });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const url of ["/", "/timeline?from=2012-02-01&to=2012-02-29", "/cases/CN-2012-0001"]) {
      expect((await page.goto(url))?.status(), url).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", "ko");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) problems.push(`${url}: ${width} px, past the edge: ${await overflowing(page)}`);
      problems.push(...(await axeProblems(page)).map((p) => `${url}: ${p}`));
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test("the compact menu opens and closes with the keyboard and takes you to its pages", async ({ browser }) => {
    const page = await phoneAs(browser, "ADMIN");
    await page.goto("/");
    const menu = page.getByTestId("compact-menu");
    // The wide row of links is hidden; the menu's links only show once it is opened.
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    const summary = menu.getByText("Menu", { exact: true });
    await summary.focus();
    await page.keyboard.press("Enter");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav).toHaveCount(0);
    await expect(summary).toBeFocused();
    await page.keyboard.press("Space");
    await nav.getByRole("link", { name: "Timeline" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/timeline/);
    // Following a link closes the menu, and the current page is marked.
    await expect(nav).toHaveCount(0);
    await summary.click();
    await expect(nav.getByRole("link", { name: "Timeline" })).toHaveAttribute("aria-current", "page");
  });

  test("the timeline shows results first, with the filters behind a button", async ({ browser }) => {
    const page = await phoneAs(browser, "VISITOR");
    await page.goto("/timeline?from=2012-02&to=2012-02");
    const filters = page.getByRole("search", { name: "Filter cases" });
    const button = page.getByRole("button", { name: /^Filters/ });
    await expect(filters).toBeHidden();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toContainText("2 set");
    // Totals, chart and rows are on the page; the totals start within the first screen.
    const totals = await page.getByTestId("totals").boundingBox();
    expect(totals!.y).toBeLessThan(PHONE.height);
    await expect(page.getByRole("heading", { name: /^Cases \(/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Over time" })).toBeVisible();
    // The button opens the filters with the keyboard, already filled in from the address.
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(filters).toBeVisible();
    await expect(filters.getByLabel("Date from")).toHaveValue("2012-02-01");
    await page.keyboard.press("Enter");
    await expect(filters).toBeHidden();
  });

  test("on a wide screen the timeline's filters sit in a column beside totals, chart and rows", async ({ page }) => {
    await page.goto("/timeline?from=2012-02&to=2012-02");
    await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
    const filters = (await page.getByRole("search", { name: "Filter cases" }).boundingBox())!;
    const totals = (await page.getByTestId("totals").boundingBox())!;
    const chart = (await page.getByRole("heading", { name: "Over time" }).boundingBox())!;
    expect(filters.x + filters.width).toBeLessThanOrEqual(totals.x);
    expect(Math.abs(filters.y - totals.y)).toBeLessThan(5);
    expect(chart.x).toBeGreaterThanOrEqual(totals.x);
  });

  test("the wide screen keeps the row of links", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("compact-menu")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Timeline" })).toBeVisible();
  });
});

test("/favicon.ico is an icon, not a 404", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\//);
});
