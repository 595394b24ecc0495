/** The fields of an advocacy contact (see lib/fields/define.ts). */
import { z } from "zod";
import { ContactKind } from "@/lib/generated/prisma/enums";
import { defineFields, fieldNames } from "@/lib/fields/define";
import {
  blank,
  countryCode,
  isStorableText,
  optionalText,
  requiredText,
  textOrEmpty,
  unstorableMessage,
} from "@/lib/validations/fields";

export const CONTACT_KINDS = Object.values(ContactKind) as [ContactKind, ...ContactKind[]];

/** Empty (after trimming) is stored as null. */
const nullableText = (max: number, label: string) => optionalText(max, label).transform((v) => v ?? null);

export const CONTACT_FIELDS = defineFields("contact", {
  name: {
    schema: requiredText(200, "validation.label.name", { missing: "validation.common.enterName" }),
    widget: { kind: "text" },
    maxLength: 200,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  kind: {
    schema: z.enum(CONTACT_KINDS, { message: "validation.common.chooseContactKind" }),
    widget: { kind: "select", enumName: "ContactKind", options: CONTACT_KINDS },
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  organisation: {
    schema: nullableText(300, "validation.label.organisation"),
    widget: { kind: "text" },
    maxLength: 300,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  role: {
    schema: nullableText(300, "validation.label.role"),
    widget: { kind: "text" },
    maxLength: 300,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  country: {
    schema: z.preprocess(blank, countryCode.optional()).transform((v) => v ?? null),
    widget: { kind: "text" },
    maxLength: 2,
    hint: true,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  /**
   * Restricted: only staff and admins may set it (the data layer ignores it for everyone else), and the
   * history records that it changed, never its value. Absent from the form means "leave unchanged";
   * an empty string clears it.
   */
  contactDetails: {
    schema: z
      .string()
      .trim()
      .max(2000, "validation.contact.detailsTooLong")
      .refine(isStorableText, unstorableMessage("validation.label.contactDetails"))
      .optional(),
    widget: { kind: "textarea", rows: 2 },
    maxLength: 2000,
    hint: true,
    history: false,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  notes: {
    schema: textOrEmpty(5000, "validation.label.notes"),
    widget: { kind: "textarea", rows: 3 },
    maxLength: 5000,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
});

/** A contact's plain columns: every field but the contact details, which are stored encrypted (contactDetailsEnc). */
export const CONTACT_COLUMNS = fieldNames(CONTACT_FIELDS).filter(
  (n): n is Exclude<keyof typeof CONTACT_FIELDS.fields, "contactDetails"> => n !== "contactDetails",
);
