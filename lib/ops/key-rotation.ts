/**
 * Key rotation: re-encrypts every restricted field that is not under the keyring's current key, so
 * that older keys can afterwards be removed from RW_ENCRYPTION_KEYS. Used by `npm run keys:rotate`.
 */
import type { Db } from "../db/create.ts";
import {
  decryptField,
  ENCRYPTED_COLUMNS,
  encryptField,
  keyIdOf,
  type EncryptedColumn,
  type Keyring,
} from "../crypto/encryption.ts";

export type RotationCounts = Record<EncryptedColumn, { checked: number; reencrypted: number }>;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const PERSON_COLUMNS = ["realNameEnc", "realNameAltEnc", "contactDetailsEnc", "exactAddressEnc"] as const;

/** Returns `stored` under the current key, or null when it already is; counts it either way. */
function rotated(
  keyring: Keyring,
  column: EncryptedColumn,
  stored: string,
  row: string,
  counts: RotationCounts,
): string | null {
  counts[column].checked++;
  try {
    if (keyIdOf(stored) === keyring.currentId) return null;
    const value = encryptField(keyring, column, decryptField(keyring, column, stored));
    counts[column].reencrypted++;
    return value;
  } catch (error) {
    // Names the row so the operator can find it; the message below it never carries plaintext.
    throw new Error(`${column} of ${row}: ${(error as Error).message}. Nothing was re-encrypted.`);
  }
}

/**
 * Re-encrypts every `…Enc` value (archived rows included: an old key must not be needed for them
 * either) that is not under `keyring`'s current key, all in one transaction: a value that cannot
 * be decrypted (unknown key, altered) aborts the whole rotation and changes nothing. Returns how
 * many values each column held and how many were re-encrypted, and records the rotation in AuditEvent.
 */
export async function reencryptAll(db: Db, keyring: Keyring): Promise<RotationCounts> {
  return db.$transaction(
    async (tx: Tx) => {
      // Holds off concurrent writes to these tables until the commit, so no value written meanwhile
      // is overwritten with an older one; reads go on.
      await tx.$executeRaw`LOCK TABLE "Person", "Contact" IN SHARE ROW EXCLUSIVE MODE`;
      const counts = Object.fromEntries(
        ENCRYPTED_COLUMNS.map((c) => [c, { checked: 0, reencrypted: 0 }]),
      ) as RotationCounts;

      const people = await tx.person.findMany({
        where: { OR: PERSON_COLUMNS.map((column) => ({ [column]: { not: null } })) },
        select: {
          id: true,
          updatedAt: true,
          realNameEnc: true,
          realNameAltEnc: true,
          contactDetailsEnc: true,
          exactAddressEnc: true,
        },
      });
      for (const person of people) {
        const data: Partial<Record<(typeof PERSON_COLUMNS)[number], string>> = {};
        for (const column of PERSON_COLUMNS) {
          const stored = person[column];
          if (stored === null) continue;
          const value = rotated(keyring, `Person.${column}`, stored, `Person ${person.id}`, counts);
          if (value !== null) data[column] = value;
        }
        // Re-encryption is not an edit: the row keeps its updatedAt and version.
        if (Object.keys(data).length > 0)
          await tx.person.update({ where: { id: person.id }, data: { ...data, updatedAt: person.updatedAt } });
      }

      const contacts = await tx.contact.findMany({
        where: { contactDetailsEnc: { not: null } },
        select: { id: true, updatedAt: true, contactDetailsEnc: true },
      });
      for (const contact of contacts) {
        const value = rotated(
          keyring,
          "Contact.contactDetailsEnc",
          contact.contactDetailsEnc as string,
          `Contact ${contact.id}`,
          counts,
        );
        if (value !== null)
          await tx.contact.update({
            where: { id: contact.id },
            data: { contactDetailsEnc: value, updatedAt: contact.updatedAt },
          });
      }

      await tx.auditEvent.create({
        data: {
          kind: "encryption-keys-rotated",
          success: true,
          detail: { currentKeyId: keyring.currentId, keyIds: [...keyring.ids], counts },
        },
      });
      return counts;
    },
    // Every encrypted value in one transaction: allow for a large database.
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
