import { z } from "zod";

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

const id = z.string().regex(/^[a-z0-9]{20,40}$/i, "Unknown contact.");
/** An optional text field: empty (after trimming) means "not given". */
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is limited to ${max.toLocaleString("en")} characters.`).optional().transform((v) => (v ? v : null));

const contactFields = {
  name: z.string({ message: "Enter a name." }).trim().min(1, "Enter a name.").max(200, "Names are limited to 200 characters."),
  kind: z.enum(Object.keys(CONTACT_KINDS) as [ContactKindValue, ...ContactKindValue[]], { message: "Choose a kind of contact." }),
  organisation: optionalText(300, "Organisation"),
  role: optionalText(300, "Role"),
  country: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || /^[A-Z]{2}$/.test(v), "Use the two-letter country code (e.g. KR, CN, CH)."),
  notes: z.string().trim().max(5000, "Notes are limited to 5,000 characters.").optional().transform((v) => v ?? ""),
  /**
   * Restricted: only staff and admins may set it (the data layer ignores it for everyone else).
   * Absent from the form means "leave unchanged"; an empty string clears it.
   */
  contactDetails: z.string().trim().max(2000, "Contact details are limited to 2,000 characters.").optional(),
};

export const createContactSchema = z.object(contactFields);

export const updateContactSchema = z.object({
  ...contactFields,
  id,
  version: z.coerce.number({ message: "Missing version." }).int().min(1, "Missing version."),
});

export const archiveContactSchema = z.object({
  id,
  version: z.coerce.number({ message: "Missing version." }).int().min(1, "Missing version."),
});

export type CreateContactInput = z.infer<typeof createContactSchema>;
export type UpdateContactInput = z.infer<typeof updateContactSchema>;
