import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[AUTH]", () => {
  test("signing in with a demo account shows the signed-in state; signing out ends it", async ({ page }) => {
    await signInAs(page, "EDITOR");
    await expect(page.getByTestId("session-state")).toContainText("editor");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("editor@example.org");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const error = page.getByRole("alert", { name: "Sign-in error" });
    await expect(error).toHaveText("Email or password is incorrect, or the account is disabled.");
    const messageForExisting = await error.textContent();

    await page.getByLabel("Email").fill("nobody-here@example.org");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(error).toHaveText(messageForExisting ?? "");
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("empty fields get messages next to them and nothing is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
    await expect(page.locator("#password-error")).toHaveText("Enter your password.");
  });
});
