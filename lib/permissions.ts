/**
 * Who may do what. Permissions are named `action:entity:scope`; the data layer and every server
 * action check them through `can`/`requirePermission`, never through a proxy alone.
 */
import type { Role, Visibility } from "@/lib/generated/prisma/enums";

/** The acting user as the data layer sees it; `null` is a visitor who is not signed in. */
export type Actor = { id: string; email: string; name: string; role: Role } | null;

export const PERMISSIONS = {
  "read:case:public": ["VISITOR", "RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  "read:case:internal": ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  "read:case:restricted": ["STAFF", "ADMIN"],
  "read:contact:any": ["EDITOR", "STAFF", "ADMIN"],
  "read:advocacy:any": ["EDITOR", "STAFF", "ADMIN"],
} as const satisfies Record<string, readonly (Role | "VISITOR")[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleOf(actor: Actor): Role | "VISITOR" {
  return actor?.role ?? "VISITOR";
}

export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(roleOf(actor));
}

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`Not allowed: ${permission}`);
    this.name = "ForbiddenError";
  }
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}

/** The case visibilities an actor may read. */
export function visibleCaseLevels(actor: Actor): Visibility[] {
  const levels: Visibility[] = ["PUBLIC"];
  if (can(actor, "read:case:internal")) levels.push("INTERNAL");
  if (can(actor, "read:case:restricted")) levels.push("RESTRICTED");
  return levels;
}
