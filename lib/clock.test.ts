import { describe, expect, it } from "vitest";
import { parseTestNow, todayUtc } from "@/lib/clock";

describe("test clock cookie parsing", () => {
  it("reads ISO dates as midnight UTC", () => {
    expect(parseTestNow("2026-03-01")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
  it("reads ISO date-times, with or without a zone", () => {
    expect(parseTestNow("2026-03-01T12:30:00Z")?.toISOString()).toBe("2026-03-01T12:30:00.000Z");
    expect(parseTestNow("2026-03-01T12:30")?.toISOString()).toBe("2026-03-01T12:30:00.000Z");
    expect(parseTestNow("2026-03-01T12:30:00%2B02:00")?.toISOString()).toBe("2026-03-01T10:30:00.000Z");
  });
  it("ignores missing, malformed and impossible values", () => {
    for (const bad of [undefined, null, "", "yesterday", "2026-02-30", "2026-13-01", "1700000000", "2026-03-01T25:00"])
      expect(parseTestNow(bad)).toBeNull();
  });
  it("truncates to the UTC day", () => {
    expect(todayUtc(new Date("2026-03-01T23:59:00Z")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
});
