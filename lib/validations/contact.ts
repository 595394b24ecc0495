import { z } from "zod";
import { CONTACT_FIELDS } from "@/lib/fields/contact";
import { schemaOf } from "@/lib/fields/define";
import { recordId, version } from "@/lib/validations/fields";

export { CONTACT_KINDS } from "@/lib/fields/contact";
export type ContactKindValue = (typeof import("@/lib/fields/contact").CONTACT_KINDS)[number];

const id = recordId("validation.contact.unknownContact");

export const createContactSchema = schemaOf(CONTACT_FIELDS);

export const updateContactSchema = createContactSchema.extend({ id, version });

export const archiveContactSchema = z.object({ id, version });

export type CreateContactInput = z.infer<typeof createContactSchema>;
export type UpdateContactInput = z.infer<typeof updateContactSchema>;
