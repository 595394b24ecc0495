/**
 * Error summaries and focus, keyboard only: on every write form, saving bad input moves focus to
 * a summary of the problems; Tab reaches the first problem's link and Enter puts focus on its field.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

type FormCase = {
  name: string;
  url: (page: Page) => Promise<string> | string;
  form: (page: Page) => Locator;
  /** Keyboard steps that reveal the form, when it is folded away. */
  open?: (page: Page) => Promise<void>;
  /** Keyboard steps that make the input bad, when an empty form is not. */
  spoil?: (form: Locator, page: Page) => Promise<void>;
  button: string;
};

async function firstAdvocacyEditUrl(page: Page): Promise<string> {
  await page.goto("/cases/CN-2012-0001");
  return (await page
    .getByRole("link", { name: /^Edit appeal to National Human Rights Commission of Korea/ })
    .first()
    .getAttribute("href"))!;
}

const FORMS: FormCase[] = [
  {
    name: "log a case",
    url: () => "/cases/new",
    form: (p) => p.locator("form").filter({ has: p.getByRole("button", { name: "Log case" }) }),
    button: "Log case",
  },
  {
    name: "add an event",
    url: () => "/cases/CN-2012-0001",
    form: (p) => p.getByTestId("add-event"),
    open: async (p) => {
      await p.getByText("Add an event", { exact: true }).focus();
      await p.keyboard.press("Enter");
    },
    button: "Add event",
  },
  {
    name: "capture a source",
    url: () => "/cases/CN-2012-0001/sources/new",
    form: (p) => p.getByRole("region", { name: "Capture a new report" }),
    button: "Capture source",
  },
  {
    name: "quote a passage",
    url: () => "/cases/CN-2012-0001/sources/new",
    form: (p) => p.getByRole("region", { name: "Quote a passage" }),
    button: "Add quote",
  },
  {
    name: "add a contact",
    url: () => "/contacts",
    form: (p) => p.getByRole("form", { name: "New contact" }),
    button: "Add contact",
  },
  {
    name: "record an advocacy action",
    url: () => "/cases/CN-2012-0001/advocacy/new",
    form: (p) => p.getByRole("form", { name: "Record an advocacy action" }),
    button: "Record action",
  },
  {
    name: "edit an advocacy action",
    url: firstAdvocacyEditUrl,
    form: (p) => p.getByRole("form", { name: "Edit advocacy action" }),
    spoil: async (form) => {
      await form.getByLabel("What was asked for").focus();
      await form.page().keyboard.press("ControlOrMeta+A");
      await form.page().keyboard.press("Delete");
    },
    button: "Save",
  },
];

test.describe("[FORMS] error summaries and focus", () => {
  for (const f of FORMS) {
    test(`${f.name}: a refused save focuses the summary, whose links lead to the fields`, async ({ page }) => {
      await signInAs(page, "EDITOR");
      await page.goto(await f.url(page));
      await f.open?.(page);
      const form = f.form(page);
      await f.spoil?.(form, page);
      await form.getByRole("button", { name: f.button, exact: true }).focus();
      await page.keyboard.press("Enter");

      const summary = form.getByTestId("error-summary");
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("alert")).toContainText("Nothing was saved");
      const problems = summary.getByRole("list", { name: "Problems" }).getByRole("link");
      await expect(problems.first()).toBeVisible();

      await page.keyboard.press("Tab");
      await expect(problems.first()).toBeFocused();
      await page.keyboard.press("Enter");
      const focused = page.locator(":focus");
      await expect(focused).toHaveAttribute("aria-invalid", "true");
      // The field's own message repeats the summary's first line beside it.
      const message = await problems.first().textContent();
      await expect(form.getByText(message!, { exact: true }).last()).toBeVisible();
    });
  }
});
