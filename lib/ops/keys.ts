/**
 * After a restore: are the keys for the backup's encrypted values at hand? Backups never hold keys
 * (docs/decisions/006 and 010), so the operator supplies them; this says which key ids are needed
 * and tries one value under each with the keyring found, without printing any value.
 */
import pg from "pg";
import { decryptField, ENCRYPTED_COLUMNS, type Keyring } from "../crypto/encryption.ts";
import { ident } from "./catalog.ts";

export type KeyCheck = {
  id: string;
  values: number;
  status: "decrypts" | "missing" | "does-not-decrypt" | "no-keyring";
};

/** For each key id the backup's values are under: whether `keyring` has it and decrypts a value with it. */
export async function checkRestoredKeys(
  connectionString: string,
  keyIds: Record<string, number>,
  keyring: Keyring | null,
): Promise<KeyCheck[]> {
  const checks: KeyCheck[] = [];
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const [id, values] of Object.entries(keyIds).sort()) {
      if (!keyring) {
        checks.push({ id, values, status: "no-keyring" });
        continue;
      }
      if (!keyring.key(id)) {
        checks.push({ id, values, status: "missing" });
        continue;
      }
      let status: KeyCheck["status"] = "decrypts";
      for (const column of ENCRYPTED_COLUMNS) {
        const [table, field] = column.split(".");
        const { rows } = await client.query<{ v: string }>(
          `SELECT ${ident(field)} AS v FROM ${ident(table)} WHERE split_part(${ident(field)}, ':', 3) = $1 LIMIT 1`,
          [id],
        );
        if (rows.length === 0) continue;
        try {
          decryptField(keyring, column, rows[0].v);
        } catch {
          status = "does-not-decrypt";
        }
      }
      checks.push({ id, values, status });
    }
  } finally {
    await client.end();
  }
  return checks;
}
