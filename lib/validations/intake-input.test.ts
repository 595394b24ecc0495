import { describe, expect, it } from "vitest";
import { checkReportInput } from "@/lib/validations/intake";
import { englishMessage } from "@/lib/i18n/english-message";

const NOW = new Date("2026-03-01T12:00:00Z");
const TEXT = "Two groups of 10 and nine people were caught in China last Wednesday.";

describe("checkReportInput", () => {
  it("accepts a report with its metadata, blank optional fields left out", () => {
    const r = checkReportInput(
      {
        text: TEXT,
        publishedAt: "2012-02-14",
        url: "https://www.koreaherald.com/view.php?ud=1",
        outlet: "The Korea Herald",
      },
      NOW,
    );
    expect(r).toEqual({
      ok: true,
      errors: {},
      value: {
        text: TEXT,
        publishedAt: "2012-02-14",
        url: "https://www.koreaherald.com/view.php?ud=1",
        outlet: "The Korea Herald",
      },
    });
    expect(checkReportInput({ text: TEXT, publishedAt: "", url: "  ", outlet: "" }, NOW)).toMatchObject({
      ok: true,
      value: { text: TEXT },
    });
  });

  it("refuses empty text", () => {
    for (const text of ["", "   \n ", undefined, null]) {
      expect(checkReportInput({ text }, NOW).errors).toEqual({ text: "Paste the text of the report." });
    }
  });

  it("refuses a 5 MB paste with a clear message", () => {
    const r = checkReportInput({ text: "a".repeat(5 * 1024 * 1024) }, NOW);
    expect(r.ok).toBe(false);
    expect(r.errors.text).toBe(
      "The text is 5,242,880 characters long; at most 200,000 can be read. Paste the article alone, not the whole page or file.",
    );
  });

  it("accepts exactly 200,000 characters", () => {
    expect(checkReportInput({ text: "a ".repeat(100_000) }, NOW).ok).toBe(true);
  });

  it("refuses binary junk", () => {
    expect(checkReportInput({ text: "PK\u0003\u0004\u0000\u0000\u0000" }, NOW).errors.text).toBe(
      "This does not look like text (it contains NUL bytes). Paste the words of the article, not a file.",
    );
    expect(checkReportInput({ text: "\u0001\u0002\u0003\u0004\u0005\u0006 ab" }, NOW).errors.text).toMatch(
      /^This does not look like text \(it is mostly control characters/,
    );
    expect(checkReportInput({ text: "broken \ud800 pair" }, NOW).errors.text).toMatch(/cannot be stored/);
  });

  it("refuses a publication date in the future, malformed or impossible", () => {
    expect(checkReportInput({ text: TEXT, publishedAt: "2026-03-05" }, NOW).errors).toEqual({
      publishedAt: "The publication date cannot be in the future.",
    });
    expect(checkReportInput({ text: TEXT, publishedAt: "14/02/2012" }, NOW).errors).toEqual({
      publishedAt: "Use a date like 2012-02-14.",
    });
    expect(checkReportInput({ text: TEXT, publishedAt: "2012-02-30" }, NOW).errors).toEqual({
      publishedAt: "That date does not exist.",
    });
    expect(checkReportInput({ text: TEXT, publishedAt: "1850-01-01" }, NOW).errors).toEqual({
      publishedAt: "The publication date is too early.",
    });
    // A day of slack for time zones ahead of UTC, as for sources.
    expect(checkReportInput({ text: TEXT, publishedAt: "2026-03-02" }, NOW).ok).toBe(true);
  });

  it("refuses a malformed URL", () => {
    for (const url of ["koreaherald.com/article", "ftp://example.org/x", "javascript:alert(1)", "http://"]) {
      // A shared rule's message is a key, shown in the reader's language (here English).
      expect(englishMessage(checkReportInput({ text: TEXT, url }, NOW).errors.url ?? ""), url).toBe(
        "Give the full web address, starting with http:// or https://.",
      );
    }
  });

  it("reports every bad field at once, one message each", () => {
    const r = checkReportInput({ text: "", publishedAt: "2099-01-01", url: "nope", outlet: "x".repeat(301) }, NOW);
    expect(Object.keys(r.errors).sort()).toEqual(["outlet", "publishedAt", "text", "url"]);
    expect(r.errors.outlet).toBe("The outlet is limited to 300 characters.");
  });
});
