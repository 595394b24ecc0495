import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";

/** The account the seed (and imports run from the command line) write as; the history names it. */
export const SYSTEM_ACCOUNT = { email: "system@refoulement-watch.invalid", name: "System (seed and imports)" } as const;

/**
 * The system actor, creating its account on first use: an admin that cannot sign in (disabled, a
 * password hash nothing matches, marked isSystem so the admin pages neither list nor change it).
 * Writing as an actor rather than around the data layer means the seed gets the same history rows,
 * derived fields and checks as everyone else.
 */
export async function systemActorInTx(tx: Prisma.TransactionClient): Promise<NonNullable<Actor>> {
  return tx.user.upsert({
    where: { email: SYSTEM_ACCOUNT.email },
    create: { ...SYSTEM_ACCOUNT, role: "ADMIN", disabled: true, isSystem: true, passwordHash: "!" },
    update: {},
    select: { id: true, email: true, name: true, role: true },
  });
}
