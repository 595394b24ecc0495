import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[FULL EXPORT]", () => {
  test("an admin downloads the full export from /admin/export; staff cannot", async ({ browser }) => {
    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, "ADMIN");
    await admin.goto("/admin/export");
    await expect(admin.getByLabel(/Include restricted fields/)).not.toBeChecked();
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("button", { name: "Download the full export (ZIP)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^refoulement-watch-full-export-.*\.zip$/);
    const bytes = await readFile((await download.path())!);
    // A ZIP: local file header first, and the manifest among its entries (names are stored plainly).
    expect(bytes.subarray(0, 4).toString("hex")).toBe("504b0304");
    expect(bytes.includes(Buffer.from("manifest.json"))).toBe(true);

    const staff = await (await browser.newContext()).newPage();
    await signInAs(staff, "STAFF");
    expect((await staff.request.get("/admin/export/download", { maxRedirects: 0 })).status()).toBe(404);
    expect((await staff.goto("/admin/export"))?.status()).toBe(404);
  });
});
