/** Helpers for integration tests: a Prisma client on the test database and unique names. */
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/create";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";

export function testDb() {
  return createPrismaClient(process.env.TEST_DATABASE_URL as string);
}

/** A short random suffix so each test's records are its own. */
export function unique(prefix = "t"): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

/**
 * A real user row (for tables with a foreign key to User), returned as the data layer's actor.
 * `db` is the test's client from testDb().
 */
export async function createTestUser(
  db: ReturnType<typeof testDb>,
  role: Role = "RESEARCHER",
): Promise<NonNullable<Actor>> {
  const u = await db.user.create({
    data: { email: `${unique(role.toLowerCase())}@example.org`, name: `${role} ${unique()}`, role, passwordHash: "x" },
  });
  return { id: u.id, email: u.email, name: u.name, role };
}

/** A case code no seed or other test uses: TST-<year>-<4 digits>. */
export function uniqueCaseCode(): string {
  return `TST-${2000 + Math.floor(Math.random() * 99)}-${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}`;
}
