import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { DUMMY_HASH_PROMISE, verifyPassword } from "@/lib/password";
import { recordAuditEvent } from "@/lib/data/audit";
import { signInThrottle, type SignInThrottle } from "@/lib/sign-in-throttle";

export type SignedInUser = { id: string; email: string; name: string; role: NonNullable<Actor>["role"]; sessionVersion: number };

/** The outcome of a sign-in attempt. "invalid" covers every refusal the person must not tell apart. */
export type SignInResult =
  | { status: "ok"; user: SignedInUser }
  | { status: "invalid" }
  | { status: "throttled"; retryAt: Date };

/**
 * Checks an email and password, taking about the same time whether or not the account exists.
 * Once too many attempts failed for the email or the IP, the password is not checked at all and
 * the result says until when. Every attempt is written to the audit log.
 */
export async function authenticateUser(
  emailInput: string,
  password: string,
  ip: string | null,
  throttle: SignInThrottle = signInThrottle(),
): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, passwordHash: true },
  });
  const gate = await throttle.begin(email, ip);
  if (!gate.allowed) {
    await recordAuditEvent({
      kind: "sign-in",
      success: false,
      actorId: user?.id ?? null,
      actorEmail: email,
      ip,
      detail: { reason: "throttled", limit: gate.limit, retryAt: gate.retryAt.toISOString() },
    });
    return { status: "throttled", retryAt: gate.retryAt };
  }
  const ok = user
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await DUMMY_HASH_PROMISE, password), false);
  const success = Boolean(user && ok && !user.disabled);
  await recordAuditEvent({
    kind: "sign-in",
    success,
    actorId: user?.id ?? null,
    actorEmail: email,
    ip,
    // The reason stays in the audit log for admins; the user only ever sees one generic message.
    detail: success ? undefined : { reason: !user ? "no-such-account" : user.disabled ? "disabled" : "wrong-password" },
  });
  if (!success || !user) return { status: "invalid" };
  await throttle.succeeded(email, ip);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

/**
 * Turns a session token's claims into the acting user, re-read from the database on every request
 * so that disabling a user, changing their role or signing them out everywhere takes effect at once.
 */
export async function getActorForToken(claims: { userId?: unknown; sessionVersion?: unknown } | null): Promise<Actor> {
  if (!claims || typeof claims.userId !== "string" || typeof claims.sessionVersion !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
