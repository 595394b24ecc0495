import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "./helpers";

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

/** Logs a case through the form; returns its code. Goes past the duplicate check when it appears. */
async function logCase(page: Page, title: string, opts: { province?: string; sizeMin?: string } = {}): Promise<string> {
  await page.goto("/cases/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("At least").fill(opts.sizeMin ?? "6");
  await page.getByLabel("Best estimate").fill("7");
  await page.getByLabel("At most").fill("8");
  await page.getByLabel("Reported wording").fill("six to eight people");
  await page.getByLabel("Province").fill(opts.province ?? `Nowhere ${Date.now()}`);
  await page.getByRole("button", { name: "Log case" }).click();
  const duplicates = page.getByText("Possible duplicates");
  await Promise.race([page.waitForURL(/\/cases\/CN-\d{4}-\d{4}$/), duplicates.waitFor()]);
  if (await duplicates.isVisible()) await page.getByRole("button", { name: "Save anyway" }).click();
  await page.waitForURL(/\/cases\/CN-\d{4}-\d{4}$/);
  return page.url().split("/").pop()!;
}

test.describe("[CASE WRITES]", () => {
  test("an editor logs a case after seeing possible duplicates, sets it repatriated with a reason, and the history shows old → new", async ({
    browser,
  }) => {
    const editor = await pageAs(browser, "EDITOR");
    const title = `Family of four near Yanji ${Date.now()}`;
    // SYN-2012-0001 (internal, Jilin, 3–4 people) should be offered as a possible duplicate.
    await editor.goto("/cases/new");
    await editor.getByLabel("Title").fill(title);
    await editor.getByLabel("At least").fill("4");
    await editor.getByLabel("Province").fill("Jilin");
    await editor.getByRole("button", { name: "Log case" }).click();
    await expect(editor.getByRole("link", { name: "SYN-2012-0001" })).toBeVisible();
    await expect(editor.getByLabel("Title")).toHaveValue(title); // input kept
    await editor.getByRole("button", { name: "Save anyway" }).click();
    await editor.waitForURL(/\/cases\/CN-\d{4}-\d{4}$/);
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(title);

    await editor.getByRole("link", { name: "Edit case" }).click();
    await editor.getByLabel("Status", { exact: true }).selectOption("REPATRIATED");
    await editor.getByRole("button", { name: "Save changes" }).click();
    // A status change without a reason is refused, and nothing is saved.
    await expect(editor.getByRole("alert", { name: "Case form status" })).toContainText("Give a reason");
    await editor.getByLabel("Status", { exact: true }).selectOption("REPATRIATED");
    await editor.getByLabel("Reason for the change").fill("Handed over at Tumen, per NGO contact");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await expect(editor.getByRole("status", { name: "Case form status" })).toHaveText("Saved.");

    await editor.goto(editor.url().replace(/\/edit$/, "/history"));
    const statusRow = editor
      .getByTestId("history-row")
      .filter({ hasText: "Changed case · Status" })
      .filter({ hasText: "Repatriated" })
      .filter({ hasText: "Unknown" });
    await expect(statusRow).toContainText("Handed over at Tumen");
    // A status set by hand leaves no event behind (until issue 13 it added an OTHER event dated today).
    await expect(editor.getByTestId("history-row").filter({ hasText: "Added event · Type" })).toHaveCount(0);
    // In sentences, one entry per save, with the reason; filtered by kind of change and date in the address.
    const history = editor.url();
    await expect(editor.getByTestId("history-save").filter({ hasText: "Handed over at Tumen" })).toContainText(
      "Demo Editor changed the case: Status Unknown → Repatriated",
    );
    await editor.goto(`${history}?kind=CaseEvent`);
    await expect(editor.getByText("No changes match these filters.")).toBeVisible();
    await editor.goto(`${history}?from=2013-02-30`);
    await expect(editor.getByRole("alert", { name: "History filter problems" })).toBeVisible();
    await expect(editor.locator("#h-from-error")).toHaveText("The first date is not a day of the calendar.");
  });

  test("two editors edit the same case: the second save is refused and the first one's data is intact", async ({
    browser,
  }) => {
    const first = await pageAs(browser, "EDITOR");
    const code = await logCase(first, `Conflict test ${Date.now()}`);
    const second = await pageAs(browser, "STAFF");
    await first.goto(`/cases/${code}/edit`);
    await second.goto(`/cases/${code}/edit`);

    await first.getByLabel("Title").fill("Saved by the first editor");
    await first.getByRole("button", { name: "Save changes" }).click();
    await expect(first.getByRole("status", { name: "Case form status" })).toHaveText("Saved.");

    await second.getByLabel("Title").fill("Saved by the second editor");
    await second.getByRole("button", { name: "Save changes" }).click();
    await expect(second.getByRole("alert", { name: "Case form status" })).toContainText("changed by Demo Editor at");
    await expect(second.getByLabel("Title")).toHaveValue("Saved by the second editor"); // their input is kept

    await second.goto(`/cases/${code}`);
    await expect(second.getByRole("heading", { level: 1 })).toHaveText("Saved by the first editor");
  });

  test("archiving hides a case from the list; restoring brings it back", async ({ browser }) => {
    const editor = await pageAs(browser, "EDITOR");
    const title = `Archive me ${Date.now()}`;
    const code = await logCase(editor, title);
    await editor.goto(`/cases/${code}/edit`);
    await editor.getByRole("button", { name: `Archive this case ${code}` }).click();
    await editor.waitForURL(/\/cases\/archived$/);
    await expect(editor.getByRole("listitem").filter({ hasText: code })).toContainText(title);
    await editor.goto("/cases");
    await expect(editor.getByText(title)).toHaveCount(0);
    expect((await editor.goto(`/cases/${code}`))?.status()).toBe(404);

    await editor.goto("/cases/archived");
    await editor.getByRole("button", { name: `Restore ${code}` }).click();
    // Restored: it leaves the archived list.
    await expect(editor.getByRole("listitem").filter({ hasText: code })).toHaveCount(0);
    await editor.goto("/cases");
    await expect(editor.getByText(title)).toBeVisible();
  });

  test("bad input gets a message next to each field and nothing is written", async ({ browser }) => {
    const editor = await pageAs(browser, "EDITOR");
    await editor.goto("/cases/new");
    await editor.getByLabel("Title").fill("x");
    await editor.getByLabel("At least").fill("10");
    await editor.getByLabel("At most").fill("5");
    // The field takes two characters at most (maxlength): two that are not letters are refused.
    await editor.getByLabel("Country code").fill("C1");
    await editor.getByRole("button", { name: "Log case" }).click();
    await expect(editor.getByLabel("Title")).toHaveAccessibleDescription(/3\+ characters/);
    await expect(editor.getByLabel("At most")).toHaveAccessibleDescription("The maximum cannot be below the minimum.");
    await expect(editor.getByLabel("Country code")).toHaveAccessibleDescription(/two-letter country code/);
    await expect(editor).toHaveURL(/\/cases\/new$/);
  });
});

test.describe("[EVENTS]", () => {
  test("an editor adds two events with uncertain dates; the status follows the latest; removing one moves it back", async ({
    browser,
  }) => {
    const editor = await pageAs(browser, "EDITOR");
    const code = await logCase(editor, `Timeline test ${Date.now()}`);
    await editor.goto(`/cases/${code}`);

    await editor.getByText("Add an event").click();
    await editor.getByTestId("add-event").getByRole("combobox", { name: "What happened" }).selectOption("ARRESTED");
    await editor.getByTestId("add-event").getByLabel("Earliest date").fill("2012-02-01");
    await editor.getByTestId("add-event").getByLabel("Latest date").fill("2012-02-29");
    await editor.getByTestId("add-event").getByLabel("Date precision").selectOption("MONTH");
    await editor.getByTestId("add-event").getByLabel("Reported wording").fill("earlier this month");
    await editor.getByTestId("add-event").getByRole("button", { name: "Add event" }).click();
    await expect(editor.getByRole("status", { name: "Add event status" })).toHaveText("Event added.");
    await expect(editor.locator('[data-event-type="ARRESTED"]')).toContainText("February 2012");
    await expect(editor.getByTestId("figure-status")).toContainText("Reported detained");

    // The form stays open after an event is added, ready for the next one.
    if (!(await editor.getByTestId("add-event").getByRole("combobox", { name: "What happened" }).isVisible()))
      await editor.getByText("Add an event").click();
    await editor.getByTestId("add-event").getByRole("combobox", { name: "What happened" }).selectOption("REPATRIATED");
    await editor.getByTestId("add-event").getByLabel("Earliest date").fill("2012-03-05");
    await editor.getByTestId("add-event").getByLabel("Latest date").fill("2012-03-11");
    await editor.getByTestId("add-event").getByLabel("Date precision").selectOption("WEEK");
    await editor.getByTestId("add-event").getByRole("button", { name: "Add event" }).click();
    await expect(editor.getByTestId("figure-status")).toContainText("Repatriated");

    // Removing asks why (issue 13): open "Remove", give the reason, confirm.
    const repatriation = editor.locator('[data-event-type="REPATRIATED"]');
    await repatriation.getByText("Remove", { exact: true }).click();
    await repatriation.getByLabel("Why remove it?").fill("Another group's handover");
    await repatriation.getByRole("button", { name: "Remove event", exact: true }).click();
    await expect(editor.getByTestId("figure-status")).toContainText("Reported detained");
    await expect(editor.locator('[data-event-type="REPATRIATED"]')).toHaveCount(0);
  });

  test("removing an event asks why; the removed event shows with its reason, in the history too, and can be restored", async ({
    browser,
  }) => {
    const editor = await pageAs(browser, "EDITOR");
    const code = await logCase(editor, `Remove event test ${Date.now()}`);
    await editor.goto(`/cases/${code}`);
    await editor.getByText("Add an event").click();
    const add = editor.getByTestId("add-event");
    for (const [type, day] of [
      ["ARRESTED", "2012-05-01"],
      ["RELEASED", "2012-06-01"],
    ]) {
      if (!(await add.getByLabel("Earliest date").isVisible())) await editor.getByText("Add an event").click();
      await add.getByRole("combobox", { name: "What happened" }).selectOption(type);
      await add.getByLabel("Earliest date").fill(day);
      await add.getByRole("button", { name: "Add event" }).click();
      await expect(editor.locator(`[data-event-type="${type}"]`)).toHaveCount(1);
    }
    await expect(editor.getByTestId("figure-status")).toContainText("Released");

    const event = editor.locator('[data-event-type="RELEASED"]');
    await event.getByText("Remove", { exact: true }).click();
    await event.getByRole("button", { name: "Remove event", exact: true }).click();
    await expect(event.getByLabel("Why remove it?")).toHaveAccessibleDescription(
      /Give a reason for removing the event\./,
    );
    await expect(event).toHaveCount(1); // nothing removed without a reason
    await event.getByLabel("Why remove it?").fill("Entered twice");
    await event.getByRole("button", { name: "Remove event", exact: true }).click();
    await expect(event).toHaveCount(0);
    await expect(editor.getByTestId("figure-status")).toContainText("Reported detained");

    const archived = editor.getByTestId("archived-events");
    await archived.getByText("Removed events (1)").click();
    await expect(archived).toContainText("Released");
    await expect(archived).toContainText(/Removed by Demo Editor on .*Reason: Entered twice/);

    await editor.goto(`/cases/${code}/history`);
    await expect(editor.getByTestId("history-save").filter({ hasText: "Entered twice" }).first()).toBeVisible();

    // A researcher reads the case but sees no removed events.
    const researcher = await pageAs(browser, "RESEARCHER");
    await researcher.goto(`/cases/${code}`);
    await expect(researcher.getByRole("heading", { name: /Remove event test/ })).toBeVisible();
    await expect(researcher.getByTestId("archived-events")).toHaveCount(0);

    await editor.goto(`/cases/${code}`);
    await archived.getByText("Removed events (1)").click();
    await archived.getByRole("button", { name: /^Restore\s+Released/ }).click();
    await expect(editor.locator('[data-event-type="RELEASED"]')).toHaveCount(1);
    await expect(editor.getByTestId("figure-status")).toContainText("Released");
    await expect(editor.getByTestId("archived-events")).toHaveCount(0);
  });

  test("an inverted date range is refused next to the field", async ({ browser }) => {
    const editor = await pageAs(browser, "EDITOR");
    await editor.goto("/cases/CN-2012-0001");
    await editor.getByText("Add an event").click();
    await editor.getByTestId("add-event").getByLabel("Earliest date").fill("2012-03-10");
    await editor.getByTestId("add-event").getByLabel("Latest date").fill("2012-03-01");
    await editor.getByTestId("add-event").getByLabel("Date precision").selectOption("WEEK");
    await editor.getByTestId("add-event").getByRole("button", { name: "Add event" }).click();
    await expect(editor.locator("#event-dateLatest-error")).toHaveText(
      "The latest date cannot be before the earliest.",
    );
  });

  test("an editor edits an event; the status and the history follow", async ({ browser }) => {
    const editor = await pageAs(browser, "EDITOR");
    const code = await logCase(editor, `Edit event test ${Date.now()}`);
    await editor.goto(`/cases/${code}`);
    await editor.getByText("Add an event").click();
    await editor.getByTestId("add-event").getByRole("combobox", { name: "What happened" }).selectOption("ARRESTED");
    await editor.getByTestId("add-event").getByLabel("Earliest date").fill("2012-05-02");
    await editor.getByTestId("add-event").getByRole("button", { name: "Add event" }).click();
    await expect(editor.getByTestId("figure-status")).toContainText("Reported detained");

    await editor.getByText("Edit", { exact: true }).click();
    const item = editor.locator('[data-event-type="ARRESTED"]');
    await item.getByRole("combobox", { name: "What happened" }).selectOption("RELEASED");
    await item.getByLabel("Reason for the change (optional)").fill("Later reports say they were let go");
    await item.getByRole("button", { name: "Save event" }).click();
    await expect(editor.getByTestId("figure-status")).toContainText("Released");
    await editor.goto(`/cases/${code}/history`);
    await expect(editor.getByTestId("history-row").filter({ hasText: "Changed event · Type" })).toContainText(
      "Later reports say they were let go",
    );
  });
});
