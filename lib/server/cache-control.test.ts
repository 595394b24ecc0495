import { describe, expect, it } from "vitest";
import { hasSessionCookie, isCacheableVisitorPage, varyWithCookie } from "@/lib/server/cache-control";

const page = {
  method: "GET",
  url: "/timeline?from=2012-02-01",
  cookie: undefined as string | undefined,
  status: 200,
  contentType: "text/html; charset=utf-8",
  setsCookie: false,
};

describe("visitor page caching", () => {
  it("caches a visitor's HTML page", () => {
    expect(isCacheableVisitorPage(page)).toBe(true);
    expect(isCacheableVisitorPage({ ...page, method: "HEAD", cookie: "theme=dark; next-auth.csrf-token=x" })).toBe(
      true,
    );
  });

  it("never caches a signed-in reader's page, whichever session cookie they carry", () => {
    for (const cookie of [
      "next-auth.session-token=abc",
      "a=1; __Secure-next-auth.session-token=abc",
      "next-auth.session-token.0=abc; next-auth.session-token.1=def",
    ]) {
      expect(hasSessionCookie(cookie)).toBe(true);
      expect(isCacheableVisitorPage({ ...page, cookie })).toBe(false);
    }
    expect(hasSessionCookie("my-next-auth.session-token=abc")).toBe(false);
  });

  it("leaves errors, API answers, posts, server actions and responses setting cookies alone", () => {
    expect(isCacheableVisitorPage({ ...page, status: 404 })).toBe(false);
    expect(isCacheableVisitorPage({ ...page, url: "/api/v1/cases", contentType: "text/html" })).toBe(false);
    expect(isCacheableVisitorPage({ ...page, contentType: "application/json" })).toBe(false);
    expect(isCacheableVisitorPage({ ...page, method: "POST" })).toBe(false);
    expect(isCacheableVisitorPage({ ...page, nextAction: true })).toBe(false);
    expect(isCacheableVisitorPage({ ...page, setsCookie: true })).toBe(false);
  });

  it("adds Cookie and Accept-Language to Vary once: the page's language follows both", () => {
    expect(varyWithCookie(undefined)).toBe("Cookie, Accept-Language");
    expect(varyWithCookie("RSC, Next-Router-State-Tree")).toBe("RSC, Next-Router-State-Tree, Cookie, Accept-Language");
    expect(varyWithCookie("rsc, cookie")).toBe("rsc, cookie, Accept-Language");
    expect(varyWithCookie("accept-language, Cookie")).toBe("accept-language, Cookie");
    expect(varyWithCookie("*")).toBe("*");
  });
});
