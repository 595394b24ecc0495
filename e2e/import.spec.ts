import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PLACES = ["Yanji", "Tumen, Jilin", "Shenyang", "Dandong", "선양", "Hunchun", "Changbai, Jilin", "Helong"];
const SIZES = ["12", "about 30", "10-12", "20+", "7", "at least 5", "약 20명", "3"];

/**
 * 200 rows in a year of this run's own (so they meet no other case as duplicates), with every kind of
 * uncertain date and size; 3 rows that must be refused and 2 that look like the seed report's groups.
 */
function spreadsheet(tag: string) {
  const year = 1991 + Math.floor(Math.random() * 18);
  const rows: string[][] = [];
  for (let i = 0; i < 200; i++) {
    const m = (i % 12) + 1;
    const d = (i % 27) + 1;
    const mm = String(m).padStart(2, "0");
    const dd = String(d).padStart(2, "0");
    const date = [
      `${year}-${mm}-${dd}`,
      `${year}-${mm}`,
      `early ${MONTHS[m - 1]} ${year}`,
      `${year}`,
      `${year}-${mm}-01 to ${year}-${mm}-05`,
    ][i % 5];
    rows.push([
      `Imported ${tag} row${i + 2}`,
      date,
      PLACES[i % PLACES.length],
      SIZES[i % SIZES.length],
      i % 3 === 0 ? "detained" : "",
      `Generated for the import test (${tag}).`,
    ]);
  }
  rows[10][1] = "2012-13-40"; // row 12
  rows[50][2] = "Atlantis"; // row 52
  rows[90][3] = "lots"; // row 92
  // The seed report's group of 10 caught on 8 February 2012, and its group of 5 on the 12th.
  rows[120].splice(1, 3, "2012-02-08", "China", "10"); // row 122
  rows[160].splice(1, 3, "2012-02-12", "China", "5"); // row 162
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const header = ["제목", "date", "장소", "people caught (n)", "status", "notes"];
  return [header, ...rows].map((r) => r.map(quote).join(",")).join("\n") + "\n";
}

test.describe("[IMPORT] spreadsheet import", () => {
  test("an editor maps, dry-runs and applies a 200-row spreadsheet; the cases are on the timeline with their history", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const tag = `imp${randomBytes(4).toString("hex")}`;
    const name = `cases-${tag}.csv`;
    await signInAs(page, "EDITOR");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a spreadsheet");

    const form = page.getByRole("form", { name: "Import a spreadsheet" });
    await form.getByLabel("Spreadsheet file").setInputFiles({
      name,
      mimeType: "text/csv",
      buffer: Buffer.from(spreadsheet(tag), "utf8"),
    });
    await form.getByRole("button", { name: "Read the file" }).click();
    const status = page.getByRole("status", { name: "Import status" });
    await expect(status).toContainText("Read 200 rows and 6 columns");

    // The guesses: Korean and English headers; the size column's header says nothing the app knows.
    await expect(form.getByLabel("Column “제목” maps to")).toHaveValue("title");
    await expect(form.getByLabel("Column “date” maps to")).toHaveValue("date");
    await expect(form.getByLabel("Column “장소” maps to")).toHaveValue("place");
    await expect(form.getByLabel("Column “notes” maps to")).toHaveValue("summary");
    const sizeColumn = form.getByLabel("Column “people caught (n)” maps to");
    await expect(sizeColumn).toHaveValue("ignore");
    await sizeColumn.selectOption("size");
    // Saved under a name, the fixed mapping serves the team's next file (used at the end).
    const mappingName = `Sheet ${tag}`;
    await form.getByLabel("Save this mapping as").fill(mappingName);
    await form.getByRole("button", { name: "Save the mapping" }).click();
    await expect(page.getByRole("status", { name: "Last step" })).toContainText(`Saved the mapping “${mappingName}”`);

    // Reading the file made an import of this user's, opened at its own address.
    await expect(page).toHaveURL(/\/import\?job=[a-z0-9]+$/);
    await form.getByRole("button", { name: "Dry run" }).click();
    // The dry run runs on the server as a job; the page polls its progress.
    const dryRun = form.getByTestId("dry-run");
    await expect(dryRun.getByTestId("count-creates")).toHaveText("197 rows create a case", { timeout: 60_000 });
    await expect(form.getByTestId("job-progress")).toContainText("checked 200");
    await expect(dryRun.getByTestId("count-refused")).toHaveText("3 rows are refused");
    await expect(dryRun.getByTestId("count-duplicates")).toHaveText("2 rows may duplicate existing cases");
    const refused = dryRun.getByTestId("refused-rows");
    await expect(refused.getByRole("row")).toHaveCount(4);
    await expect(refused).toContainText("row 12, column date: '2012-13-40' is not a date");
    await expect(refused).toContainText("row 52, column 장소: 'Atlantis' is not a place the gazetteer knows");
    await expect(refused).toContainText("row 92, column people caught (n): 'lots' is not a group size");
    const duplicates = dryRun.getByTestId("duplicate-rows");
    await expect(duplicates.getByRole("row")).toHaveCount(3);
    await expect(duplicates.getByRole("row").nth(1)).toContainText("CN-2012-0001");
    await expect(duplicates.getByRole("row").nth(2)).toContainText("CN-2012-0003");
    // The mapping fixed by hand stays as chosen.
    await expect(sizeColumn).toHaveValue("size");

    // At 390 px the page still fits: wide tables scroll inside their own box.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The unknown place is listed to map, not guessed: mapped to a country, its row moves from refused to create.
    const values = dryRun.getByTestId("value-mapping");
    await expect(values.getByRole("row", { name: /Atlantis/ })).toContainText("1");
    const axe = await new AxeBuilder({ page }).include('[data-testid="value-mapping"]').analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await values.getByLabel("Country code for “Atlantis”").fill("CN");
    await values.getByRole("button", { name: "Run the dry run again with these values" }).click();
    await expect(dryRun.getByTestId("count-creates")).toHaveText("198 rows create a case", { timeout: 60_000 });
    await expect(dryRun.getByTestId("count-refused")).toHaveText("2 rows are refused");
    await expect(dryRun.getByTestId("refused-rows")).not.toContainText("Atlantis");
    await expect(values.getByLabel("Country code for “Atlantis”")).toHaveValue("CN");

    await dryRun.getByRole("button", { name: "Apply the import" }).click();
    await expect(status).toContainText(/Importing: \d+ of 200 rows written|Imported /);
    // The page may be closed while the job runs: the import is reopened from the list of recent ones.
    await page.goto("/import");
    const recent = page.getByRole("table", { name: "Imports you started, newest first" });
    await recent.getByRole("link", { name }).click();
    await expect(page.getByRole("status", { name: "Import status" })).toContainText(
      `Imported ${name}: 198 cases created, 0 updated, 0 unchanged (nothing written), 2 refused rows left out.`,
      { timeout: 120_000 },
    );
    await expect(page.getByTestId("job-progress")).toContainText("written 198 of 200");
    await page.reload();
    await expect(recent.getByRole("row").filter({ hasText: name })).toContainText("imported");
    const caseLinks = page.getByRole("table", { name: "Cases the import created or updated" }).getByRole("link");
    await expect(caseLinks).toHaveCount(198);

    // On the timeline, found by the run's tag: all 198, and each one by its own row.
    await page.goto(`/timeline?q=${tag}&data=all`);
    await expect(page.getByTestId("totals")).toContainText("in 198 groups");
    await page.goto(`/timeline?q=${tag}+row17&data=all`);
    await expect(page.getByTestId("totals")).toContainText("in 1 group");
    await page.goto(`/timeline?q=${tag}+row2&data=all`);
    await expect(page.getByTestId("totals")).toContainText("in 1 group");

    // One case's history names the file, its hash and who imported it.
    await page.getByRole("link", { name: `Imported ${tag} row2`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Imported ${tag} row2`);
    await page.getByRole("link", { name: "History", exact: true }).click();
    await expect(
      page.getByText(new RegExp(`Imported from ${name} \\(sha256 [0-9a-f]{64}\\) by `)).first(),
    ).toBeVisible();

    // The next file of the same shape: the saved mapping maps its size column, which no guess does.
    await page.goto("/import");
    await form.getByLabel("Spreadsheet file").setInputFiles({
      name: `next-${tag}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(spreadsheet(tag).split("\n").slice(0, 3).join("\n"), "utf8"),
    });
    await form.getByRole("button", { name: "Read the file" }).click();
    await expect(status).toContainText("Read 2 rows and 6 columns");
    await expect(sizeColumn).toHaveValue("ignore");
    const saved = form.getByLabel("Use a saved mapping");
    await saved.selectOption((await saved.locator("option", { hasText: mappingName }).getAttribute("value"))!);
    await expect(sizeColumn).toHaveValue("size");
    await expect(form.getByLabel("Column “제목” maps to")).toHaveValue("title");
    // Its rows have no code: matched by title, they update the two cases the first file created.
    await form.getByLabel("Rows without a case code update").selectOption("title");
    await form.getByRole("button", { name: "Dry run" }).click();
    await expect(page.getByTestId("count-updates")).toHaveText("2 rows update existing cases", { timeout: 60_000 });
    await expect(page.getByTestId("count-creates")).toHaveText("0 rows create a case");
  });

  test("a file that is not a spreadsheet gets a clear message and nothing is read", async ({ page }) => {
    await signInAs(page, "EDITOR");
    await page.goto("/import");
    const form = page.getByRole("form", { name: "Import a spreadsheet" });
    await form.getByLabel("Spreadsheet file").setInputFiles({
      name: "report.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\n"),
    });
    await form.getByRole("button", { name: "Read the file" }).click();
    await expect(page.getByRole("alert", { name: "Import status" })).toContainText(
      'Upload a CSV (.csv) or Excel (.xlsx) file; "report.pdf" is neither.',
    );
    await expect(form.getByRole("button", { name: "Dry run" })).toHaveCount(0);
  });
});
