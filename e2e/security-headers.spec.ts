import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.describe("[SECURITY] headers and cookies", () => {
  test("every page sends a CSP that forbids framing, nosniff and a strict referrer policy", async ({ request }) => {
    for (const url of ["/", "/cases", "/login", "/api/health"]) {
      const headers = (await request.get(url)).headers();
      expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], url).toContain("default-src 'self'");
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"], url).toBeUndefined();
    }
  });

  test("pages get a fresh script nonce per request, and scripts run only with it", async ({ page, request }) => {
    const first = (await request.get("/")).headers()["content-security-policy"];
    const second = (await request.get("/")).headers()["content-security-policy"];
    expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(first).not.toContain("unsafe-inline' 'strict");
    expect(first).not.toBe(second);
    // The app still hydrates under the policy: a client-side form validates without a round trip.
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
    expect(violations).toEqual([]);
  });

  test("a client cannot claim HTTPS: X-Forwarded-Proto counts only from a trusted proxy (e2e/system/trusted-proxy.spec.ts)", async ({
    request,
  }) => {
    const headers = (await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers();
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  test("a visitor's pages may be cached for a minute in their own browser, never in a shared cache", async ({
    request,
  }) => {
    for (const url of ["/", "/timeline?from=2012-02-01&to=2012-02-29", "/cases/CN-2012-0001"]) {
      const headers = (await request.get(url)).headers();
      expect(headers["cache-control"], url).toBe("private, max-age=60, stale-while-revalidate=300");
      expect(headers["vary"], url).toMatch(/\bCookie\b/);
    }
    // What is not a page stays as its handler says.
    expect((await request.get("/api/health")).headers()["cache-control"]).toBe("no-store");
  });

  test("the session cookie is HttpOnly and SameSite, and signed-in pages are never cached", async ({ page }) => {
    await signInAs(page, "STAFF");
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const response = await page.request.get("/cases/SYN-2012-0002");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
  });
});
