import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[CASES]", () => {
  test("the list shows the report's three groups", async ({ page }) => {
    await page.goto("/cases");
    const rows = page.getByRole("table", { name: /Cases/ }).getByRole("row");
    await expect(rows.filter({ hasText: "CN-2012-0001" })).toContainText("10");
    await expect(rows.filter({ hasText: "CN-2012-0002" })).toContainText("9");
    await expect(rows.filter({ hasText: "CN-2012-0003" })).toContainText("5");
    // Synthetic internal and restricted records are not public.
    await expect(page.getByText("[Synthetic]")).toHaveCount(0);
  });

  test("a case page shows the quoted passage behind the group size", async ({ page }) => {
    await page.goto("/cases/CN-2012-0003");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Group of 5");
    const size = page.getByTestId("figure-group-size");
    await expect(size).toContainText("5 people");
    await size.getByText(/According to 1 passage/).click();
    await expect(size.getByRole("blockquote")).toContainText(
      "Four days later, another group of five people was arrested in China.",
    );
    // The timeline keeps the report's own words for the date.
    await expect(page.getByRole("listitem").filter({ hasText: "Arrested" })).toContainText("12 Feb 2012");
    await expect(page.getByRole("listitem").filter({ hasText: "Arrested" })).toContainText(
      "reported as “Four days later”",
    );
  });

  test("a visitor gets 404 for an internal case; a researcher can open it", async ({ page }) => {
    const response = await page.goto("/cases/SYN-2012-0001");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Family of 4")).toHaveCount(0);

    await signInAs(page, "RESEARCHER");
    const signedIn = await page.goto("/cases/SYN-2012-0001");
    expect(signedIn?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Family of 4 detained in Jilin");

    // Restricted stays hidden from researchers.
    const restricted = await page.goto("/cases/SYN-2012-0002");
    expect(restricted?.status()).toBe(404);
  });

  test("restricted identities are shown, decrypted, to staff only", async ({ page }) => {
    await signInAs(page, "STAFF");
    await page.goto("/cases/SYN-2012-0002");
    await expect(page.getByText("Woman A")).toBeVisible();
    await expect(page.getByTestId("person-restricted")).toContainText("[Synthetic] Kim Restricted-Example");
  });
});
