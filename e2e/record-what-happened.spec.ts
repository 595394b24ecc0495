import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

/** Logs a case through the form, past the duplicate check; returns its code. */
async function logCase(page: Page, title: string): Promise<string> {
  await page.goto("/cases/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("At least").fill("3");
  await page.getByLabel("Province").fill("Jilin");
  await page.getByLabel("City or area").fill("Tumen");
  await page.getByRole("button", { name: "Log case" }).click();
  const duplicates = page.getByText("Possible duplicates");
  await Promise.race([page.waitForURL(/\/cases\/CN-\d{4}-\d{4}$/), duplicates.waitFor()]);
  if (await duplicates.isVisible()) await page.getByRole("button", { name: "Save anyway" }).click();
  await page.waitForURL(/\/cases\/CN-\d{4}-\d{4}$/);
  return page.url().split("/").pop()!;
}

test.describe("[WHAT HAPPENED]", () => {
  test("an editor records a repatriation with its date, place and passage; the status follows and names the source; a status set by hand needs a reason and says so", async ({
    page,
  }) => {
    const run = Date.now();
    const passage = `the family of three was repatriated in late April 2013, handed over at a crossing (${run})`;
    await signInAs(page, "EDITOR");
    const code = await logCase(page, `Family of three in Tumen ${run}`);

    // The report that says so, captured first.
    await page.goto(`/cases/${code}/sources/new`);
    const capture = page.getByRole("region", { name: "Capture a new report" });
    await capture.getByLabel("Outlet").fill("Border Wire");
    await capture.getByLabel("Title").fill(`Handover at Tumen ${run}`);
    await capture.getByLabel("Text of the report").fill(`Seoul, 3 May 2013. Activists said ${passage}.`);
    await capture.getByRole("button", { name: "Capture source" }).click();
    await expect(page.getByTestId("captured-sha256")).toBeVisible();

    await page.goto(`/cases/${code}`);
    const panel = page.getByTestId("record-what-happened");
    await panel.getByText("Record what happened", { exact: true }).first().click();
    // The case's place is where it happened unless changed.
    await expect(panel.getByLabel("City or area")).toHaveValue("Tumen");
    await panel.getByRole("combobox", { name: "What happened" }).selectOption("REPATRIATED");
    await panel.getByLabel("Earliest date").fill("2013-04-20");
    await panel.getByLabel("Latest date").fill("2013-04-30");
    await panel.getByLabel("Date precision").selectOption("WEEK");
    await panel.getByLabel("Reported wording").fill("late April 2013");
    await panel.getByLabel("Source", { exact: true }).selectOption({ label: `Border Wire: Handover at Tumen ${run}` });
    // A passage that is not in the text is refused, and the form keeps what was entered.
    await panel.getByLabel("The passage that says so").fill("they were released");
    await panel.getByRole("button", { name: "Record what happened" }).click();
    await expect(panel.getByRole("alert", { name: "Record what happened status" })).toContainText("word for word");
    await expect(panel.getByLabel("Reported wording")).toHaveValue("late April 2013");
    await panel.getByLabel("The passage that says so").fill(passage);
    await panel.getByRole("button", { name: "Record what happened" }).click();
    await expect(panel.getByRole("status", { name: "Record what happened status" })).toHaveText(
      "Recorded, with its source.",
    );

    const status = page.getByTestId("figure-status");
    await expect(status).toContainText("Repatriated");
    await expect(page.getByTestId("status-set-by-hand")).toHaveCount(0);
    await status.getByText("According to 1 passage").click();
    await expect(status.getByRole("blockquote").filter({ hasText: passage })).toBeVisible();
    await expect(status.getByRole("link", { name: "Border Wire" })).toBeVisible();
    const event = page.locator('[data-event-type="REPATRIATED"]');
    await expect(event).toContainText("late April 2013");
    await expect(event).toContainText("Tumen");
    await expect(event.getByRole("blockquote").filter({ hasText: passage })).toBeVisible();

    // A status set by hand: refused without a reason, then marked as set by hand, with no event dated today.
    await page.getByRole("link", { name: "Edit case" }).click();
    await page.getByLabel("Status", { exact: true }).selectOption("RELEASED");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("alert", { name: "Case form status" })).toContainText(
      "Give a reason for changing the status.",
    );
    await page.getByLabel("Status", { exact: true }).selectOption("RELEASED");
    await page.getByLabel("Reason for the change").fill("Released the next day, per a phone call with the family");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status", { name: "Case form status" })).toHaveText("Saved.");
    await page.goto(`/cases/${code}`);
    await expect(status).toContainText("Released");
    await expect(page.getByTestId("status-set-by-hand")).toHaveText(
      "Set by hand: Released the next day, per a phone call with the family",
    );
    await expect(page.locator('[data-event-type="OTHER"]')).toHaveCount(0);
  });
});
