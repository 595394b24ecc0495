import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { DUMMY_HASH_PROMISE, verifyPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/data/audit";
import { signInThrottle, type SignInThrottle } from "@/lib/data/sign-in-throttle";

/**
 * Signing in and out: checking a password (throttled), and the sessions a signed-in browser holds.
 * User administration (roles, disabling, "sign out everywhere") is lib/data/accounts.ts.
 */

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: NonNullable<Actor>["role"];
  sessionVersion: number;
};

/** The outcome of a sign-in attempt. "invalid" covers every refusal the person must not tell apart. */
export type SignInResult =
  { status: "ok"; user: SignedInUser } | { status: "invalid" } | { status: "throttled"; retryAt: Date };

/** Whether `userId` has signed in successfully from `ip` before. */
async function isKnownAddress(userId: string | undefined, ip: string | null): Promise<boolean> {
  if (!userId || !ip) return false;
  const known = await db.knownSignInAddress.findUnique({
    where: { userId_ip: { userId, ip: ip.slice(0, 64) } },
    select: { userId: true },
  });
  return Boolean(known);
}

/**
 * Checks an email and password, taking about the same time whether or not the account exists.
 * While a throttle counter makes this email (at this address) or this address wait, the password
 * is not checked at all and the result says until when. Every attempt is written to the audit log.
 * `ip` is the client address the HTTP server established, never a header the client chose.
 */
export async function authenticateUser(
  emailInput: string,
  password: string,
  ip: string | null,
  throttle: SignInThrottle = signInThrottle(),
): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  // The system account never signs in, whatever its hash: it reads as no account at all.
  const user = await db.user.findUnique({
    where: { email, isSystem: false },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, passwordHash: true },
  });
  const known = await isKnownAddress(user?.id, ip);
  const gate = await throttle.begin(email, ip, known);
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
  await throttle.succeeded(email, ip, known);
  const now = new Date();
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } }),
    ...(ip
      ? [
          db.knownSignInAddress.upsert({
            where: { userId_ip: { userId: user.id, ip: ip.slice(0, 64) } },
            create: { userId: user.id, ip: ip.slice(0, 64), lastAt: now },
            update: { lastAt: now },
          }),
        ]
      : []),
  ]);
  return {
    status: "ok",
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

/** Records a new session for a user who just signed in; its id goes into the session cookie. */
export async function startSession(userId: string, maxAgeSeconds: number): Promise<string> {
  // Ended and expired sessions are of no further use; tidy them up now and then.
  if (Math.random() < 0.05) await db.userSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const session = await db.userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return session.id;
}

/** Signing out: the session stops working at once, even if its cookie was copied. */
export async function endSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string" || sessionId.length > 64) return;
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Turns a session cookie's claims into the acting user, re-read from the database on every request
 * so that signing out, disabling a user, changing their role or signing them out everywhere takes
 * effect at once. One query: the session with its user.
 */
export async function getActorForToken(
  claims: { sessionId?: unknown; sessionVersion?: unknown } | null,
): Promise<Actor> {
  if (
    !claims ||
    typeof claims.sessionId !== "string" ||
    claims.sessionId.length > 64 ||
    typeof claims.sessionVersion !== "number"
  )
    return null;
  const session = await db.userSession.findUnique({
    where: { id: claims.sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      user: {
        select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, locale: true },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  const { user } = session;
  if (user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}
