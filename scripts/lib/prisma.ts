/**
 * A Prisma client for command-line scripts. The generated client (lib/generated, git-ignored) does
 * not exist on a fresh clone, so it is generated first and only then imported: a static import
 * would fail before any script code could run.
 */
import { generatePrismaClient } from "./prepare.ts";

export async function scriptPrismaClient(connectionString: string) {
  await generatePrismaClient();
  const { createPrismaClient } = await import("../../lib/db/create.ts");
  return createPrismaClient(connectionString);
}
