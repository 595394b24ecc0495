/**
 * Who may do what. Permissions are named `action:entity:scope`; the data layer and every server
 * action check them through `can`/`requirePermission`, never through a proxy alone.
 */
import { forbidden } from "@/lib/data/errors";
import type { Role, Visibility } from "@/lib/generated/prisma/enums";

/**
 * The acting user as the data layer sees it; `null` is a visitor who is not signed in. `locale` is
 * their saved interface language, if any (read with the session, lib/i18n/request.ts).
 */
export type Actor = { id: string; email: string; name: string; role: Role; locale?: string | null } | null;

export const PERMISSIONS = {
  // Cases, by visibility level. Non-visible records read as absent (404), never 403.
  "read:case:public": ["VISITOR", "RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  "read:case:internal": ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  "read:case:restricted": ["STAFF", "ADMIN"],
  /** Make a case PUBLIC (after previewing what visitors will see) or take it back. */
  "publish:case:any": ["EDITOR", "STAFF", "ADMIN"],
  // People in a case: pseudonymous details for the people working the case; identities for staff.
  "read:person:any": ["EDITOR", "STAFF", "ADMIN"],
  /** Real names, contact details and exact addresses of people (encrypted at rest). */
  "read:person-identity:restricted": ["STAFF", "ADMIN"],
  // Advocacy.
  "read:contact:any": ["EDITOR", "STAFF", "ADMIN"],
  /** Contact details of advocacy contacts (encrypted at rest). */
  "read:contact-details:restricted": ["STAFF", "ADMIN"],
  "read:advocacy:any": ["EDITOR", "STAFF", "ADMIN"],
  // Annotations: staff write and resolve them; editors read and reply; nobody else sees them.
  "read:annotation:any": ["EDITOR", "STAFF", "ADMIN"],
  "create:annotation:any": ["STAFF", "ADMIN"],
  "reply:annotation:any": ["EDITOR", "STAFF", "ADMIN"],
  "resolve:annotation:any": ["STAFF", "ADMIN"],
  /** A case's change history (who changed what, when, why). */
  "read:history:case": ["EDITOR", "STAFF", "ADMIN"],
  // Writing cases and what hangs off them (issue 4).
  "create:case:any": ["EDITOR", "STAFF", "ADMIN"],
  "update:case:any": ["EDITOR", "STAFF", "ADMIN"],
  "archive:case:any": ["EDITOR", "STAFF", "ADMIN"],
  "write:event:any": ["EDITOR", "STAFF", "ADMIN"],
  "write:source:any": ["EDITOR", "STAFF", "ADMIN"],
  "write:contact:any": ["EDITOR", "STAFF", "ADMIN"],
  "write:advocacy:any": ["EDITOR", "STAFF", "ADMIN"],
  /** Bring cases in from a spreadsheet (creates and updates many cases at once, issue 16). */
  "import:case:any": ["EDITOR", "STAFF", "ADMIN"],
  // Researchers' own tools (issue 5): tokens for scripts calling the API, and named filters.
  "manage:api-token:own": ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  "manage:saved-view:own": ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  /** The interface language kept on one's own account (lib/data/preferences.ts). */
  "manage:language:own": ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  // Administration.
  "manage:user:any": ["ADMIN"],
  "read:audit:any": ["ADMIN"],
  /** Add, rename, translate, merge and retire the research vocabularies' terms (issue 17). */
  "manage:vocabulary:any": ["ADMIN"],
  /** Everything at once (issue 16): every record with its history, as JSON Lines in a ZIP. */
  "export:all:any": ["ADMIN"],
} as const satisfies Record<string, readonly (Role | "VISITOR")[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleOf(actor: Actor): Role | "VISITOR" {
  return actor?.role ?? "VISITOR";
}

export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(roleOf(actor));
}

/** Throws the data layer's "forbidden" refusal unless the actor has `permission`. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(permission);
}

/** The case visibilities an actor may read. */
export function visibleCaseLevels(actor: Actor): Visibility[] {
  const levels: Visibility[] = ["PUBLIC"];
  if (can(actor, "read:case:internal")) levels.push("INTERNAL");
  if (can(actor, "read:case:restricted")) levels.push("RESTRICTED");
  return levels;
}
