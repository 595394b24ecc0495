import "server-only";
import { db } from "@/lib/db";
import { caseVisibleTo } from "@/lib/data/visibility";
import {
  decryptField,
  encryptField,
  keyringFromEnv,
  type EncryptedColumn,
  type Keyring,
} from "@/lib/crypto/encryption";
import { writeHistory } from "@/lib/data/history";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Sex } from "@/lib/generated/prisma/enums";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";

const personSelect = {
  id: true,
  alias: true,
  aliasAlt: true,
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
  realNameAltEnc: true,
  contactDetailsEnc: true,
  exactAddressEnc: true,
} satisfies Prisma.PersonSelect;

/** A person's identity, decrypted; a field is null when it was never recorded. */
export type PersonIdentity = {
  realName: string | null;
  /** The real name in the other script (박선영 / Park Sun-young): as restricted, and encrypted, as the name. */
  realNameAlt?: string | null;
  contactDetails: string | null;
  exactAddress: string | null;
};

/** A person in a case; `restricted` is null unless the actor may read identities. */
export type PersonView = Prisma.PersonGetPayload<{ select: typeof personSelect }> & {
  restricted: PersonIdentity | null;
};

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
  return people.map(({ realNameEnc, realNameAltEnc, contactDetailsEnc, exactAddressEnc, ...p }) => ({
    ...p,
    restricted: {
      realName: open("Person.realNameEnc", realNameEnc),
      realNameAlt: open("Person.realNameAltEnc", realNameAltEnc),
      contactDetails: open("Person.contactDetailsEnc", contactDetailsEnc),
      exactAddress: open("Person.exactAddressEnc", exactAddressEnc),
    },
  }));
}

/**
 * Adds a person to a case with their restricted details encrypted under `keyring` (the app's, or the
 * one a seed or an import will run with). The history names the record only: restricted values never
 * go into it.
 */
export async function createPersonInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  caseId: string,
  input: {
    alias: string;
    /** The pseudonym in the other language ("여성 A" / "Woman A"). */
    aliasAlt?: string | null;
    sex: Sex;
    ageMin: number | null;
    ageMax: number | null;
    relation: string | null;
    restricted: PersonIdentity;
  },
  keyring: Keyring,
  reason?: string,
): Promise<{ id: string }> {
  requirePermission(actor, "read:person-identity:restricted");
  const seal = (column: EncryptedColumn, value: string | null) =>
    value === null ? null : encryptField(keyring, column, value);
  const person = await tx.person.create({
    data: {
      caseId,
      alias: input.alias,
      aliasAlt: input.aliasAlt ?? null,
      sex: input.sex,
      ageMin: input.ageMin,
      ageMax: input.ageMax,
      relation: input.relation,
      realNameEnc: seal("Person.realNameEnc", input.restricted.realName),
      realNameAltEnc: seal("Person.realNameAltEnc", input.restricted.realNameAlt ?? null),
      contactDetailsEnc: seal("Person.contactDetailsEnc", input.restricted.contactDetails),
      exactAddressEnc: seal("Person.exactAddressEnc", input.restricted.exactAddress),
    },
    select: { id: true },
  });
  await writeHistory(tx, { actor, entity: "Person", entityId: person.id, caseId, action: "CREATE", reason });
  return person;
}
