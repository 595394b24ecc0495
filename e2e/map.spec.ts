import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

// The seed report's three groups (10, 9 and 5 people, caught 8 and 12 February 2012) are recorded
// only as "in China": country CN, no province or city, no coordinates. The synthetic demo cases
// (in Jilin and Liaoning) are not public and are left out by the filter's default anyway.
const FEBRUARY_2012 = "/map?from=2012-02&to=2012-02";

test.describe("[MAP]", () => {
  test("a visitor sees the report's groups in the table and, known only as in China, listed beside the map", async ({
    page,
  }) => {
    const response = await page.goto(FEBRUARY_2012);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Map" })).toBeVisible();
    await expect(page.getByTestId("map-filter")).toContainText("from 2012-02-01 to 2012-02-29");

    const table = page.getByRole("table", { name: /by place/ });
    const rows = table.getByRole("row");
    await expect(rows).toHaveCount(2); // the header and one place
    const china = rows.filter({ hasText: "China" });
    await expect(china.getByRole("rowheader")).toContainText("CN");
    await expect(china.getByRole("cell")).toHaveText(["3", "24"]);
    await expect(china).toContainText("not on the map: only the country is known");
    await expect(page.getByText("Jilin")).toHaveCount(0);

    // Not drawn at China's centre (~1,500 km from the border where they were caught): listed beside the map.
    await expect(page.getByTestId("case-map").getByRole("link")).toHaveCount(0);
    const place = page.getByTestId("unplaced").getByRole("link", { name: /at least 24 people in 3 groups/ });
    await expect(place).toHaveCount(1);
    const href = await place.getAttribute("href");
    expect(href).toMatch(/^\/timeline\?/);
    const query = new URLSearchParams(href!.slice("/timeline?".length));
    expect(query.get("country")).toBe("CN");
    expect(query.get("from")).toBe("2012-02-01");
    expect(query.get("to")).toBe("2012-02-29");
    await expect(table.getByRole("link", { name: "China" })).toHaveAttribute("href", href!);

    await expect(page.getByRole("link", { name: "Show these cases on the timeline" })).toHaveAttribute(
      "href",
      "/timeline?from=2012-02-01&to=2012-02-29",
    );
  });

  test("nothing matching shows the empty state", async ({ page }) => {
    await page.goto("/map?from=1999&to=1999");
    await expect(page.getByText("No cases match these filters.")).toBeVisible();
    await expect(page.getByTestId("case-map").getByRole("link")).toHaveCount(0);
  });

  test("a bad date is named in an alert, with an empty map and no server error", async ({ page }) => {
    const response = await page.goto("/map?from=2012-13");
    expect(response?.status()).toBe(200);
    // Scoped to the page's content: Next.js adds its own (empty) route announcer with role "alert".
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("from");
    await expect(alert).toContainText("2012-13");
    await expect(alert).toContainText("This date does not exist.");
    await expect(page.getByTestId("case-map")).toBeVisible();
    await expect(page.getByTestId("case-map").getByRole("link")).toHaveCount(0);
  });

  test("the keyboard reaches the map's place link and follows it", async ({ page }) => {
    // A case placed by its city: the synthetic internal case in Yanji, which a researcher may see.
    await signInAs(page, "RESEARCHER");
    await page.goto("/map?data=all");
    const place = page.getByTestId("case-map").getByRole("link", { name: /^Yanji, Jilin, CN: at least/ });
    await expect(place).toBeVisible();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await place.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(place).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/timeline\?.*country=CN&province=Jilin&city=Yanji/);
  });
});
