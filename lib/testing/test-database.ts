/** Helpers for integration tests: a Prisma client on the test database and unique names. */
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/create-prisma";

export function testDb() {
  return createPrismaClient(process.env.TEST_DATABASE_URL as string);
}

/** A short random suffix so each test's records are its own. */
export function unique(prefix = "t"): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

/** A case code no seed or other test uses: TST-<year>-<4 digits>. */
export function uniqueCaseCode(): string {
  return `TST-${2000 + Math.floor(Math.random() * 99)}-${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}`;
}
