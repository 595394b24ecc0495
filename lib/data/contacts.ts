import "server-only";
import { db } from "@/lib/db";
import { decryptField, keyringFromEnv } from "@/lib/crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/permissions";

const contactSelect = {
  id: true,
  name: true,
  kind: true,
  organisation: true,
  role: true,
  country: true,
  notes: true,
} satisfies Prisma.ContactSelect;

/** An advocacy contact; `restricted` is null unless the actor may read contact details. */
export type ContactView = Prisma.ContactGetPayload<{ select: typeof contactSelect }> & {
  restricted: { contactDetails: string | null } | null;
};

/**
 * The advocacy contacts (not archived), by name, or [] for actors without `read:contact:any`.
 * Contact details are fetched and decrypted only for actors holding `read:contact-details:restricted`.
 */
export async function listContacts(actor: Actor): Promise<ContactView[]> {
  if (!can(actor, "read:contact:any")) return [];
  const where: Prisma.ContactWhereInput = { deletedAt: null };
  const orderBy: Prisma.ContactOrderByWithRelationInput[] = [{ name: "asc" }, { createdAt: "asc" }];
  if (!can(actor, "read:contact-details:restricted")) {
    const contacts = await db.contact.findMany({ where, orderBy, select: contactSelect });
    return contacts.map((c) => ({ ...c, restricted: null }));
  }
  // Ciphertext is selected only on this branch, for actors allowed to read it.
  const contacts = await db.contact.findMany({ where, orderBy, select: { ...contactSelect, contactDetailsEnc: true } });
  return contacts.map(({ contactDetailsEnc, ...c }) => ({
    ...c,
    restricted: {
      contactDetails: contactDetailsEnc === null ? null : decryptField(keyringFromEnv(), "Contact.contactDetailsEnc", contactDetailsEnc),
    },
  }));
}
