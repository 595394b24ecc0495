import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";

/**
 * For pages that need a permission: visitors are sent to sign in; signed-in users without the
 * permission get 404, so the page's existence tells them nothing.
 */
export async function requirePagePermission(permission: Permission, path: string): Promise<NonNullable<Actor>> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(actor, permission)) notFound();
  return actor;
}
