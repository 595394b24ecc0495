import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "./helpers";

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

test.describe("[ANNOTATIONS]", () => {
  test("staff annotates the group size, an editor replies, staff resolves; a researcher sees none of it", async ({
    browser,
  }) => {
    const note = `Second source says 11, check ${Date.now()}`;
    const reply = `Editor reply ${Date.now()}`;

    const staff = await pageAs(browser, "STAFF");
    await staff.goto("/cases/CN-2012-0002");
    const size = staff.getByTestId("figure-group-size");
    await size.getByText("Annotate group size").click();
    await size.getByLabel("Note on group size", { exact: true }).fill(note);
    await size.getByRole("button", { name: "Add note" }).click();
    await expect(size.getByRole("status", { name: "Note on group size status" })).toHaveText("Note added.");
    await expect(size.getByTestId("annotation").filter({ hasText: note })).toContainText("Open");

    const editor = await pageAs(browser, "EDITOR");
    await editor.goto("/cases/CN-2012-0002");
    const thread = editor.getByTestId("figure-group-size").getByTestId("annotation").filter({ hasText: note });
    await expect(thread).toBeVisible();
    // Editors reply but cannot start notes or resolve them.
    await expect(editor.getByText("Annotate group size")).toHaveCount(0);
    await expect(thread.getByRole("button", { name: "Resolve" })).toHaveCount(0);
    await thread.getByLabel("Reply", { exact: true }).fill(reply);
    await thread.getByRole("button", { name: "Reply" }).click();
    await expect(thread.getByTestId("annotation-reply")).toContainText(reply);

    await editor.goto("/annotations");
    await expect(editor.getByRole("row").filter({ hasText: note })).toContainText("CN-2012-0002");
    // The link goes to the annotated field, not the top of the case.
    await editor.getByRole("row").filter({ hasText: note }).getByRole("link", { name: "CN-2012-0002" }).click();
    await expect(editor).toHaveURL(/\/cases\/CN-2012-0002#field-sizeMin$/);
    await expect(editor.locator("#field-sizeMin")).toBeInViewport();

    await staff.reload();
    const staffThread = staff.getByTestId("figure-group-size").getByTestId("annotation").filter({ hasText: note });
    await expect(staffThread.getByTestId("annotation-reply")).toContainText(reply);
    await staffThread.getByRole("button", { name: "Resolve" }).click();
    await expect(staffThread).toContainText("Resolved");
    await staff.goto("/annotations");
    await expect(staff.getByRole("row").filter({ hasText: note })).toHaveCount(0);

    const researcher = await pageAs(browser, "RESEARCHER");
    const response = await researcher.goto("/cases/CN-2012-0002");
    expect(response?.status()).toBe(200);
    const html = await researcher.content();
    expect(html).not.toContain(note);
    expect(html).not.toContain(reply);
    await expect(researcher.getByTestId("annotation")).toHaveCount(0);
    expect((await researcher.goto("/annotations"))?.status()).toBe(404);

    // A visitor's page HTML does not carry them either.
    const visitorHtml = await (await browser.newContext()).request.get("/cases/CN-2012-0002").then((r) => r.text());
    expect(visitorHtml).not.toContain(note);
  });
});
