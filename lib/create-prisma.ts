import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Builds a Prisma client on the pg driver adapter (Prisma 7's Rust-free client, so no native
 * engine is downloaded). The app's single instance lives in lib/db.ts; scripts and tests make their own.
 */
export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
