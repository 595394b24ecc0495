import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signInAs } from "./helpers";

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test.describe("[SOURCE FILES]", () => {
  test("an editor attaches a saved page and a PDF; a researcher sees their hashes and downloads them; a visitor cannot", async ({
    browser,
    page,
  }) => {
    const run = Date.now();
    const quote = `Seven people were held at the Tumen border detention centre (${run}).`;
    const savedPage = Buffer.from(
      `<!DOCTYPE html>\n<!-- saved from url=(0030)https://example.org/e2e-${run} -->\n<html><head><title>Report ${run}</title></head><body><p>${quote}</p><script>document.title = "ran"</script></body></html>\n`,
    );
    const pdf = Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% e2e ${run}\ntrailer <<>>\n%%EOF\n`);

    // An editor captures a report quoted only on an internal case (researchers see it; visitors do not).
    await signInAs(page, "EDITOR");
    await page.goto("/cases/SYN-2012-0001/sources/new");
    const capture = page.getByRole("region", { name: "Capture a new report" });
    await capture.getByLabel("Outlet").fill("E2E Files Daily");
    await capture.getByLabel("Title").fill(`Held at Tumen ${run}`);
    await capture.getByLabel("Text of the report").fill(`Yanji, 2012.\n${quote}\n`);
    await capture.getByRole("button", { name: "Capture source" }).click();
    await expect(page.getByTestId("captured-sha256")).toBeVisible();
    const claim = page.getByRole("region", { name: "Quote a passage" });
    const sourceId = await claim.getByLabel("Source", { exact: true }).inputValue();
    await claim.getByLabel("The case as a whole").check();
    await claim.getByLabel("Quote", { exact: true }).fill(quote);
    await claim.getByRole("button", { name: "Add quote" }).click();
    await expect(claim.getByRole("status", { name: "Quote status" })).toHaveText("Quote added to the case.");

    // The upload form says what it takes; a file that is none of those is refused by its content.
    await page.goto(`/sources/${sourceId}`);
    const form = page.getByRole("form", { name: "Attach a file" });
    await expect(form.getByLabel("File")).toHaveAccessibleDescription(/PDF.*up to 25 MB; at most 20 files/);
    await form
      .getByLabel("File")
      .setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text") });
    await form.getByRole("button", { name: "Attach file" }).click();
    await expect(page.getByRole("alert", { name: "Upload status" })).toContainText("This kind of file is not accepted");
    await expect(page.getByTestId("source-file")).toHaveCount(0);

    for (const [name, buffer, mimeType] of [
      ["saved-page.html", savedPage, "text/html"],
      ["report.pdf", pdf, "application/pdf"],
    ] as const) {
      await page
        .getByRole("form", { name: "Attach a file" })
        .getByLabel("File")
        .setInputFiles({ name, mimeType, buffer });
      await page.getByRole("form", { name: "Attach a file" }).getByRole("button", { name: "Attach file" }).click();
      await expect(page.getByRole("status", { name: "Upload status" })).toContainText("File attached");
    }
    await expect(page.getByTestId("source-file")).toHaveCount(2);
    // The same bytes again are refused: a file is never replaced or duplicated.
    await page
      .getByRole("form", { name: "Attach a file" })
      .getByLabel("File")
      .setInputFiles({ name: "again.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("form", { name: "Attach a file" }).getByRole("button", { name: "Attach file" }).click();
    await expect(page.getByRole("alert", { name: "Upload status" })).toContainText("already attached");

    // A researcher sees both files with their hashes and downloads them; the bytes hash to what is shown.
    const researcher = await browser.newContext();
    const rPage = await researcher.newPage();
    await signInAs(rPage, "RESEARCHER");
    await rPage.goto(`/sources/${sourceId}`);
    await expect(rPage.getByRole("form", { name: "Attach a file" })).toHaveCount(0);
    const items = rPage.getByTestId("source-file");
    await expect(items).toHaveCount(2);
    const hrefs: string[] = [];
    for (const [name, buffer] of [
      ["saved-page.html", savedPage],
      ["report.pdf", pdf],
    ] as const) {
      const item = items.filter({ hasText: name });
      await expect(item.getByTestId("source-file-sha256")).toHaveText(sha(buffer));
      const [download] = await Promise.all([
        rPage.waitForEvent("download"),
        item.getByRole("link", { name: `Download ${name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const shown = await item.getByTestId("source-file-sha256").innerText();
      expect(sha(await readFile((await download.path())!))).toBe(shown);
      hrefs.push((await item.getByRole("link", { name: `Download ${name}` }).getAttribute("href"))!);
    }

    // Served inert: always an attachment, never sniffed, sandboxed; HTML as opaque bytes.
    const html = await researcher.request.get(hrefs[0]);
    expect(html.status()).toBe(200);
    expect(html.headers()["content-type"]).toBe("application/octet-stream");
    expect(html.headers()["content-disposition"]).toMatch(
      /^attachment; filename="saved-page.html"; filename\*=UTF-8''saved-page.html$/,
    );
    expect(html.headers()["x-content-type-options"]).toBe("nosniff");
    expect(html.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(sha(await html.body())).toBe(sha(savedPage));
    await researcher.close();

    // A visitor sees neither the source nor its files, and cannot download them.
    const visitor = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await visitor.get(`/sources/${sourceId}`)).status()).toBe(404);
    for (const href of hrefs) {
      const response = await visitor.get(href);
      expect(response.status()).toBe(404);
      expect(await response.text()).not.toContain("WARC");
    }
    // Nor upload one, even with a form posted straight at the route.
    const upload = await visitor.post(`/api/sources/${sourceId}/files`, {
      headers: { Origin: test.info().project.use.baseURL! },
      multipart: { file: { name: "x.pdf", mimeType: "application/pdf", buffer: pdf } },
    });
    expect(upload.status()).toBe(401);
    await visitor.dispose();
  });
});
