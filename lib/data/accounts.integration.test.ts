import { afterAll, describe, expect, it } from "vitest";
import {
  changeUserRole,
  createUserAccount,
  resetUserPassword,
  setUserDisabled,
  signOutEverywhere,
} from "@/lib/data/accounts";
import { getActorForToken, startSession } from "@/lib/data/sessions";
import { type Actor } from "@/lib/auth/permissions";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
afterAll(() => db.$disconnect());

async function makeAdmin(): Promise<NonNullable<Actor>> {
  const u = await db.user.create({
    data: { email: `${unique("admin")}@example.org`, name: "Admin", role: "ADMIN", passwordHash: "x" },
  });
  return { id: u.id, email: u.email, name: u.name, role: "ADMIN" };
}

describe("account administration", () => {
  it("only admins manage accounts", async () => {
    const editor: Actor = { id: "x", email: "e@example.org", name: "E", role: "EDITOR" };
    await expect(
      createUserAccount(editor, {
        email: `${unique()}@example.org`,
        name: "N",
        role: "ADMIN",
        password: "long enough password 1",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("role changes, disabling and sign-out-everywhere revoke existing sessions, and are audited", async () => {
    const admin = await makeAdmin();
    const user = await createUserAccount(admin, {
      email: `${unique("u")}@example.org`,
      name: "U",
      role: "EDITOR",
      password: "long enough password 1",
    });
    const token = async () => ({
      sessionId: await startSession(user.id, 3600),
      sessionVersion: (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion,
    });

    let claims = await token();
    await changeUserRole(admin, { userId: user.id, role: "RESEARCHER" });
    expect(await getActorForToken(claims)).toBeNull();

    claims = await token();
    await signOutEverywhere(admin, { userId: user.id });
    expect(await getActorForToken(claims)).toBeNull();

    claims = await token();
    await setUserDisabled(admin, { userId: user.id, disabled: true });
    expect(await getActorForToken(claims)).toBeNull();

    const kinds = (await db.auditEvent.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(["user-created", "role-changed", "signed-out-everywhere", "user-disabled"]);
  });

  it("refuses to disable yourself or to leave no enabled admin", async () => {
    const admin = await makeAdmin();
    await expect(setUserDisabled(admin, { userId: admin.id, disabled: true })).rejects.toMatchObject({ code: "rule" });
    // Disable every other admin, then try to demote the last one.
    const others = await db.user.findMany({ where: { role: "ADMIN", disabled: false, id: { not: admin.id } } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: true } });
    try {
      const second = await makeAdmin();
      await db.user.update({ where: { id: second.id }, data: { disabled: true } });
      await expect(changeUserRole(second, { userId: admin.id, role: "EDITOR" })).rejects.toThrow(/last enabled admin/);
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: false } });
    }
  });
});

describe("password reset", () => {
  it("refuses the account's own email as its new password and keeps the old one", async () => {
    const admin = await makeAdmin();
    const email = `${unique("reset")}@example.org`;
    const user = await createUserAccount(admin, {
      email,
      name: "R",
      role: "EDITOR",
      password: "long enough password 1",
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    await expect(resetUserPassword(admin, { userId: user.id, password: email })).rejects.toMatchObject({
      code: "rule",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });
});
