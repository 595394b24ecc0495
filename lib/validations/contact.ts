import { z } from "zod";
import { blank, countryCode, isStorableText, optionalText as optional, recordId, requiredText, textOrEmpty, unstorableMessage, version } from "@/lib/validations/fields";

export const CONTACT_KINDS = {
  LAWMAKER: "Lawmaker",
  GOVERNMENT_OFFICIAL: "Government official",
  NGO: "NGO",
  UN_BODY: "UN body",
  EMBASSY: "Embassy",
  JOURNALIST: "Journalist",
  ACADEMIC: "Academic",
  LAWYER: "Lawyer",
  OTHER: "Other",
} as const;
export type ContactKindValue = keyof typeof CONTACT_KINDS;

const id = recordId("Unknown contact.");
/** An optional text field: empty (after trimming) is stored as null. */
const optionalText = (max: number, label: string) => optional(max, label).transform((v) => v ?? null);

const contactFields = {
  name: requiredText(200, "The name", { missing: "Enter a name." }),
  kind: z.enum(Object.keys(CONTACT_KINDS) as [ContactKindValue, ...ContactKindValue[]], { message: "Choose a kind of contact." }),
  organisation: optionalText(300, "Organisation"),
  role: optionalText(300, "Role"),
  country: z.preprocess(blank, countryCode.optional()).transform((v) => v ?? null),
  notes: textOrEmpty(5000, "The notes"),
  /**
   * Restricted: only staff and admins may set it (the data layer ignores it for everyone else).
   * Absent from the form means "leave unchanged"; an empty string clears it.
   */
  contactDetails: z.string().trim().max(2000, "Contact details are limited to 2,000 characters.").refine(isStorableText, unstorableMessage("The contact details")).optional(),
};

export const createContactSchema = z.object(contactFields);

export const updateContactSchema = z.object({
  ...contactFields,
  id,
  version,
});

export const archiveContactSchema = z.object({ id, version });

export type CreateContactInput = z.infer<typeof createContactSchema>;
export type UpdateContactInput = z.infer<typeof updateContactSchema>;
