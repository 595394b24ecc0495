import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { forbidden, notFound, ruleBroken } from "@/lib/data/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { MAX_ACTIVE_API_TOKENS } from "@/lib/validations/api-token";

type Tx = Prisma.TransactionClient;

/** Audit-log kinds for token changes (the detail names the token, never its secret). */
export const API_TOKEN_AUDIT_KINDS = { created: "api-token-created", revoked: "api-token-revoked" } as const;

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
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!found || found.revokedAt || found.user.disabled) return "invalid";
  // Recorded at most once a minute: scripts may call many times a second.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  const { id, email, name, role } = found.user;
  return { id, email, name, role };
}

/** A token as lists show it: never the secret, nor its hash. */
export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/**
 * Locks the actor's user row for the rest of the transaction, so two concurrent requests cannot
 * both pass a per-user limit (tokens here, saved views too). A deleted or disabled account may not
 * make anything.
 */
export async function lockUserRow(
  tx: Tx,
  actor: NonNullable<Actor>,
  permission: "manage:api-token:own" | "manage:saved-view:own",
): Promise<void> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "User" WHERE id = ${actor.id} AND disabled = false FOR UPDATE`;
  if (rows.length === 0) throw forbidden(permission);
}

async function audit(
  tx: Tx,
  actor: NonNullable<Actor>,
  kind: string,
  token: { id: string; name: string; prefix: string },
) {
  await tx.auditEvent.create({
    data: {
      kind,
      success: true,
      actorId: actor.id,
      actorEmail: actor.email,
      detail: { tokenId: token.id, name: token.name, prefix: token.prefix },
    },
  });
}

/**
 * A new API token for the actor's scripts. The token is returned once, here; only its SHA-256 is
 * stored, with its first characters (`prefix`) so lists can tell tokens apart. At most
 * MAX_ACTIVE_API_TOKENS active tokens per user. Audited in the same transaction (without the token).
 */
export async function createApiToken(
  actor: Actor,
  name: string,
): Promise<{ id: string; token: string; prefix: string }> {
  requirePermission(actor, "manage:api-token:own");
  const owner = actor!;
  // 32 random bytes: 256 bits, unguessable; base64url keeps it safe in headers and shells.
  const token = `rw_${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, 10);
  return db.$transaction(async (tx) => {
    await lockUserRow(tx, owner, "manage:api-token:own");
    const active = await tx.apiToken.count({ where: { userId: owner.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_TOKENS) {
      throw ruleBroken(
        `You already have ${MAX_ACTIVE_API_TOKENS} active tokens, the most allowed. Revoke one you no longer use, then create a new one.`,
      );
    }
    const created = await tx.apiToken.create({
      data: { userId: owner.id, name, tokenHash: hashApiToken(token), prefix },
      select: { id: true },
    });
    await audit(tx, owner, API_TOKEN_AUDIT_KINDS.created, { id: created.id, name, prefix });
    return { id: created.id, token, prefix };
  });
}

/** The actor's own tokens, newest first, revoked ones included (they stay as a record). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  if (!can(actor, "manage:api-token:own")) return [];
  return db.apiToken.findMany({
    where: { userId: actor!.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/**
 * Revokes one of the actor's own tokens: it stops working at once. The row is kept (revokedAt set)
 * so the list and the audit log still explain what the token was. Someone else's token reads as
 * absent ("not-found"). Revoking an already revoked token changes nothing.
 */
export async function revokeApiToken(actor: Actor, id: string): Promise<{ name: string; alreadyRevoked: boolean }> {
  requirePermission(actor, "manage:api-token:own");
  const owner = actor!;
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id, userId: owner.id },
      select: { id: true, name: true, prefix: true },
    });
    if (!token) throw notFound("API token");
    const updated = await tx.apiToken.updateMany({
      where: { id: token.id, userId: owner.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count === 0) return { name: token.name, alreadyRevoked: true };
    await audit(tx, owner, API_TOKEN_AUDIT_KINDS.revoked, token);
    return { name: token.name, alreadyRevoked: false };
  });
}
