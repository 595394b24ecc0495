import { expect, test, type Locator } from "@playwright/test";
import { signInAs } from "./helpers";

/** Selects `passage` in a text area, as a reader does with the mouse or Shift+arrows. */
async function select(area: Locator, passage: string) {
  await area.evaluate((el, p) => {
    const t = el as HTMLTextAreaElement;
    const start = t.value.indexOf(p);
    if (start < 0) throw new Error(`not in the text: ${p}`);
    t.focus();
    t.setSelectionRange(start, start + p.length);
  }, passage);
}

/** A Hangul word of four syllables no other run or seed has, for finding this run's case. */
function uniqueHangulWord(): string {
  let n = Date.now() % 11172 ** 2;
  let word = "";
  for (let i = 0; i < 4; i++) {
    word += String.fromCodePoint(0xac00 + (n % 11172));
    n = Math.floor(n / 11172) + 7 * (i + 1);
  }
  return word;
}

// Records in two languages (docs/decisions/016). The seed's real cases are recorded only as "in China";
// two synthetic internal demo cases are placed in Shenyang: one filed in English (with a Korean title
// beside it), one written in Korean only.
test.describe("[KOREAN RECORDS]", () => {
  test("a researcher searches 선양 and finds the cases placed in Shenyang, in either language", async ({ page }) => {
    await signInAs(page, "RESEARCHER");
    await page.goto("/timeline");
    const filters = page.getByRole("search", { name: "Filter cases" });
    await filters.getByLabel("Search text").fill("선양");
    await filters.getByLabel("Records").selectOption("all");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/q=%EC%84%A0%EC%96%91/);

    const results = page.getByTestId("results");
    const english = results.getByRole("row").filter({ hasText: "SYN-2012-0003" });
    const korean = results.getByRole("row").filter({ hasText: "SYN-2012-0004" });
    await expect(english).toContainText("Three people held in Shenyang");
    await expect(korean).toContainText("선양 기차역에서 탈북민 2명 체포");
    // Written only in Korean: shown as written, marked, with its language on the element.
    await expect(korean.locator('[lang="ko"]').first()).toContainText("선양 기차역에서");
    await expect(korean.getByTestId("only-in")).toHaveText("(Korean only)");
    // The restricted synthetic case (Liaoning) is not a researcher's to see, and the report's cases are not in Shenyang.
    await expect(results).not.toContainText("SYN-2012-0002");
    await expect(results).not.toContainText("CN-2012-0001");

    // The romanisation finds the Korean-only case too.
    await page.goto("/timeline?q=Shenyang&data=all");
    await expect(page.getByTestId("results").getByRole("row").filter({ hasText: "SYN-2012-0004" })).toBeVisible();

    // A visitor sees neither: they are internal demo records.
    await page.context().clearCookies();
    await page.goto(`/timeline?q=${encodeURIComponent("선양")}&data=all`);
    await expect(page.getByText("SYN-2012-0003")).toHaveCount(0);
    await expect(page.getByText("SYN-2012-0004")).toHaveCount(0);
  });

  test("an editor logs a case with a Korean title and summary; the case page shows it in Korean and a Korean search finds it", async ({
    page,
  }) => {
    const word = uniqueHangulWord();
    const title = `단둥에서 탈북민 6명 체포 ${word}`;
    const summary = `단둥 기차역 근처에서 공안이 여섯 명을 붙잡았다. ${word}`;
    const sizePassage = "탈북민 여섯 명";
    const arrestPassage = "2014년 3월 초 단둥 기차역에서 공안에 체포됐다";
    const report = `서울, 2014년 3월 20일. 활동가들에 따르면 ${sizePassage}이 ${arrestPassage}. (${word})`;
    await signInAs(page, "EDITOR");
    await page.goto("/cases/log");

    const source = page.getByRole("group", { name: "The report" });
    await source.getByLabel("Outlet").fill("국경 소식");
    await source.getByLabel("Title").fill(`단둥 체포 보도 ${word}`);
    await source.getByLabel("Published (optional)").fill("2014-03-20");
    const text = source.getByLabel("The report's text");
    await text.fill(report);

    const kase = page.getByRole("group", { name: "The case" });
    await kase.getByLabel("Title", { exact: true }).fill(title);
    await kase.getByLabel("Summary", { exact: true }).fill(summary);
    // Left on "Detect from the text": Korean.
    await expect(kase.getByLabel("Written in")).toHaveValue("auto");
    await kase.getByLabel("At least").fill("6");
    await kase.getByLabel("Province").fill("Liaoning");
    await kase.getByLabel("City or area").fill("Dandong");
    const event = page.getByRole("group", { name: "What happened first" });
    await event.getByLabel("Earliest date").fill("2014-03-01");
    await event.getByLabel("Latest date").fill("2014-03-10");
    await event.getByLabel("Date precision").selectOption("WEEK");
    await event.getByLabel("Reported wording").fill("2014년 3월 초");
    await select(text, sizePassage);
    await source.getByRole("button", { name: "Use the selection for the size" }).click();
    await select(text, arrestPassage);
    await source.getByRole("button", { name: "Use the selection for the event" }).click();

    const advocacy = page.getByRole("group", { name: "Advocacy" });
    await advocacy.getByLabel("Name").fill(`박선영 의원실 ${word}`);
    await advocacy.getByLabel("Kind of action").selectOption("APPEAL");
    await advocacy.getByLabel("Date", { exact: true }).fill("2014-03-21");
    await advocacy.getByLabel("What was asked for").fill("송환하지 말 것을 요청");

    await page.getByRole("button", { name: "Log the arrest" }).click();
    const duplicates = page.getByText("Possible duplicates");
    await Promise.race([page.waitForURL(/\/cases\/CN-2014-\d{4}$/), duplicates.waitFor()]);
    if (await duplicates.isVisible()) await page.getByRole("button", { name: "Save anyway" }).click();
    await page.waitForURL(/\/cases\/CN-2014-\d{4}$/);
    const code = page.url().split("/").pop()!;

    // The case page: the Korean title and summary as written, marked Korean, and said to be Korean only.
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading.locator('[lang="ko"]')).toHaveText(title);
    await expect(heading.getByTestId("only-in")).toHaveText("(Korean only)");
    await expect(page.locator('p [lang="ko"]').filter({ hasText: summary })).toBeVisible();
    // The place in Korean beside its English name.
    await expect(page.getByText("단둥, 랴오닝성")).toBeVisible();

    // A Korean search finds it: by a word of its title, by two words, and by its place in Korean.
    for (const q of [word, `탈북민 ${word}`, `단둥 ${word}`]) {
      await page.goto(`/timeline?q=${encodeURIComponent(q)}`);
      await expect(page.getByTestId("results").getByRole("row").filter({ hasText: code }), q).toBeVisible();
    }
    // And a word it does not have does not.
    await page.goto(`/timeline?q=${encodeURIComponent(`선양 ${word}`)}`);
    await expect(page.getByText(code)).toHaveCount(0);
  });
});
