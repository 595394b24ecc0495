/**
 * Issue 4's acceptance flow in one go, as an activist would do it: a new case from a report, two
 * events with uncertain dates, the report captured with a quote behind the group size, an appeal
 * with a follow-up date, then the case updated to REPATRIATED with a reason; the history shows each
 * change old → new, and the follow-up turns overdue when the (test) clock passes its date.
 */
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

async function setClock(page: Page, isoDay: string) {
  await page.context().addCookies([{ name: "rw-test-now", value: isoDay, url: test.info().project.use.baseURL! }]);
}

test("[ACCEPTANCE] an editor logs a case from a report end to end and follows it up", async ({ page }) => {
  test.setTimeout(90_000);
  const run = Date.now();
  const title = `Seven caught near Hunchun ${run}`;
  const quote = `Seven North Koreans, including two children, were caught near Hunchun (${run}).`;
  await signInAs(page, "EDITOR");

  // 1. The case.
  await page.goto("/cases/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("At least").fill("7");
  await page.getByLabel("Best estimate").fill("7");
  await page.getByLabel("Reported wording").fill("seven North Koreans");
  await page.getByLabel("Province").fill(`Jilin-${run}`);
  await page.getByRole("button", { name: "Log case" }).click();
  await page.waitForURL(/\/cases\/CN-\d{4}-\d{4}$/);
  const code = page.url().split("/").pop()!;

  // 2. Two events with uncertain dates.
  const add = page.getByTestId("add-event");
  await page.getByText("Add an event").click();
  const what = add.getByRole("combobox", { name: "What happened" });
  await what.selectOption("ARRESTED");
  await add.getByLabel("Earliest date").fill("2012-03-01");
  await add.getByLabel("Latest date").fill("2012-03-31");
  await add.getByLabel("Date precision").selectOption("MONTH");
  await add.getByLabel("Reported wording").fill("in March");
  await add.getByRole("button", { name: "Add event" }).click();
  await expect(add.getByRole("status", { name: "Add event status" })).toHaveText("Event added.");
  if (!(await what.isVisible())) await page.getByText("Add an event").click();
  await what.selectOption("TRANSFERRED");
  await add.getByLabel("Earliest date").fill("2012-04-02");
  await add.getByLabel("Latest date").fill("2012-04-08");
  await add.getByLabel("Date precision").selectOption("WEEK");
  await add.getByLabel("Reported wording").fill("early the following month");
  await add.getByRole("button", { name: "Add event" }).click();
  await expect(page.locator('[data-event-type="TRANSFERRED"]')).toContainText("between 2 Apr 2012 and 8 Apr 2012");
  await expect(page.locator('[data-event-type="ARRESTED"]')).toContainText("March 2012");

  // 3. The report, with the quote behind the group size.
  await page.goto(`/cases/${code}/sources/new`);
  const capture = page.getByRole("region", { name: "Capture a new report" });
  await capture.getByLabel("Outlet").fill("E2E Herald");
  await capture.getByLabel("Title").fill(`Hunchun arrests ${run}`);
  await capture
    .getByLabel("Text of the report")
    .fill(`Yanbian, April 2012.\n${quote}\nActivists fear they will be sent back.`);
  await capture.getByRole("button", { name: "Capture source" }).click();
  await expect(page.getByTestId("captured-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  const claim = page.getByRole("region", { name: "Quote a passage" });
  await claim.getByLabel("One figure or field").check();
  await claim.getByLabel("Field", { exact: true }).selectOption("sizeMin");
  await claim.getByLabel("Value the source gives (optional)").fill("7");
  await claim.getByLabel("Quote", { exact: true }).fill(quote);
  await claim.getByRole("button", { name: "Add quote" }).click();
  await expect(claim.getByRole("status", { name: "Quote status" })).toContainText("Quote added");

  // 4. An appeal with a follow-up date.
  await page.goto(`/cases/${code}/advocacy/new`);
  const form = page.getByRole("form", { name: "Record an advocacy action" });
  await form.getByLabel("Contact").selectOption({ label: "National Human Rights Commission of Korea" });
  await form.getByLabel("Kind of action").selectOption("APPEAL");
  await form.getByLabel("Date").fill("2031-06-01");
  await form.getByLabel("Follow-up due").fill("2031-06-08");
  await form.getByLabel("What was asked for").fill(`Intervene for the Hunchun seven ${run}`);
  await form.getByRole("button", { name: "Record action" }).click();
  await expect(page.getByRole("status", { name: "Advocacy action status" })).toHaveText("Advocacy action recorded.");

  // 5. News arrives: they were sent back. A status change needs a reason.
  await page.goto(`/cases/${code}/edit`);
  await page.getByLabel("Status", { exact: true }).selectOption("REPATRIATED");
  await page.getByLabel("Reason for the change").fill("Handed over at Tumen bridge, per two NGO sources");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status", { name: "Case form status" })).toHaveText("Saved.");

  // The case page shows the quote under the group size and the new status.
  await page.goto(`/cases/${code}`);
  await expect(page.getByTestId("figure-status")).toContainText("Repatriated");
  const size = page.getByTestId("figure-group-size");
  await size.getByText(/According to 1 passage/).click();
  await expect(size.getByRole("blockquote")).toContainText(quote);

  // 6. The history shows each change, old → new, with the reason.
  await page.goto(`/cases/${code}/history`);
  const rows = page.getByTestId("history-row");
  await expect(
    rows.filter({ hasText: "· Status" }).filter({ hasText: "Reported detained" }).filter({ hasText: "Repatriated" }),
  ).toContainText("Handed over at Tumen bridge");
  await expect(rows.filter({ hasText: "· Last event (latest date)" }).first()).toContainText("2012-04-08");
  await expect(rows.filter({ hasText: "Added source quote" }).first()).toBeAttached();
  await expect(rows.filter({ hasText: "Added advocacy action" }).first()).toBeAttached();
  await expect(page.getByTestId("history-save").filter({ hasText: "added a source quote from" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Added case · Title" })).toContainText(title);

  // 7. The follow-up is due, then overdue once its date passes.
  await setClock(page, "2031-06-03");
  await page.goto("/follow-ups");
  await expect(page.getByTestId("follow-ups-due").getByRole("row").filter({ hasText: code })).toContainText(
    "Due this week",
  );
  await setClock(page, "2031-06-09");
  await page.goto("/follow-ups");
  await expect(page.getByTestId("follow-ups-overdue").getByRole("row").filter({ hasText: code })).toContainText(
    "Overdue",
  );
});
