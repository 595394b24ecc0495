import { z } from "zod";
import { caseCode, recordId, requiredText, version } from "@/lib/validations/fields";

/** Case fields a note can be attached to; their labels are in the messages (`annotation.fields`). */
export const ANNOTATABLE_FIELDS = [
  "sizeMin",
  "status",
  "place",
  "familyInSouth",
  "askedForHelp",
  "composition",
  "verification",
] as const;

export type AnnotatableField = (typeof ANNOTATABLE_FIELDS)[number];

/**
 * The id of the place on a case page where a note sits, so a link can go straight to it: the field's
 * row, the event, or the case notes for a note on the whole case.
 */
export function annotationAnchor(target: { field: string | null; eventId: string | null }): string {
  if (target.field) return `field-${target.field}`;
  if (target.eventId) return `event-${target.eventId}`;
  return "case-notes";
}

const body = requiredText(5000, "validation.label.note", { missing: "validation.annotation.writeNote" });
const id = recordId("validation.common.unknownRecord");

/** An optional form field: an empty string means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const createAnnotationSchema = z.object({
  caseCode: caseCode(),
  eventId: optional(id),
  field: optional(z.enum(ANNOTATABLE_FIELDS, { message: "validation.common.unknownField" })),
  body,
});

export const replyAnnotationSchema = z.object({ annotationId: id, body });

export const resolveAnnotationSchema = z.object({
  annotationId: id,
  version,
});

export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;
