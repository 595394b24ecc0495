import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Keeps the interface language on the actor's own account, so that signing in from another browser
 * (no language cookie there) shows it. Only ever the actor's own row; not history-worthy (no record).
 */
export async function saveUserLocale(actor: Actor, locale: Locale): Promise<void> {
  requirePermission(actor, "manage:language:own");
  await db.user.update({ where: { id: actor!.id }, data: { locale }, select: { id: true } });
}
