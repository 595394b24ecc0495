import { describe, expect, it } from "vitest";
import { createCaseSchema, updateCaseSchema } from "@/lib/validations/case";
import { addEventSchema } from "@/lib/validations/event";
import { englishMessage } from "@/lib/i18n/english-message";

const valid = {
  title: "Group of six",
  summary: "",
  sizeMin: "6",
  sizeMax: "8",
  sizeBest: "7",
  country: "cn",
  verification: "LIKELY",
  priority: "NORMAL",
  visibility: "INTERNAL",
  tags: "family, jilin",
};
/** The first message per field, as the forms show them (see fieldErrors in lib/actions/action-state.ts). */
function errorsOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= englishMessage(issue.message);
  return errors;
}

describe("createCaseSchema", () => {
  it("accepts a valid case and normalises it", () => {
    const parsed = createCaseSchema.parse(valid);
    expect(parsed).toMatchObject({ sizeMin: 6, sizeMax: 8, sizeBest: 7, country: "CN", tags: ["family", "jilin"] });
  });

  it.each([
    [{ sizeMin: "ten" }, "sizeMin", "must be a number"],
    [{ sizeMin: "2.5" }, "sizeMin", "Whole people only."],
    [{ sizeMin: "0" }, "sizeMin", "at least 1 person"],
    [{ sizeMax: "5" }, "sizeMax", "cannot be below the minimum"],
    [{ sizeBest: "9" }, "sizeBest", "between the minimum and the maximum"],
    [{ title: "x".repeat(301) }, "title", "300 characters"],
    [{ summary: "x".repeat(10001) }, "summary", "10,000 characters"],
    [{ country: "China" }, "country", "two-letter country code"],
    [{ verification: "PROBABLY" }, "verification", "Choose a verification level."],
    [{ visibility: "PUBLIC" }, "visibility", "publish from the preview"],
    [{ tags: "<script>alert(1)</script>" }, "tags", "Tags use letters"],
    [{ familyInSouthMin: "5", familyInSouthMax: "2" }, "familyInSouthMax", "cannot be below the minimum"],
  ])("refuses %j with a message on %s", (change, field, message) => {
    const result = createCaseSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(errorsOf(result)[field]).toContain(message);
  });

  it("keeps naughty but harmless text as text", () => {
    for (const title of [
      'Robert\'); DROP TABLE "Case";--',
      "<img src=x onerror=alert(1)>",
      "‮RTL override",
      "zero​width",
      "🇰🇵 → 🇨🇳",
    ]) {
      expect(createCaseSchema.parse({ ...valid, title }).title).toBe(title.trim());
    }
  });

  it("an update needs a known status and the version it was opened at", () => {
    const result = updateCaseSchema.safeParse({ ...valid, code: "CN-2026-0001", status: "GONE" });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["status", "version"]);
  });
});

describe("addEventSchema", () => {
  const event = {
    caseCode: "CN-2012-0001",
    type: "ARRESTED",
    dateEarliest: "2012-02-08",
    dateLatest: "",
    precision: "DAY",
  };

  it("treats an empty latest date as known to the day", () => {
    expect(addEventSchema.parse(event)).toMatchObject({ dateEarliest: "2012-02-08", dateLatest: "2012-02-08" });
  });

  it.each([
    [{ dateLatest: "2012-02-01", precision: "WEEK" }, "dateLatest", "cannot be before the earliest"],
    [{ dateLatest: "2012-02-10" }, "precision", "same earliest and latest"],
    [{ dateEarliest: "2012-02-30" }, "dateEarliest", "not a real date"],
    [{ dateEarliest: "08/02/2012" }, "dateEarliest", "YYYY-MM-DD"],
    [{ dateEarliest: "2999-01-01" }, "dateEarliest", "cannot start in the future"],
    [{ type: "VANISHED" }, "type", "Choose what happened."],
    [{ dateWording: "x".repeat(301) }, "dateWording", "300 characters"],
  ])("refuses %j with a message on %s", (change, field, message) => {
    const result = addEventSchema.safeParse({ ...event, ...change });
    expect(result.success).toBe(false);
    expect(errorsOf(result)[field]).toContain(message);
  });
});
