import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

const FIXTURE = path.join(process.cwd(), "fixtures", "korea-herald-2012-nk-defectors-face-repatriation.txt");
/** A Korean broadcaster's report of the same case (the dev corpus: KBS, 14 February 2012). */
const KOREAN = path.join(process.cwd(), "fixtures", "intake", "dev", "21-ko-kbs-twenty-four.txt");

test.describe("[INTAKE] new from report", () => {
  test("an editor pastes the report, corrects a value, saves; the cases show their quotes and the history names the report", async ({
    page,
  }) => {
    const text = await readFile(FIXTURE, "utf8");
    await signInAs(page, "EDITOR");
    await page.goto("/cases");
    await page.getByRole("link", { name: "New from report" }).click();
    const paste = page.getByRole("form", { name: "Paste a report" });
    await paste.getByLabel("Text of the report").fill(text);
    await paste.getByLabel("Published (optional)").fill("2012-02-14");
    await paste.getByRole("button", { name: "Propose records" }).click();
    await expect(page.getByRole("status", { name: "Proposal status" })).toContainText("3 groups");
    // The seed holds this very text: said at once, with the cases it backs offered to add to.
    await expect(page.getByTestId("already-captured")).toContainText(
      /already captured on .+ as “.+” \(The Korea Herald\), linked to CN-2012-0001\.\.0003/,
    );

    const review = page.getByRole("form", { name: "Review proposed records" });
    await expect(review.getByTestId("total-check")).toContainText("24");
    // The proposals: 10, 9 and 5 people, the first two caught on 8 February, the third on the 12th.
    await expect(review.getByLabel("At least", { exact: true })).toHaveCount(3);
    await expect(review.getByTestId("group-0").getByLabel("At least", { exact: true })).toHaveValue("10");
    await expect(review.getByTestId("group-1").getByLabel("At least", { exact: true })).toHaveValue("9");
    await expect(review.getByTestId("group-2").getByLabel("At least", { exact: true })).toHaveValue("5");
    await expect(review.getByTestId("group-2-event-0").getByLabel("Earliest")).toHaveValue("2012-02-12");

    // Every value can show the passage it came from.
    await review.getByRole("button", { name: "Show the passage for group 1's size" }).click();
    await expect(page.getByTestId("highlight")).toContainText("Two groups of 10 and nine people");

    // Correct one value: the third group's title.
    const title = `Group of five, corrected ${Date.now()}`;
    await review.getByTestId("group-2").getByLabel("Title").fill(title);
    await review.getByRole("button", { name: "Save the kept records" }).click();

    const saved = page.getByRole("status", { name: "Saved from report" });
    await expect(saved).toContainText("Saved 3 cases from the report");
    const codes = (await saved.getByRole("link").allTextContents()).map((t) => t.trim());
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^CN-2012-\d{4}$/);

    // The third case: the corrected title, and the passage behind its size.
    await page.goto(`/cases/${codes[2]}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    const size = page.getByTestId("figure-group-size");
    await expect(size).toContainText("5");
    await size
      .getByText(/According to/)
      .first()
      .click();
    await expect(size.getByRole("blockquote").first()).toContainText("another group of five people");

    // History says where each change came from.
    await page.goto(`/cases/${codes[2]}/history`);
    await expect(page.getByTestId("history-save").first()).toContainText(
      'From report "N.K. defectors in China face repatriation"',
    );
  });

  test("an editor pastes a Korean report, saves the reviewed groups; the case page shows the Korean quote behind the size", async ({
    page,
  }) => {
    const text = await readFile(KOREAN, "utf8");
    await signInAs(page, "EDITOR");
    await page.goto("/cases/from-report");
    const paste = page.getByRole("form", { name: "Paste a report" });
    await paste.getByLabel("Text of the report").fill(text);
    await paste.getByLabel("Outlet (optional)").fill("KBS");
    await paste.getByLabel("Published (optional)").fill("2012-02-14");
    await paste.getByRole("button", { name: "Propose records" }).click();
    await expect(page.getByRole("status", { name: "Proposal status" })).toContainText("3 groups");

    const review = page.getByRole("form", { name: "Review proposed records" });
    await expect(review.getByLabel("Language")).toHaveValue("ko");
    await expect(review.getByTestId("total-check")).toContainText("24");
    await expect(review.getByTestId("group-0").getByLabel("At least", { exact: true })).toHaveValue("10");
    await expect(review.getByTestId("group-1").getByLabel("At least", { exact: true })).toHaveValue("9");
    await expect(review.getByTestId("group-2").getByLabel("At least", { exact: true })).toHaveValue("5");
    // "나흘 뒤인 12일": four days after the 8th.
    await expect(review.getByTestId("group-2-event-0").getByLabel("Earliest")).toHaveValue("2012-02-12");
    await expect(review.getByTestId("group-0")).toContainText("10명과 9명으로 이뤄진 탈북자 일행");

    const title = `탈북자 10명 (e2e ${Date.now()})`;
    await review.getByTestId("group-0").getByLabel("Title").fill(title);
    await review.getByRole("button", { name: "Save the kept records" }).click();
    const saved = page.getByRole("status", { name: "Saved from report" });
    await expect(saved).toContainText("Saved 3 cases from the report");
    const codes = (await saved.getByRole("link").allTextContents()).map((t) => t.trim());
    expect(codes).toHaveLength(3);

    await page.goto(`/cases/${codes[0]}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    const size = page.getByTestId("figure-group-size");
    await expect(size).toContainText("10");
    await size
      .getByText(/According to/)
      .first()
      .click();
    // The quote is the report's own Korean words, not a translation.
    await expect(size.getByRole("blockquote").first()).toContainText("10명과 9명으로 이뤄진 탈북자 일행");
  });

  test("a report without a publication date: asked for first, with the date its text mentions; proposing again with it places “last Wednesday” and keeps the reviewer's edits", async ({
    page,
  }) => {
    await signInAs(page, "EDITOR");
    await page.goto("/cases/from-report");
    const paste = page.getByRole("form", { name: "Paste a report" });
    await paste
      .getByLabel("Text of the report")
      .fill(
        "Nine North Koreans were caught in Yanji last Wednesday, a church group that helps defectors said in a statement dated March 8, 2013, calling on China to release them.",
      );
    await paste.getByRole("button", { name: "Propose records" }).click();
    const date = paste.getByLabel("Published (optional)");
    await expect(date).toHaveAccessibleDescription(/does not say when it was published.*mentions 2013-03-08/);
    await expect(date).toHaveValue("2013-03-08");
    await expect(page.getByRole("form", { name: "Review proposed records" })).toHaveCount(0);

    // Going on without a date: the group is proposed, but “last Wednesday” is not placed.
    await date.fill("");
    await paste.getByLabel(/Propose without a publication date/).check();
    await paste.getByRole("button", { name: "Propose records" }).click();
    const review = page.getByRole("form", { name: "Review proposed records" });
    await expect(review.getByTestId("group-0")).toBeVisible();
    await expect(review.getByTestId("group-0-event-0").getByLabel("Earliest date")).not.toHaveValue("2013-03-06");
    const title = `Nine caught in Yanji, checked ${Date.now()}`;
    await review.getByTestId("group-0").getByLabel("Title").fill(title);

    // The date found after all: proposed again, the date is placed and the edit is kept.
    await date.fill("2013-03-08");
    await paste.getByRole("button", { name: "Propose records" }).click();
    await expect(review.getByTestId("edits-kept")).toContainText("your 1 edit was kept");
    await expect(review.getByTestId("group-0").getByLabel("Title")).toHaveValue(title);
    const event = review.getByTestId("group-0-event-0");
    await expect(event.getByLabel("Earliest date")).toHaveValue("2013-03-06");
    await expect(event.getByLabel("Latest date")).toHaveValue("2013-03-06");
  });

  test("bad input gets a clear message, not an error", async ({ page }) => {
    await signInAs(page, "EDITOR");
    await page.goto("/cases/from-report");
    const paste = page.getByRole("form", { name: "Paste a report" });
    await paste.getByRole("button", { name: "Propose records" }).click();
    await expect(paste.getByLabel("Text of the report")).toHaveAccessibleDescription(/Paste the text of the report\.$/);

    await paste.getByLabel("Text of the report").fill("Binary\u0001\u0002\u0003\u0004 junk".repeat(20));
    await paste.getByLabel("Published (optional)").fill("2099-01-01");
    await paste.getByRole("button", { name: "Propose records" }).click();
    await expect(paste.getByLabel("Text of the report")).toHaveAccessibleDescription(/does not look like text/);
    await expect(paste.getByLabel("Published (optional)")).toHaveAccessibleDescription(/cannot be in the future/);

    // A 5 MB paste: refused with a message, nothing read.
    await paste.getByLabel("Text of the report").evaluate((el: HTMLTextAreaElement) => {
      el.value = "Ten people were caught. ".repeat(220_000);
    });
    await paste.getByRole("button", { name: "Propose records" }).click();
    await expect(paste.getByLabel("Text of the report")).toHaveAccessibleDescription(/at most 200,000 can be read/);
    await expect(page.getByRole("form", { name: "Review proposed records" })).toHaveCount(0);
  });
});
