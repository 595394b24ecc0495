import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-redirect";

const APP = "http://localhost:3000";

/** Where a browser on the app's page would go if it followed `location`. */
const browserTarget = (location: string) => new URL(location, APP);

describe("sameOriginPath", () => {
  it.each([
    ["/cases/CN-2012-0001", "/cases/CN-2012-0001"],
    ["/timeline?from=2012-02&to=2012-02#chart", "/timeline?from=2012-02&to=2012-02#chart"],
    ["http://localhost:3000/account", "/account"],
    ["/\\evil.example/", "/"],
    ["/\\/evil.example", "/"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["//evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["https://evil.example/", "/"],
    ["http://localhost:3001/", "/"],
    ["javascript:alert(1)", "/"],
    ["http://localhost:3000//evil.example/x", "/evil.example/x"],
    ["foo", "/foo"],
    ["", "/"],
  ])("%j → %j", (input, expected) => {
    expect(sameOriginPath(input, APP)).toBe(expected);
  });

  it("never yields a location a browser would open on another origin, whatever the input", () => {
    const pieces = fc.constantFrom(
      "/",
      "\\",
      "//",
      "/\\",
      "evil.example",
      "http:",
      "https:",
      "javascript:",
      "\t",
      "\n",
      " ",
      "%2F",
      "%5C",
      "@",
      ":",
      "?",
      "#",
      "..",
      "localhost:3000",
      "a",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 8 }).map((p) => p.join("")),
        ),
        (input) => {
          const path = sameOriginPath(input, APP);
          expect(path.startsWith("/")).toBe(true);
          expect(path.startsWith("//")).toBe(false);
          expect(browserTarget(path).origin).toBe(new URL(APP).origin);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
