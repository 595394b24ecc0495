import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";

/** Hex SHA-256 of a token: the only form in which tokens are stored. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The user a bearer token acts as, or "invalid" for an unknown, revoked or malformed token, or a
 * disabled user. The role is read from the user now, so a role change applies to tokens at once.
 */
export async function actorFromApiToken(token: string): Promise<Actor | "invalid"> {
  if (!/^rw_[A-Za-z0-9_-]{20,100}$/.test(token)) return "invalid";
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!found || found.revokedAt || found.user.disabled) return "invalid";
  // Recorded at most once a minute: scripts may call many times a second.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  const { id, email, name, role } = found.user;
  return { id, email, name, role };
}
