import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { createAdvocacySchema, updateAdvocacySchema } from "@/lib/validations/advocacy";
import { englishMessage } from "@/lib/i18n/english-message";

const valid = {
  caseCode: "CN-2012-0001",
  contactId: "ckcontact00000000000000001",
  kind: "APPEAL",
  date: "2026-03-01",
  askedFor: "Raise the group with the Chinese embassy.",
  response: "NO_RESPONSE",
  status: "SENT",
  followUpDue: "2026-03-08",
  notes: "",
};

function errors(input: Record<string, unknown>, schema: z.ZodType = createAdvocacySchema) {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), englishMessage(i.message)]));
}

describe("advocacy action schema", () => {
  it("accepts a complete action and parses the days as UTC midnight", () => {
    const r = createAdvocacySchema.parse(valid);
    expect(r.date.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(r.followUpDue?.toISOString()).toBe("2026-03-08T00:00:00.000Z");
  });
  it("treats an empty follow-up as none", () => {
    expect(createAdvocacySchema.parse({ ...valid, followUpDue: "" }).followUpDue).toBeUndefined();
  });
  it("gives each bad field its own message", () => {
    const e = errors({ caseCode: "CN-2012-0001", followUpDue: "2026-02-30" });
    expect(Object.keys(e).sort()).toEqual([
      "askedFor",
      "contactId",
      "date",
      "followUpDue",
      "kind",
      "response",
      "status",
    ]);
    expect(e.followUpDue).toBe("This date does not exist.");
  });
  it("refuses a follow-up before the action's date", () => {
    expect(errors({ ...valid, followUpDue: "2026-02-28" })).toEqual({
      followUpDue: "The follow-up cannot be before the action's date.",
    });
    expect(errors({ ...valid, followUpDue: "2026-03-01" })).toEqual({});
  });
  it("limits text fields", () => {
    expect(errors({ ...valid, askedFor: "x".repeat(2001) })).toHaveProperty("askedFor");
    expect(errors({ ...valid, notes: "x".repeat(5001) })).toHaveProperty("notes");
    expect(errors({ ...valid, askedFor: "   " })).toEqual({ askedFor: "Say what was asked for." });
  });
  it("update needs an id and a version", () => {
    const { caseCode: _, ...rest } = valid;
    void _;
    expect(Object.keys(errors(rest, updateAdvocacySchema)).sort()).toEqual(["id", "version"]);
    expect(updateAdvocacySchema.parse({ ...rest, id: "ckaction000000000000000001", version: "3" }).version).toBe(3);
  });
});
