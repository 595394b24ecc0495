// npm run db:seed — loads the seed report (once); in demo mode also the demo accounts and synthetic cases.
import { scriptPrismaClient } from "./lib/prisma.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { withDatabase } from "./lib/demo-database.ts";
import { runScript } from "./lib/run-script.ts";

runScript(() =>
  withDatabase(async (url, demo) => {
    const db = await scriptPrismaClient(url);
    try {
      const result = await seedDatabase(db, { demo });
      console.log(
        `Seed: report ${result.report ? "loaded" : "already present"}; ${result.users} demo account(s) and ${result.synthetic} synthetic case(s) added.`,
      );
    } finally {
      await db.$disconnect();
    }
  }),
);
