/**
 * npm run keys:rotate — re-encrypts every restricted field under the current encryption key.
 *  - RW_ENCRYPTION_KEYS set (always with DATABASE_URL): used as given. The operator has put the new
 *    key first and kept the old ones after it; once this has run, the old ones can be dropped.
 *  - Demo mode without it: generates a new key, puts it first in the demo keys file (.keys/demo-keys.json; older keys
 *    stay, for decryption), then re-encrypts the demo database.
 * Prints counts only, never a decrypted value. Stop `npm start` first in demo mode: the embedded
 * PostgreSQL and the app's keyring both belong to it.
 */
import { loadKeyring } from "../lib/crypto/encryption.ts";
import { reencryptAll } from "../lib/ops/key-rotation.ts";
import path from "node:path";
import { addDemoEncryptionKey, KEYS_FILE, ROOT, withDatabase } from "./lib/demo-database.ts";
import { scriptPrismaClient } from "./lib/prisma.ts";
import { runScript } from "./lib/run-script.ts";
import { readEnv } from "../lib/env.ts";

/** Settings from the environment, validated (lib/env.ts). */
const config = readEnv();

runScript(() =>
  withDatabase(async (url, demo) => {
    let keys: string;
    if (config.RW_ENCRYPTION_KEYS) {
      keys = config.RW_ENCRYPTION_KEYS;
      console.log(
        `Using RW_ENCRYPTION_KEYS as given: its first key, "${loadKeyring(keys).currentId}", is taken to be the new one.`,
      );
    } else if (demo) {
      // The keys file is written before any value is re-encrypted: the data must never be under a key
      // that is not saved anywhere.
      const added = addDemoEncryptionKey();
      keys = added.keys;
      console.log(
        `Generated key "${added.id}" and put it first in ${path.relative(ROOT, KEYS_FILE)}; the older keys stay there for decryption.`,
      );
    } else {
      throw new Error(
        'RW_ENCRYPTION_KEYS must be set when DATABASE_URL is set: put the new key first and keep the current ones after it, e.g. RW_ENCRYPTION_KEYS="k2:<new key>,k1:<old key>". Generate a key with: openssl rand -base64 32',
      );
    }
    const keyring = loadKeyring(keys);
    const db = await scriptPrismaClient(url);
    try {
      const counts = await reencryptAll(db, keyring);
      for (const [column, { checked, reencrypted }] of Object.entries(counts)) {
        console.log(`  ${column}: ${reencrypted} of ${checked} value(s) re-encrypted`);
      }
      console.log(`Every encrypted value is now under key "${keyring.currentId}".`);
      console.log(
        demo && !config.RW_ENCRYPTION_KEYS
          ? "The next `npm start` uses the new key."
          : "Every app instance must run with this RW_ENCRYPTION_KEYS (one still on the old keyring cannot read the re-encrypted values); after that, the keys after the first may be removed.",
      );
    } finally {
      await db.$disconnect();
    }
  }),
);
