// npm run db:seed — loads the seed report (once); in demo mode also the demo accounts and synthetic cases.
import { scriptPrismaClient } from "./lib/prisma.ts";
import { loadKeyring } from "../lib/crypto/encryption.ts";
import { seedDatabase } from "../prisma/seed/index.ts";
import { demoEncryptionKeys, withDatabase } from "./lib/demo-database.ts";
import { runScript } from "./lib/run-script.ts";
import { readEnv } from "../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

runScript(() =>
  withDatabase(async (url, demo) => {
    // The same keyring `npm start` gives the app: RW_ENCRYPTION_KEYS, or in demo mode the generated one.
    const keyring = loadKeyring(config.RW_ENCRYPTION_KEYS || (demo ? demoEncryptionKeys() : undefined));
    const db = await scriptPrismaClient(url);
    try {
      const result = await seedDatabase(db, { demo, keyring });
      console.log(
        `Seed: report ${result.report ? "loaded" : "already present"}; ${result.users} demo account(s), ${result.synthetic} synthetic case(s) and ${result.people} synthetic person(s) added.`,
      );
    } finally {
      await db.$disconnect();
    }
  }),
);
