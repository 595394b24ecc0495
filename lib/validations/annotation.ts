import { z } from "zod";

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

const body = z.string().trim().min(1, "Write a note.").max(5000, "Notes are limited to 5,000 characters.");
const id = z.string().regex(/^[a-z0-9]{20,40}$/i, "Unknown record.");

/** An optional form field: an empty string means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const createAnnotationSchema = z.object({
  caseCode: z.string().regex(/^[A-Z]{2,3}-\d{4}-\d{4}$/, "Unknown case."),
  eventId: optional(id),
  field: optional(z.enum(Object.keys(ANNOTATABLE_FIELDS) as [AnnotatableField, ...AnnotatableField[]], { message: "Unknown field." })),
  body,
});

export const replyAnnotationSchema = z.object({ annotationId: id, body });

export const resolveAnnotationSchema = z.object({
  annotationId: id,
  version: z.coerce.number().int().min(1, "Missing version."),
});

export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;
