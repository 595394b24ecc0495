import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[ADMIN]", () => {
  test("an admin disables a signed-in user; that user's next request is refused", async ({ browser }) => {
    const email = `disable-me-${Date.now()}@example.org`;
    const password = "a long and uncommon passphrase 42";

    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, "ADMIN");
    await admin.goto("/admin/users");
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Name").fill("Disable Me");
    await admin.getByLabel("Role", { exact: true }).selectOption("EDITOR");
    await admin.getByLabel("Initial password (12+ characters)").fill(password);
    await admin.getByRole("button", { name: "Create account" }).click();
    await expect(admin.getByRole("status", { name: "Create account status" })).toHaveText("Account created.");

    const user = await (await browser.newContext()).newPage();
    await user.goto("/login");
    await user.getByLabel("Email").fill(email);
    await user.getByLabel("Password").fill(password);
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user.getByTestId("session-state")).toContainText("Signed in as Disable Me");
    expect((await user.goto("/annotations"))?.status()).toBe(200);

    await admin.reload();
    await admin.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(admin.getByTestId(`user-row-${email}`)).toContainText("Disabled");

    // The same browser session, next request: treated as signed out, internal pages refused.
    await user.goto("/annotations");
    await expect(user).toHaveURL(/\/login\?callbackUrl=%2Fannotations/);
    await expect(user.getByRole("link", { name: "Sign in" })).toBeVisible();
    // And signing in again is refused.
    await user.getByLabel("Email").fill(email);
    await user.getByLabel("Password").fill(password);
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user.getByRole("alert", { name: "Sign-in error" })).toContainText(
      "incorrect, or the account is disabled",
    );

    await admin.goto(`/admin/audit?kind=user-disabled`);
    await expect(admin.getByRole("row").filter({ hasText: email })).toContainText("user-disabled");
  });

  test("invalid input on the create form gets messages next to the fields and creates nothing", async ({ page }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/admin/users");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Initial password (12+ characters)").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert", { name: "Create account status" })).toHaveText(
      "Check the highlighted fields. Nothing was saved.",
    );
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    // Each message sits next to its field (as its description) as well as in the summary at the top.
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter a valid email address\./);
    await expect(page.getByLabel("Initial password (12+ characters)")).toHaveAccessibleDescription(
      /Password must be at least 12 characters\./,
    );
    await expect(page.getByTestId("error-summary")).toContainText("Enter a valid email address.");
    await expect(page.getByText("not-an-email")).toHaveCount(0);
  });
  test('a refused "Create account" keeps every field as typed, the role included; the second submit creates that role', async ({
    page,
  }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/admin/users");
    const email = `keeps-role-${Date.now()}@example.org`;
    const form = page.getByRole("form", { name: "Create an account" });
    const fields = {
      email: form.getByLabel("Email"),
      name: form.getByLabel("Name"),
      role: form.getByLabel("Role", { exact: true }),
      password: form.getByLabel("Initial password (12+ characters)"),
    };

    // Refused by the server: the email is taken.
    await fields.email.fill("editor@example.org");
    await fields.name.fill("Second Editor");
    await fields.role.selectOption("STAFF");
    await fields.password.fill("a long and uncommon passphrase 42");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert", { name: "Create account status" })).toHaveText(
      "An account with the email editor@example.org already exists.",
    );
    await expect(fields.email).toHaveValue("editor@example.org");
    await expect(fields.name).toHaveValue("Second Editor");
    await expect(fields.role).toHaveValue("STAFF");
    await expect(fields.password).toHaveValue("a long and uncommon passphrase 42");

    // Refused by validation: the password is too short. Still nothing resets.
    await fields.email.fill(email);
    await fields.password.fill("short");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(fields.password).toHaveAccessibleDescription(/at least 12 characters/);
    await expect(fields.email).toHaveValue(email);
    await expect(fields.name).toHaveValue("Second Editor");
    await expect(fields.role).toHaveValue("STAFF");

    // Corrected and sent again: the account has the role that was chosen, and the form empties.
    await fields.password.fill("a long and uncommon passphrase 42");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status", { name: "Create account status" })).toHaveText("Account created.");
    await expect(page.getByTestId(`user-row-${email}`)).toContainText("staff");
    await expect(fields.email).toHaveValue("");
    await expect(fields.role).toHaveValue("RESEARCHER");
  });
});
