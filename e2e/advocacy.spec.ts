import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

/** Sets the server's test clock (RW_TEST_CLOCK=1 in playwright.config.ts) for the next requests. */
async function setClock(page: Page, isoDay: string) {
  await page.context().addCookies([{ name: "rw-test-now", value: isoDay, url: test.info().project.use.baseURL! }]);
}

test.describe("[ADVOCACY] contacts, advocacy actions and follow-ups", () => {
  test("an editor records an action; its follow-up is due this week, then overdue once the date passes", async ({
    page,
  }) => {
    const asked = `Raise the group with the embassy ${Date.now()}`;
    await signInAs(page, "EDITOR");
    await page.goto("/cases/CN-2012-0001/advocacy/new");
    const form = page.getByRole("form", { name: "Record an advocacy action" });

    // A follow-up before the action's date is refused next to the field; the input is kept.
    await form.getByLabel("Contact").selectOption({ label: "National Human Rights Commission of Korea" });
    await form.getByLabel("Kind of action").selectOption("LETTER");
    await form.getByLabel("Date").fill("2031-05-01");
    await form.getByLabel("Follow-up due").fill("2031-04-30");
    await form.getByLabel("What was asked for").fill(asked);
    await form.getByRole("button", { name: "Record action" }).click();
    await expect(form.getByLabel("Follow-up due")).toHaveAccessibleDescription(
      "Optional; not before the action's date. The follow-up cannot be before the action's date.",
    );
    await expect(form.getByLabel("Follow-up due")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("What was asked for")).toHaveValue(asked);
    await expect(form.getByLabel("Kind of action")).toHaveValue("LETTER");

    await form.getByLabel("Follow-up due").fill("2031-05-10");
    await form.getByRole("button", { name: "Record action" }).click();
    await expect(page.getByRole("status", { name: "Advocacy action status" })).toHaveText("Advocacy action recorded.");

    // Before the window: not listed at all.
    await setClock(page, "2031-04-20");
    await page.goto("/follow-ups");
    await expect(page.getByRole("heading", { name: "Follow-ups", level: 1 })).toBeVisible();
    await expect(page.getByText(asked)).toHaveCount(0);

    // Within 7 days of the due date: due this week, not overdue.
    await setClock(page, "2031-05-05");
    await page.goto("/follow-ups");
    await expect(page.getByTestId("follow-ups-due").getByRole("row").filter({ hasText: asked })).toContainText(
      "Due this week",
    );
    await expect(page.getByTestId("follow-ups-overdue").getByText(asked)).toHaveCount(0);

    // After the due date: overdue.
    await setClock(page, "2031-05-11");
    await page.goto("/follow-ups");
    const row = page.getByTestId("follow-ups-overdue").getByRole("row").filter({ hasText: asked });
    await expect(row).toContainText("Overdue");
    await expect(row).toContainText("CN-2012-0001");
    await expect(page.getByTestId("follow-ups-due").getByText(asked)).toHaveCount(0);
  });

  test("an editor adds a contact without seeing the restricted details field; staff see it", async ({
    page,
    browser,
  }) => {
    const name = `Special Rapporteur ${Date.now()}`;
    await signInAs(page, "EDITOR");
    await page.goto("/contacts");
    await expect(page.getByRole("link", { name: "Follow-ups" })).toBeVisible();
    const form = page.getByRole("form", { name: "New contact" });
    await expect(form.getByLabel("Contact details (restricted)")).toHaveCount(0);
    await form.getByRole("button", { name: "Add contact" }).click();
    await expect(form.getByLabel("Name")).toHaveAccessibleDescription("Enter a name.");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Kind").selectOption("UN_BODY");
    await form.getByLabel("Country").fill("ch");
    await form.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByRole("status", { name: "New contact status" })).toContainText("added");
    await expect(page.getByRole("link", { name })).toBeVisible();

    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await signInAs(staffPage, "STAFF");
    await staffPage.goto("/contacts");
    await staffPage.getByRole("link", { name }).click();
    await expect(staffPage.getByLabel("Contact details (restricted)")).toBeVisible();
    await staff.close();
  });

  test("an editor records the response from the follow-ups list; a second editor's stale save is refused", async ({
    page,
    browser,
  }) => {
    const asked = `Ask the ministry to halt the transfer ${Date.now()}`;
    await signInAs(page, "EDITOR");
    await page.goto("/cases/CN-2012-0001/advocacy/new");
    const create = page.getByRole("form", { name: "Record an advocacy action" });
    await create.getByLabel("Contact").selectOption({ label: "National Human Rights Commission of Korea" });
    await create.getByLabel("Kind of action").selectOption("MEETING");
    await create.getByLabel("Date").fill("2032-06-01");
    await create.getByLabel("Follow-up due").fill("2032-06-10");
    await create.getByLabel("What was asked for").fill(asked);
    await create.getByRole("button", { name: "Record action" }).click();
    await expect(page.getByRole("status", { name: "Advocacy action status" })).toHaveText("Advocacy action recorded.");

    await setClock(page, "2032-06-08");
    await page.goto("/follow-ups");
    await page
      .getByTestId("follow-ups-due")
      .getByRole("row")
      .filter({ hasText: asked })
      .getByRole("link", { name: /^Record response to / })
      .click();
    await page.waitForURL(/\/edit$/);
    const editUrl = page.url();
    expect(editUrl).toMatch(/\/cases\/CN-2012-0001\/advocacy\/\w+\/edit$/);

    // A second editor opens the same action before the first one saves.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, "STAFF");
    await otherPage.goto(editUrl);

    const edit = page.getByRole("form", { name: "Edit advocacy action" });
    await expect(edit.getByLabel("What was asked for")).toHaveValue(asked);
    await edit.getByLabel("Response").selectOption("PLEDGED");
    await edit.getByLabel("Status", { exact: true }).selectOption("CLOSED");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status", { name: "Advocacy action status" })).toHaveText("Saved.");
    // The form now carries the new version: saving again is not a conflict with oneself.
    await edit.getByLabel("Notes").fill("They pledged to raise it at the next bilateral meeting.");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status", { name: "Advocacy action status" })).toHaveText("Saved.");

    const stale = otherPage.getByRole("form", { name: "Edit advocacy action" });
    await stale.getByLabel("Response").selectOption("DENIED");
    await stale.getByRole("button", { name: "Save" }).click();
    await expect(stale.getByRole("alert", { name: "Advocacy action status" })).toContainText("changed by");
    await expect(stale.getByRole("link", { name: "See what changed" })).toBeVisible();
    await expect(stale.getByLabel("Response")).toHaveValue("DENIED");
    await other.close();

    // Closed: it leaves the follow-ups; the case page and its history show the response.
    await page.goto("/follow-ups");
    await expect(page.getByText(asked)).toHaveCount(0);
    await page.goto("/cases/CN-2012-0001");
    const item = page.getByRole("listitem").filter({ hasText: asked });
    await expect(item).toContainText("Response: Pledged");
    await expect(item).toContainText("Status: Closed");
    await page.goto("/cases/CN-2012-0001/history");
    await expect(
      page.getByTestId("history-row").filter({ hasText: "Changed advocacy action · Response" }).first(),
    ).toContainText("Pledged");
  });
});
