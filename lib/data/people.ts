import "server-only";
import { db } from "@/lib/db";
import { caseVisibleTo } from "@/lib/data/visibility";
import { decryptField, keyringFromEnv, type EncryptedColumn } from "@/lib/crypto/encryption";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";

const personSelect = {
  id: true,
  alias: true,
  sex: true,
  ageMin: true,
  ageMax: true,
  relation: true,
} satisfies Prisma.PersonSelect;

// Only ever added to the query for actors allowed to read identities: for everyone else the
// ciphertext does not leave the database.
const identitySelect = {
  ...personSelect,
  realNameEnc: true,
  contactDetailsEnc: true,
  exactAddressEnc: true,
} satisfies Prisma.PersonSelect;

/** A person's identity, decrypted; a field is null when it was never recorded. */
export type PersonIdentity = { realName: string | null; contactDetails: string | null; exactAddress: string | null };

/** A person in a case; `restricted` is null unless the actor may read identities. */
export type PersonView = Prisma.PersonGetPayload<{ select: typeof personSelect }> & { restricted: PersonIdentity | null };

/** Decrypts a nullable column value. */
function open(column: EncryptedColumn, stored: string | null): string | null {
  return stored === null ? null : decryptField(keyringFromEnv(), column, stored);
}

/**
 * The people in a case, pseudonymous details only, or [] when the actor may not see the case or
 * its people. Identities are fetched and decrypted only for actors holding
 * `read:person-identity:restricted`.
 */
export async function listPeopleForCase(actor: Actor, caseCode: string): Promise<PersonView[]> {
  if (!can(actor, "read:person:any")) return [];
  const where: Prisma.PersonWhereInput = { deletedAt: null, case: { ...caseVisibleTo(actor), code: caseCode } };
  const orderBy: Prisma.PersonOrderByWithRelationInput[] = [{ alias: "asc" }, { createdAt: "asc" }];
  if (!can(actor, "read:person-identity:restricted")) {
    const people = await db.person.findMany({ where, orderBy, select: personSelect });
    return people.map((p) => ({ ...p, restricted: null }));
  }
  const people = await db.person.findMany({ where, orderBy, select: identitySelect });
  return people.map(({ realNameEnc, contactDetailsEnc, exactAddressEnc, ...p }) => ({
    ...p,
    restricted: {
      realName: open("Person.realNameEnc", realNameEnc),
      contactDetails: open("Person.contactDetailsEnc", contactDetailsEnc),
      exactAddress: open("Person.exactAddressEnc", exactAddressEnc),
    },
  }));
}
