import "server-only";
import { createPrismaClient, type Db } from "@/lib/db/create";
import { env } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: Db };

function client(): Db {
  // Created on first use, not at import: `next build` loads modules without a database configured.
  // The statement timeout bounds what one request can cost PostgreSQL under load (issue 12).
  globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL, {
    statementTimeoutMs: env().RW_STATEMENT_TIMEOUT_MS,
  });
  return globalForPrisma.prisma;
}

/** The one Prisma client. Only lib/data/* may import it: pages and routes go through the data layer. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const c = client();
    const value = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
