import { z } from "zod";
import { caseCode, recordId, requiredText, version } from "@/lib/validations/fields";

/** Case fields a note can be attached to, with the label the case page shows. */
export const ANNOTATABLE_FIELDS = {
  sizeMin: "Group size",
  status: "Status",
  place: "Place",
  familyInSouth: "With family in South Korea",
  askedForHelp: "Asked for help",
  verification: "Verification",
} as const;

export type AnnotatableField = keyof typeof ANNOTATABLE_FIELDS;

const body = requiredText(5000, "The note", { missing: "Write a note." });
const id = recordId("Unknown record.");

/** An optional form field: an empty string means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const createAnnotationSchema = z.object({
  caseCode: caseCode(),
  eventId: optional(id),
  field: optional(z.enum(Object.keys(ANNOTATABLE_FIELDS) as [AnnotatableField, ...AnnotatableField[]], { message: "Unknown field." })),
  body,
});

export const replyAnnotationSchema = z.object({ annotationId: id, body });

export const resolveAnnotationSchema = z.object({
  annotationId: id,
  version,
});

export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;
