import { expect, test, type Locator } from "@playwright/test";
import { signInAs } from "./helpers";

/** Selects `passage` in a text area, as a reader does with the mouse or Shift+arrows. */
async function select(area: Locator, passage: string) {
  await area.evaluate((el, p) => {
    const t = el as HTMLTextAreaElement;
    const start = t.value.indexOf(p);
    if (start < 0) throw new Error(`not in the text: ${p}`);
    t.focus();
    t.setSelectionRange(start, start + p.length);
  }, passage);
}

test.describe("[ONE PASS]", () => {
  test("an editor logs an arrest with its event, source passages and an appeal on one page; records the repatriation; status, dashboard and history say so", async ({
    page,
  }) => {
    const run = Date.now();
    const title = `Eight caught at Hunchun ${run}`;
    const sizePassage = `eight North Koreans (${run})`;
    const arrestPassage = "were arrested by border police near Hunchun in early March 2013";
    const report = `Seoul, 20 March 2013. Activists said ${sizePassage} ${arrestPassage}. A lawmaker appealed for their release.`;
    await signInAs(page, "EDITOR");

    // Reachable from the cases list.
    await page.goto("/cases");
    await page.getByRole("link", { name: "Log an arrest in one pass" }).click();
    await expect(page.getByRole("heading", { name: "Log an arrest in one pass" })).toBeVisible();

    const source = page.getByRole("group", { name: "The report" });
    await source.getByLabel("Outlet").fill("Border Wire");
    await source.getByLabel("Title").fill(`Arrests at Hunchun ${run}`);
    await source.getByLabel("Published (optional)").fill("2013-03-20");
    const text = source.getByLabel("The report's text");
    await text.fill(report);

    const kase = page.getByRole("group", { name: "The case" });
    await kase.getByLabel("Title").fill(title);
    await kase.getByLabel("At least").fill("8");
    await kase.getByLabel("Reported wording").fill("eight North Koreans");
    await kase.getByLabel("Province").fill("Jilin");
    await kase.getByLabel("City or area").fill("Hunchun");
    const event = page.getByRole("group", { name: "What happened first" });
    await event.getByLabel("Earliest date").fill("2013-03-01");
    await event.getByLabel("Latest date").fill("2013-03-10");
    await event.getByLabel("Date precision").selectOption("WEEK");
    await event.getByLabel("Reported wording").fill("early March 2013");

    // The passages come from a selection in the text, not typing; the event passage is left out first.
    await select(text, sizePassage);
    await source.getByRole("button", { name: "Use the selection for the size" }).click();
    await expect(kase.getByLabel("The passage behind the size")).toHaveValue(sizePassage);

    const advocacy = page.getByRole("group", { name: "Advocacy" });
    await advocacy.getByLabel("Name").fill(`Kim Lawmaker ${run}`);
    await advocacy.getByLabel("Kind of action").selectOption("APPEAL");
    await advocacy.getByLabel("Date", { exact: true }).fill("2013-03-21");
    await advocacy.getByLabel("What was asked for").fill("Ask China not to send them back.");

    await page.getByRole("button", { name: "Log the arrest" }).click();
    const status = page.getByRole("alert", { name: "Log an arrest status" });
    await expect(status).toContainText("Check the highlighted fields");
    await expect(page.getByRole("list", { name: "Problems" })).toContainText(
      "Select the passage of the source that says what happened",
    );
    // Every field keeps its value.
    await expect(kase.getByLabel("Title")).toHaveValue(title);
    await expect(event.getByLabel("Date precision")).toHaveValue("WEEK");
    await expect(advocacy.getByLabel("Name")).toHaveValue(`Kim Lawmaker ${run}`);
    await expect(text).toHaveValue(report);

    await select(text, arrestPassage);
    await source.getByRole("button", { name: "Use the selection for the event" }).click();
    await expect(event.getByLabel("The passage that says what happened")).toHaveValue(arrestPassage);
    await page.getByRole("button", { name: "Log the arrest" }).click();
    const duplicates = page.getByText("Possible duplicates");
    await Promise.race([page.waitForURL(/\/cases\/CN-2013-\d{4}$/), duplicates.waitFor()]);
    if (await duplicates.isVisible()) await page.getByRole("button", { name: "Save anyway" }).click();
    await page.waitForURL(/\/cases\/CN-2013-\d{4}$/);
    const code = page.url().split("/").pop()!;

    // The case page: status from the event, the event at the case's place with its passage, the appeal.
    await expect(page.getByTestId("figure-status")).toContainText("Reported detained");
    const arrest = page.locator('[data-event-type="ARRESTED"]');
    await expect(arrest).toContainText("early March 2013");
    await expect(arrest).toContainText("Hunchun");
    await expect(arrest.getByRole("blockquote").filter({ hasText: arrestPassage })).toBeVisible();
    await expect(page.getByText(`Kim Lawmaker ${run}`)).toBeVisible();

    // A second report says they were returned: captured, then "Record what happened" with its passage.
    const returned = `the eight were repatriated in late April 2013, handed over at a crossing (${run})`;
    await page.goto(`/cases/${code}/sources/new`);
    const capture = page.getByRole("region", { name: "Capture a new report" });
    await capture.getByLabel("Outlet").fill("River Post");
    await capture.getByLabel("Title").fill(`Handed over ${run}`);
    await capture.getByLabel("Published (optional)").fill("2013-05-02");
    await capture.getByLabel("Text of the report").fill(`Seoul, 2 May 2013. A church group said ${returned}.`);
    await capture.getByRole("button", { name: "Capture source" }).click();
    await expect(page.getByTestId("captured-sha256")).toBeVisible();

    await page.goto(`/cases/${code}`);
    const panel = page.getByTestId("record-what-happened");
    await panel.getByText("Record what happened", { exact: true }).first().click();
    await panel.getByRole("combobox", { name: "What happened" }).selectOption("REPATRIATED");
    await panel.getByLabel("Earliest date").fill("2013-04-20");
    await panel.getByLabel("Latest date").fill("2013-04-30");
    await panel.getByLabel("Date precision").selectOption("WEEK");
    await panel.getByLabel("Reported wording").fill("late April 2013");
    await panel
      .getByLabel("Source", { exact: true })
      .selectOption({ label: `River Post: Handed over ${run} (2 May 2013)` });
    await panel.getByLabel("The passage that says so").fill(returned);
    await panel.getByRole("button", { name: "Record what happened" }).click();
    await expect(panel.getByRole("status", { name: "Record what happened status" })).toHaveText(
      "Recorded, with its source.",
    );
    await expect(page.getByTestId("figure-status")).toContainText("Repatriated");

    // The history says, in sentences, what was logged and what happened, with the reasons.
    await page.goto(`/cases/${code}/history`);
    const saves = page.getByRole("list", { name: "Changes, newest first, one entry per save" }).getByRole("listitem");
    await expect(saves.filter({ hasText: "logged in one pass, with its source" }).first()).toBeVisible();
    await expect(
      saves
        .filter({ hasText: "added an event: Repatriated, late April 2013" })
        .filter({ hasText: "recorded what happened" }),
    ).toBeVisible();

    // The dashboard counts them as repatriated, according to the report that says so.
    await page.goto("/");
    const figure = page.getByTestId("figure-repatriated");
    await expect(figure).toContainText(/at least \d+/);
    await expect(figure.getByRole("link", { name: "River Post, 2 May 2013" })).toBeVisible();
  });
});
