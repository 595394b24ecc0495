import { describe, expect, it } from "vitest";
import { extractReport } from "@/lib/intake/extract";

const NOW = new Date("2026-12-01T12:00:00Z");
const UNDATED =
  "Nine North Koreans were caught in Yanji last Wednesday, a church group that helps defectors said in a statement dated March 8, 2013, calling on China to release them. An earlier group was caught on February 2, 2013.";

describe("a report without a publication date", () => {
  it("offers the latest full date its text mentions, and resolves nothing against it until it is given", () => {
    const x = extractReport(UNDATED, { now: NOW });
    expect(x.publishedAt).toBeNull();
    expect(x.publishedAtCandidate).toBe("2013-03-08");
    expect(x.groups.flatMap((g) => g.events).some((e) => e.dateWording === "last Wednesday")).toBe(false);
  });

  it("once the date is given, “last Wednesday” is placed against it, and no candidate is offered", () => {
    const x = extractReport(UNDATED, { now: NOW, publishedAt: "2013-03-08" });
    expect(x.publishedAtCandidate).toBeNull();
    const event = x.groups.flatMap((g) => g.events).find((e) => e.dateWording === "last Wednesday");
    expect(event).toMatchObject({ dateEarliest: "2013-03-06", dateLatest: "2013-03-06", precision: "DAY" });
  });

  it("never offers a date after today", () => {
    const x = extractReport(
      "Nine people were caught in Yanji on March 8, 2031, a group said in a long statement today.",
      {
        now: NOW,
      },
    );
    expect(x.publishedAtCandidate ?? null).toBeNull();
  });
});
