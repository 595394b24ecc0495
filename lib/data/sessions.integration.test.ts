import { afterAll, describe, expect, it } from "vitest";
import { authenticateUser, endSession, getActorForToken, startSession } from "@/lib/data/sessions";
import { hashPassword } from "@/lib/auth/password";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
afterAll(() => db.$disconnect());

async function makeUser(overrides: { disabled?: boolean } = {}) {
  const email = `${unique("user")}@example.org`;
  const password = `pw-${unique()}-${unique()}`;
  const user = await db.user.create({
    data: { email, name: "Test User", role: "EDITOR", passwordHash: await hashPassword(password), ...overrides },
  });
  return { user, email, password };
}

describe("authenticateUser", () => {
  it("accepts the right password and logs the success", async () => {
    const { user, email, password } = await makeUser();
    const result = await authenticateUser(email.toUpperCase(), password, "127.0.0.1");
    expect(result).toMatchObject({ status: "ok", user: { id: user.id, email, role: "EDITOR" } });
    const log = await db.auditEvent.findFirst({
      where: { actorEmail: email, kind: "sign-in" },
      orderBy: { at: "desc" },
    });
    expect(log?.success).toBe(true);
  });

  it("refuses a wrong password, an unknown account and a disabled account, logging each failure", async () => {
    const { email } = await makeUser();
    expect(await authenticateUser(email, "wrong password here", null)).toEqual({ status: "invalid" });
    const ghost = `${unique("ghost")}@example.org`;
    expect(await authenticateUser(ghost, "whatever password", null)).toEqual({ status: "invalid" });
    const disabled = await makeUser({ disabled: true });
    expect(await authenticateUser(disabled.email, disabled.password, null)).toEqual({ status: "invalid" });

    const failures = await db.auditEvent.findMany({
      where: { actorEmail: { in: [email, ghost, disabled.email] }, success: false },
    });
    expect(failures.map((f) => (f.detail as { reason: string }).reason).sort()).toEqual([
      "disabled",
      "no-such-account",
      "wrong-password",
    ]);
  });
});

/** The claims a freshly signed-in browser's cookie carries. */
async function signedIn(user: { id: string; sessionVersion: number }) {
  return { sessionId: await startSession(user.id, 3600), sessionVersion: user.sessionVersion };
}

describe("getActorForToken", () => {
  it("returns the user while the session is open and the version current", async () => {
    const { user } = await makeUser();
    expect(await getActorForToken(await signedIn(user))).toMatchObject({ id: user.id, role: "EDITOR" });
  });

  it("refuses the cookie of a session that signed out, at once, while the user's other sessions go on", async () => {
    const { user } = await makeUser();
    const laptop = await signedIn(user);
    const phone = await signedIn(user);
    await endSession(laptop.sessionId);
    expect(await getActorForToken(laptop)).toBeNull();
    expect(await getActorForToken(phone)).toMatchObject({ id: user.id });
  });

  it("refuses an expired session", async () => {
    const { user } = await makeUser();
    const claims = await signedIn(user);
    await db.userSession.update({ where: { id: claims.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getActorForToken(claims)).toBeNull();
  });

  it("refuses a token after sign-out-everywhere, and for a disabled user", async () => {
    const { user } = await makeUser();
    const claims = await signedIn(user);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getActorForToken(claims)).toBeNull();
    const again = await signedIn({ id: user.id, sessionVersion: user.sessionVersion + 1 });
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await getActorForToken(again)).toBeNull();
  });

  it("reads the role from the database, not the token", async () => {
    const { user } = await makeUser();
    const claims = await signedIn(user);
    await db.user.update({ where: { id: user.id }, data: { role: "RESEARCHER" } });
    expect((await getActorForToken(claims))?.role).toBe("RESEARCHER");
  });

  it("treats a missing, malformed or older-format token as a visitor", async () => {
    const { user } = await makeUser();
    expect(await getActorForToken(null)).toBeNull();
    expect(await getActorForToken({ sessionId: 42, sessionVersion: "1" })).toBeNull();
    expect(await getActorForToken({ userId: user.id, sessionVersion: user.sessionVersion } as never)).toBeNull();
    expect(await getActorForToken({ sessionId: "x".repeat(10_000), sessionVersion: 1 })).toBeNull();
  });
});
