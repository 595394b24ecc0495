import { describe, expect, it } from "vitest";
import { can, visibleCaseLevels, type Actor } from "@/lib/auth/permissions";

const as = (role: NonNullable<Actor>["role"]): Actor => ({ id: "u", email: "u@example.org", name: "U", role });

describe("visibleCaseLevels", () => {
  it("gives visitors public cases only", () => expect(visibleCaseLevels(null)).toEqual(["PUBLIC"]));
  it("adds internal cases for researchers and editors", () => {
    expect(visibleCaseLevels(as("RESEARCHER"))).toEqual(["PUBLIC", "INTERNAL"]);
    expect(visibleCaseLevels(as("EDITOR"))).toEqual(["PUBLIC", "INTERNAL"]);
  });
  it("adds restricted cases for staff and admins", () => {
    expect(visibleCaseLevels(as("STAFF"))).toEqual(["PUBLIC", "INTERNAL", "RESTRICTED"]);
    expect(visibleCaseLevels(as("ADMIN"))).toEqual(["PUBLIC", "INTERNAL", "RESTRICTED"]);
  });
});

describe("can", () => {
  it("keeps advocacy records from visitors and researchers", () => {
    expect(can(null, "read:advocacy:any")).toBe(false);
    expect(can(as("RESEARCHER"), "read:advocacy:any")).toBe(false);
    expect(can(as("EDITOR"), "read:advocacy:any")).toBe(true);
  });
});
