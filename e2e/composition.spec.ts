import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[COMPOSITION]", () => {
  test("an editor records who was in a group; the case page, the timeline filter and the dashboard count them", async ({
    page,
  }) => {
    await signInAs(page, "EDITOR");
    const title = `Mothers and children at Tumen ${Date.now()}`;
    const province = `Composition ${Date.now()}`;
    await page.goto("/cases/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("At least").fill("6");
    await page.getByLabel("At most").fill("6");
    await page.getByLabel("Province").fill(province);
    // More children than the group holds is refused, by the field, and nothing is saved.
    await page.getByLabel("Women (min)", { exact: true }).fill("3");
    await page.getByLabel("Children (under 18) (min)").fill("4");
    await page.getByRole("button", { name: "Log case" }).click();
    await expect(page.getByText(/Women, men and children together \(at least 7\)/).first()).toBeVisible();
    await expect(page.getByLabel("Women (min)", { exact: true })).toHaveValue("3");

    await page.getByLabel("Children (under 18) (min)").fill("2");
    await page.getByLabel("Infants (under 2) (min)").fill("1");
    await page.getByLabel("Women: as reported", { exact: true }).fill("three mothers");
    await page.getByRole("button", { name: /Log case|Save anyway/ }).click();
    if (await page.getByRole("button", { name: "Save anyway" }).isVisible())
      await page.getByRole("button", { name: "Save anyway" }).click();
    await page.waitForURL(/\/cases\/CN-\d{4}-\d{4}$/);
    const code = page.url().split("/").pop()!;

    const composition = page.getByTestId("figure-composition");
    await expect(composition.getByTestId("composition-women")).toContainText("Women: at least 3");
    await expect(composition.getByTestId("composition-women")).toContainText("Reported as “three mothers”");
    await expect(composition.getByTestId("composition-children")).toContainText("at least 2");
    await expect(composition.getByTestId("composition-infants")).toContainText("at least 1");
    await expect(composition.getByTestId("composition-men")).toHaveCount(0);

    // The timeline's "known to include" filter finds it, and its totals count the parts.
    await page.goto(`/timeline?province=${encodeURIComponent(province)}`);
    await page.getByRole("checkbox", { name: "Children (under 18)" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/includes=children/);
    await expect(page.getByRole("row").filter({ hasText: code })).toBeVisible();
    await expect(page.getByTestId("totals-composition")).toHaveText(
      "Of them, at least 3 women and 2 children, where the sources say.",
    );
    await page.goto(`/timeline?province=${encodeURIComponent(province)}&includes=elderly`);
    await expect(page.getByRole("row").filter({ hasText: code })).toHaveCount(0);

    // The dashboard states at-least counts of women and children where known.
    await page.goto("/");
    await expect(page.getByTestId("dashboard-composition")).toContainText(/at least \d+ women and \d+ children/);
  });
});
