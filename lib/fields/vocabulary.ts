/** The fields of a term of a managed vocabulary (see lib/fields/define.ts, docs/decisions/017). */
import { z } from "zod";
import { Vocabulary } from "@/lib/generated/prisma/enums";
import { defineFields } from "@/lib/fields/define";
import { blank, optionalText, requiredText, textOrEmpty } from "@/lib/validations/fields";

export const VOCABULARIES = Object.values(Vocabulary) as [Vocabulary, ...Vocabulary[]];

/** A term's stable short name: lower-case letters, digits and hyphens ("dandong-sinuiju"). */
export const TERM_CODE = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

const coordinate = (label: string, limit: number) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ message: `${label} must be a number.` })
      .min(-limit, `${label} is between -${limit} and ${limit}.`)
      .max(limit, `${label} is between -${limit} and ${limit}.`)
      .optional(),
  );

const plainUrl = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .max(2000, "The address is limited to 2,000 characters.")
    .regex(/^https?:\/\/\S+$/i, "Use a web address starting with http:// or https://.")
    .optional(),
);

export const TERM_FIELDS = defineFields("vocabularyTerm", {
  vocabulary: {
    schema: z.enum(VOCABULARIES, { message: "Choose a vocabulary." }),
    widget: { kind: "select", enumName: "Vocabulary", options: VOCABULARIES },
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  code: {
    schema: z
      .string({ message: "Enter a short code." })
      .trim()
      .toLowerCase()
      .regex(TERM_CODE, "Use lower-case letters, digits and hyphens, e.g. dandong-sinuiju (at most 80)."),
    widget: { kind: "text", plain: true, code: true },
    maxLength: 80,
    hint: true,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  labelEn: {
    schema: requiredText(200, "The English label", { missing: "Enter the English label." }),
    widget: { kind: "text" },
    maxLength: 200,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  labelKo: {
    schema: optionalText(200, "The Korean label"),
    widget: { kind: "text" },
    maxLength: 200,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  definition: {
    schema: textOrEmpty(4000, "The definition"),
    widget: { kind: "textarea", rows: 3 },
    maxLength: 4000,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  sourceCitation: {
    schema: optionalText(1000, "The source of the definition"),
    widget: { kind: "text" },
    maxLength: 1000,
    hint: true,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  sourceUrl: {
    schema: plainUrl,
    widget: { kind: "text", type: "url", plain: true },
    maxLength: 2000,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  placeName: {
    schema: optionalText(200, "The place"),
    widget: { kind: "text" },
    maxLength: 200,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  latitude: {
    schema: coordinate("Latitude", 90),
    widget: { kind: "text" },
    maxLength: 12,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  longitude: {
    schema: coordinate("Longitude", 180),
    widget: { kind: "text" },
    maxLength: 12,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
});

/** What a term's edit form changes (rename, translate, define, place). */
export const TERM_EDIT_FIELDS = [
  "labelEn",
  "labelKo",
  "definition",
  "sourceCitation",
  "sourceUrl",
  "placeName",
  "latitude",
  "longitude",
] as const;
