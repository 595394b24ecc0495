import "server-only";
import { db } from "@/lib/db";
import { decryptField, encryptField, keyringFromEnv } from "@/lib/crypto/encryption";
import { notFound } from "@/lib/data/errors";
import { changedFields, writeHistory } from "@/lib/data/history";
import { checkVersion, updateAtVersion } from "@/lib/data/versioned";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { CONTACT_COLUMNS, CONTACT_FIELDS } from "@/lib/fields/contact";
import { columnValues, historyFields, selectOf } from "@/lib/fields/define";
import type { CreateContactInput, UpdateContactInput } from "@/lib/validations/contact";

const contactSelect = { id: true, ...selectOf(CONTACT_COLUMNS) } satisfies Prisma.ContactSelect;

/** An advocacy contact; `restricted` is null unless the actor may read contact details. */
export type ContactView = Prisma.ContactGetPayload<{ select: typeof contactSelect }> & {
  restricted: { contactDetails: string | null } | null;
};

export type ContactOption = { id: string; name: string; organisation: string | null };

/**
 * Contacts (not archived) for pickers and filters: names only, so no restricted detail is read or
 * decrypted on pages that only need to choose one. [] for actors without `read:contact:any`.
 */
export async function listContactOptions(actor: Actor): Promise<ContactOption[]> {
  if (!can(actor, "read:contact:any")) return [];
  return db.contact.findMany({
    where: { deletedAt: null },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, organisation: true },
  });
}

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
      contactDetails:
        contactDetailsEnc === null
          ? null
          : decryptField(keyringFromEnv(), "Contact.contactDetailsEnc", contactDetailsEnc),
    },
  }));
}

/** One contact (not archived) with its version, for the edit page; null when absent or not allowed. */
export async function getContact(
  actor: Actor,
  id: string,
): Promise<(ContactView & { version: number; updatedAt: Date }) | null> {
  if (!can(actor, "read:contact:any")) return null;
  const found = await db.contact.findFirst({
    where: { id, deletedAt: null },
    select: { ...contactSelect, version: true, updatedAt: true },
  });
  if (!found) return null;
  if (!can(actor, "read:contact-details:restricted")) return { ...found, restricted: null };
  const { contactDetailsEnc } = await db.contact.findUniqueOrThrow({
    where: { id },
    select: { contactDetailsEnc: true },
  });
  return {
    ...found,
    restricted: {
      contactDetails:
        contactDetailsEnc === null
          ? null
          : decryptField(keyringFromEnv(), "Contact.contactDetailsEnc", contactDetailsEnc),
    },
  };
}

type Change = { field: string; oldValue: string | null; newValue: string | null };

/** The fields whose changes the history records (not the restricted contact details: see the table). */
const HISTORY_FIELDS = historyFields(CONTACT_FIELDS).filter(
  (f): f is Exclude<typeof f, "contactDetails"> => f !== "contactDetails",
);

/** The restricted column's new value, or undefined (leave as is) when the actor may not set it. */
function contactDetailsData(actor: Actor, value: string | undefined): string | null | undefined {
  if (value === undefined || !can(actor, "read:contact-details:restricted")) return undefined;
  return value === "" ? null : encryptField(keyringFromEnv(), "Contact.contactDetailsEnc", value);
}

/**
 * A new contact (editors and up). Contact details are stored encrypted, and only when the actor
 * may read them (staff, admins); editors' submissions of that field are ignored.
 */
export async function createContact(actor: Actor, input: CreateContactInput): Promise<{ id: string }> {
  requirePermission(actor, "write:contact:any");
  return db.$transaction((tx) => createContactInTx(tx, actor, input));
}

/** Inserts a contact and its history row inside the caller's transaction (also used by report intake). */
export async function createContactInTx(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: CreateContactInput,
  reason?: string,
): Promise<{ id: string }> {
  requirePermission(actor, "write:contact:any");
  const details = contactDetailsData(actor, input.contactDetails);
  const c = await tx.contact.create({
    data: { ...columnValues(CONTACT_COLUMNS, input), contactDetailsEnc: details ?? null },
    select: { id: true },
  });
  const changes: Change[] = changedFields({} as Record<string, unknown>, input, HISTORY_FIELDS).filter(
    (c) => c.newValue !== null && c.newValue !== "",
  );
  if (details) changes.push({ field: "contactDetails", oldValue: null, newValue: "(restricted, set)" });
  await writeHistory(tx, { actor, entity: "Contact", entityId: c.id, caseId: null, action: "CREATE", changes, reason });
  return c;
}

/** Saves an edit made on `input.version`; a stale version is refused ("conflict"), nothing changed. */
export async function updateContact(actor: Actor, input: UpdateContactInput): Promise<void> {
  requirePermission(actor, "write:contact:any");
  const current = await db.contact.findFirst({
    where: { id: input.id, deletedAt: null },
    select: {
      id: true,
      version: true,
      ...selectOf(CONTACT_COLUMNS),
      contactDetailsEnc: true,
    },
  });
  if (!current) throw notFound("Contact");
  await checkVersion(db, "Contact", current, input.version);
  const details = contactDetailsData(actor, input.contactDetails);
  const after = {
    name: input.name,
    kind: input.kind,
    organisation: input.organisation,
    role: input.role,
    country: input.country,
    notes: input.notes,
  };
  const changes: Change[] = changedFields(current, after, HISTORY_FIELDS);
  let detailsChanged = false;
  if (details !== undefined) {
    const before =
      current.contactDetailsEnc === null
        ? null
        : decryptField(keyringFromEnv(), "Contact.contactDetailsEnc", current.contactDetailsEnc);
    detailsChanged = before !== (input.contactDetails || null);
    if (detailsChanged)
      changes.push({
        field: "contactDetails",
        oldValue: null,
        newValue: details === null ? "(restricted, cleared)" : "(restricted, changed)",
      });
  }
  if (changes.length === 0) return;
  await db.$transaction(async (tx) => {
    await updateAtVersion(
      tx,
      "Contact",
      { id: current.id, opened: input.version },
      { ...after, ...(detailsChanged ? { contactDetailsEnc: details } : {}) },
      { deletedAt: null },
    );
    await writeHistory(tx, { actor, entity: "Contact", entityId: current.id, caseId: null, action: "UPDATE", changes });
  });
}

/** Archives a contact (soft delete); its past actions keep pointing at it. */
export async function archiveContact(actor: Actor, input: { id: string; version: number }): Promise<void> {
  requirePermission(actor, "write:contact:any");
  const current = await db.contact.findFirst({
    where: { id: input.id, deletedAt: null },
    select: { id: true, version: true },
  });
  if (!current) throw notFound("Contact");
  await checkVersion(db, "Contact", current, input.version);
  await db.$transaction(async (tx) => {
    await updateAtVersion(
      tx,
      "Contact",
      { id: current.id, opened: input.version },
      { deletedAt: new Date() },
      { deletedAt: null },
    );
    await writeHistory(tx, { actor, entity: "Contact", entityId: current.id, caseId: null, action: "ARCHIVE" });
  });
}
