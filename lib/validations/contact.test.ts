import { describe, expect, it } from "vitest";
import { archiveContactSchema, createContactSchema, updateContactSchema } from "@/lib/validations/contact";
import { englishMessage } from "@/lib/i18n/english-message";

function errors(
  input: Record<string, unknown>,
  schema: typeof createContactSchema | typeof updateContactSchema = createContactSchema,
) {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), englishMessage(i.message)]));
}

describe("contact schema", () => {
  it("accepts a contact, normalising empty optional fields to null and the country to upper case", () => {
    const r = createContactSchema.parse({
      name: " Jane Doe ",
      kind: "LAWMAKER",
      organisation: "",
      role: "MP",
      country: "kr",
      notes: "",
    });
    expect(r).toEqual({
      name: "Jane Doe",
      kind: "LAWMAKER",
      organisation: null,
      role: "MP",
      country: "KR",
      notes: "",
      contactDetails: undefined,
    });
  });
  it("gives each bad field its own message", () => {
    const e = errors({
      name: "",
      kind: "SPY",
      country: "Korea",
      organisation: "x".repeat(301),
      contactDetails: "x".repeat(2001),
    });
    expect(Object.keys(e).sort()).toEqual(["contactDetails", "country", "kind", "name", "organisation"]);
    expect(e.name).toBe("Enter a name.");
  });
  it("an empty form is invalid, not an error", () => {
    expect(Object.keys(errors({})).sort()).toEqual(["kind", "name"]);
  });
  it("edits and archives carry the version", () => {
    expect(Object.keys(errors({ name: "A", kind: "NGO" }, updateContactSchema)).sort()).toEqual(["id", "version"]);
    expect(archiveContactSchema.safeParse({ id: "ckcontact00000000000000001", version: "2" }).success).toBe(true);
  });
});
