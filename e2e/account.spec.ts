import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

const CASES_FEB_2012 = "/api/v1/cases?from=2012-02&to=2012-02";

test.describe("[ACCOUNT] API tokens and saved views", () => {
  test("a researcher creates a token, sees it once, calls the API with it, then revokes it", async ({
    page,
    request,
  }) => {
    const name = `counts script ${Date.now()}`;
    await signInAs(page, "RESEARCHER");
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

    const form = page.getByRole("form", { name: "New API token" });
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Token name").fill(name);
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("status", { name: "New API token status" })).toHaveText(`Token "${name}" created.`);
    const shown = page.getByLabel("Your new token");
    await expect(shown).toHaveAccessibleDescription("Copy it now: it will not be shown again.");
    await expect(shown).toHaveAttribute("readonly", "");
    const token = await shown.inputValue();
    expect(token).toMatch(/^rw_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("new-api-token")).toContainText(`curl -H "Authorization: Bearer ${token}"`);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(token.slice(0, 10));
    await expect(row).toContainText("Active");

    // The token works from a client that has no session cookie at all (the `request` fixture).
    const ok = await request.get(CASES_FEB_2012, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.meta.groups).toBeGreaterThanOrEqual(3);

    // Shown once: after a reload the page no longer holds it, only its prefix.
    await page.reload();
    await expect(page.getByLabel("Your new token")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
    await expect(row).not.toContainText("Never"); // last used: just now

    await page.getByRole("button", { name: `Revoke token ${name}` }).click();
    await expect(page.getByRole("status", { name: "Revoke status" })).toHaveText(
      `Token "${name}" revoked: it no longer works.`,
    );
    await expect(row).toContainText("Revoked");
    await expect(page.getByRole("button", { name: `Revoke token ${name}` })).toHaveCount(0);

    const refused = await request.get(CASES_FEB_2012, { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("invalid_token");
  });

  test("a researcher saves a timeline link as a view, replaces it by name, and deletes it", async ({ page }) => {
    const name = `February 2012 ${Date.now()}`;
    await signInAs(page, "RESEARCHER");
    await page.goto("/account#saved-views");
    const section = page.locator("#saved-views");
    const form = page.getByRole("form", { name: "Save a timeline link" });

    // A filter that does not parse is refused, naming the parameter; nothing is saved.
    await form.getByLabel("Name this view").fill(name);
    await form.getByLabel("Timeline link or filters").fill("/timeline?from=February");
    await form.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByRole("alert", { name: "Save link status" })).toContainText('the filter "from" is not valid');
    await expect(form.getByLabel("Name this view")).toHaveValue(name);
    await expect(section.getByRole("link", { name })).toHaveCount(0);

    await form.getByLabel("Timeline link or filters").fill("http://localhost/timeline?to=2012-02&from=2012-02");
    await form.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByRole("status", { name: "Save link status" })).toHaveText(`Saved "${name}".`);
    await expect(section.getByRole("link", { name })).toHaveAttribute(
      "href",
      "/timeline?from=2012-02-01&to=2012-02-29",
    );

    await form.getByLabel("Name this view").fill(name);
    await form.getByLabel("Timeline link or filters").fill("from=2012-02-08&to=2012-02-08");
    await form.getByRole("button", { name: "Save view" }).click();
    await expect(page.getByRole("status", { name: "Save link status" })).toHaveText(
      `Saved "${name}", replacing the view you had saved under that name.`,
    );
    await expect(section.getByRole("link", { name })).toHaveCount(1);
    await expect(section.getByRole("link", { name })).toHaveAttribute(
      "href",
      "/timeline?from=2012-02-08&to=2012-02-08",
    );

    await section.getByRole("button", { name: `Delete view ${name}` }).click();
    await expect(page.getByRole("status", { name: "Delete view status" })).toHaveText(`Deleted the view "${name}".`);
    await expect(section.getByRole("link", { name })).toHaveCount(0);
  });

  test("a visitor going to /account is sent to sign in", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  });
});
