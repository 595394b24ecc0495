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

  test("after repeated failures the form says when to try again, the same for any email", async ({ page }) => {
    // A fresh, nonexistent email: throttling must not reveal whether an account exists.
    const email = `throttle-${Date.now()}@example.org`;
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    const error = page.getByRole("alert", { name: "Sign-in error" });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(error).toHaveText("Email or password is incorrect, or the account is disabled.");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    // Then each attempt must wait, twice as long as the last: soon one comes too early and is told when to try.
    const throttled = /Too many failed sign-in attempts\. Try again (in \d+ seconds?|after \d\d:\d\d UTC)/;
    for (let attempt = 6; attempt <= 12 && !throttled.test((await error.textContent()) ?? ""); attempt++) {
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      await expect(error).not.toBeEmpty();
    }
    await expect(error).toContainText(throttled);
  });
});
