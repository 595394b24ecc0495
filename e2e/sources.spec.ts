import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[SOURCES]", () => {
  test("an editor captures a report, quotes it for the group size, and the case page shows the quote", async ({
    page,
  }) => {
    const run = Date.now();
    const quote = `Ten North Koreans were detained in Shenyang, officials said (${run}).`;
    const text = `Seoul, 20 February 2012.\n${quote}\nThey are at risk of being sent back.`;
    const sha256 = createHash("sha256").update(text, "utf8").digest("hex");

    await signInAs(page, "EDITOR");
    await page.goto("/cases/CN-2012-0001/sources/new");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Attach a source");

    // Refused input keeps what was typed and says what is wrong next to the field.
    const capture = page.getByRole("region", { name: "Capture a new report" });
    await capture.getByLabel("URL (optional)").fill("javascript:alert(1)");
    await capture.getByLabel("Outlet").fill("E2E Daily");
    await capture.getByLabel("Title").fill(`Defectors detained ${run}`);
    await capture.getByLabel("Published (optional)").fill("2012-02-20");
    await capture.getByLabel("Text of the report").fill(text);
    await capture.getByRole("button", { name: "Capture source" }).click();
    await expect(capture.getByRole("alert", { name: "Capture status" })).toContainText("Nothing was saved");
    await expect(capture.getByLabel("URL (optional)")).toHaveAccessibleDescription(
      /Give the full web address, starting with http:\/\/ or https:\/\/\.$/,
    );
    await expect(capture.getByLabel("Outlet")).toHaveValue("E2E Daily");

    await capture.getByLabel("URL (optional)").fill("https://example.org/e2e-report");
    await capture.getByRole("button", { name: "Capture source" }).click();
    await expect(page.getByTestId("captured-sha256")).toHaveText(sha256);
    await expect(page.getByTestId("selected-source")).toContainText("Captured:");

    // The new capture is selected in the quote form; tie a passage to the group size.
    const claim = page.getByRole("region", { name: "Quote a passage" });
    await expect(claim.getByLabel("Source", { exact: true }).locator("option:checked")).toContainText(
      `Defectors detained ${run}`,
    );
    await claim.getByLabel("One figure or field").check();
    await claim.getByLabel("Field", { exact: true }).selectOption("sizeMin");
    await claim.getByLabel("Value the source gives (optional)").fill("10");
    // A passage that is not in the text is refused.
    await claim.getByLabel("Quote", { exact: true }).fill("Eleven North Koreans were detained");
    await claim.getByRole("button", { name: "Add quote" }).click();
    await expect(claim.getByRole("alert", { name: "Quote status" })).toContainText("word for word");
    await claim.getByLabel("Quote", { exact: true }).fill(quote);
    await claim.getByRole("button", { name: "Add quote" }).click();
    await expect(claim.getByRole("status", { name: "Quote status" })).toHaveText(
      "Quote added to group size (minimum).",
    );

    await page.goto("/cases/CN-2012-0001");
    const size = page.getByTestId("figure-group-size");
    await size.getByText(/According to \d+ passages/).click();
    await expect(size.getByRole("blockquote").filter({ hasText: quote })).toBeVisible();
    await expect(size.getByRole("link", { name: "E2E Daily" })).toBeVisible();
  });

  test("an editor quotes an existing source for an event of the case", async ({ page }) => {
    await signInAs(page, "EDITOR");
    await page.goto("/cases/CN-2012-0003/sources/new");
    const claim = page.getByRole("region", { name: "Quote a passage" });
    await claim
      .getByLabel("Source", { exact: true })
      .selectOption({ label: "The Korea Herald: N.K. defectors in China face repatriation (2012-02-14)" });
    await claim.getByLabel("An event").check();
    // Nothing chosen: the event select says what is missing, and the quote typed is kept.
    const passage = "prompting calls for Beijing to handle the case in a humanitarian manner";
    await claim.getByLabel("Quote", { exact: true }).fill(passage);
    await claim.getByRole("button", { name: "Add quote" }).click();
    await expect(claim.getByLabel("Event", { exact: true })).toHaveAccessibleDescription(
      "Choose the event the quote is about.",
    );
    await expect(claim.getByLabel("Quote", { exact: true })).toHaveValue(passage);
    await claim.getByLabel("Event", { exact: true }).selectOption({ index: 1 });
    await claim.getByRole("button", { name: "Add quote" }).click();
    await expect(claim.getByRole("status", { name: "Quote status" })).toHaveText("Quote added to the event.");
    await page.goto("/cases/CN-2012-0003");
    await expect(page.getByRole("blockquote").filter({ hasText: passage })).toBeVisible();
  });
});
