import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { PASSWORD_MESSAGES, isCommonPassword, passwordProblems } from "@/lib/auth/password-policy";
import { createUserSchema, passwordSchema, passwordSchemaFor } from "@/lib/validations/user";

const LIST = dictionary["passwords-common"];
const PASSPHRASE = "tundra lantern borrowed violet oyster";

describe("passwordProblems", () => {
  it("refuses entries of the common-password list that are long enough to pass the length rule", () => {
    for (const listed of ["password1234", "qwertyuiop123", "1q2w3e4r5t6y"]) {
      // Guards against the fixture silently drifting off the list in a future version of the package.
      expect(LIST).toContain(listed);
      expect(passwordProblems(listed)).toEqual([PASSWORD_MESSAGES.common]);
    }
  });

  it("compares with the list ignoring case", () => {
    expect(LIST).toContain("password1234");
    expect(LIST).not.toContain("PassWord1234");
    expect(isCommonPassword("PassWord1234")).toBe(true);
    expect(passwordProblems("PassWord1234")).toEqual([PASSWORD_MESSAGES.common]);
  });

  it("accepts a long passphrase that is not on the list", () => {
    expect(LIST).not.toContain(PASSPHRASE);
    expect(passwordProblems(PASSPHRASE)).toEqual([]);
    expect(passwordProblems(PASSPHRASE, { email: "ana.kim@example.org" })).toEqual([]);
  });

  it("needs 12 characters, counting what a person sees, and allows up to 1,024", () => {
    expect(passwordProblems("k7#Vq9!mZ2@")).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(passwordProblems("k7#Vq9!mZ2@x")).toEqual([]);
    // Eleven emoji are 22 UTF-16 units but eleven characters.
    expect(passwordProblems("🔒".repeat(11))).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(passwordProblems("🔒".repeat(12))).toEqual([]);
    expect(passwordProblems(`k7#Vq9!mZ2@${"x".repeat(1013)}`)).toEqual([]);
    expect(passwordProblems("y".repeat(1025))).toEqual([PASSWORD_MESSAGES.tooLong]);
  });

  it("reports every problem of a short common password", () => {
    expect(LIST).toContain("password");
    expect(passwordProblems("password")).toEqual([PASSWORD_MESSAGES.tooShort, PASSWORD_MESSAGES.common]);
  });

  it("refuses the account's email and its local part, in any case", () => {
    const email = "ana.kim.researcher@example.org";
    expect(passwordProblems(email, { email })).toEqual([PASSWORD_MESSAGES.email]);
    expect(passwordProblems("Ana.Kim.Researcher", { email })).toEqual([PASSWORD_MESSAGES.email]);
    expect(passwordProblems("ana.kim.researcher!", { email })).toEqual([]);
    // Without the account's email the same password is fine.
    expect(passwordProblems("ana.kim.researcher")).toEqual([]);
  });
});

describe("password schemas", () => {
  const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
    result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

  it("createUserSchema applies the whole policy to the password field", () => {
    const base = { email: " Ana.Kim.Researcher@Example.org ", name: "Ana", role: "ADMIN" };
    expect(createUserSchema.safeParse({ ...base, password: PASSPHRASE }).success).toBe(true);
    expect(messages(createUserSchema.safeParse({ ...base, password: "qwertyuiop123" }))).toEqual([
      `password: ${PASSWORD_MESSAGES.common}`,
    ]);
    expect(messages(createUserSchema.safeParse({ ...base, password: "ana.kim.researcher" }))).toEqual([
      `password: ${PASSWORD_MESSAGES.email}`,
    ]);
    expect(messages(createUserSchema.safeParse({ ...base, password: "k7#Vq9!m" }))).toEqual([
      `password: ${PASSWORD_MESSAGES.tooShort}`,
    ]);
  });

  it("the reusable schemas check the policy, with the email only when given one", () => {
    expect(passwordSchema.safeParse("password1234").success).toBe(false);
    expect(passwordSchema.safeParse("ana.kim.researcher").success).toBe(true);
    expect(messages(passwordSchemaFor("ana.kim.researcher@example.org").safeParse("ana.kim.researcher"))).toEqual([
      `: ${PASSWORD_MESSAGES.email}`,
    ]);
    // Admin forms built from the create schema's field get the policy too.
    expect(createUserSchema.shape.password.safeParse("qwertyuiop123").success).toBe(false);
  });
});
