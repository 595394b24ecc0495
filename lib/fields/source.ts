/** The fields of a captured report and of a quote taken from it (see lib/fields/define.ts). */
import { messageKey } from "@/lib/i18n/message-key";
import { z } from "zod";
import { CASE_FIELDS, type CaseFieldName } from "@/lib/fields/case";
import { defineFields, sourcedFields } from "@/lib/fields/define";
import {
  blank,
  isStorableText,
  normalizeLineBreaks,
  optionalText,
  publishedDay,
  RECORD_ID,
  requiredText,
  unstorableMessage,
  webUrl,
} from "@/lib/validations/fields";

export const MAX_SOURCE_TEXT = 1_000_000;
export const MAX_QUOTE = 5000;
export const CLAIM_TARGETS = ["CASE", "EVENT", "FIELD"] as const;

/** Case fields a quote can back: the sourced fields of the case's field table. */
export const CLAIM_FIELD_NAMES = sourcedFields(CASE_FIELDS) as [CaseFieldName, ...CaseFieldName[]];

/** Text exactly as pasted (only line breaks normalised), within `max`. */
const pasted = (max: number, empty: string, label: string, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? normalizeLineBreaks(v) : ""),
    z
      .string()
      .refine((s) => s.trim().length > 0, empty)
      .refine((s) => s.length <= max, tooLong)
      .refine((s) => isStorableText(s), unstorableMessage(label)),
  );

const none = { history: false, exportColumn: null, api: null, sourced: false } as const;

export const SOURCE_FIELDS = defineFields("source", {
  url: { ...none, schema: webUrl, widget: { kind: "text", type: "url" }, maxLength: 2000, hint: true },
  outlet: { ...none, schema: requiredText(300, "validation.label.outlet"), widget: { kind: "text" }, maxLength: 300 },
  title: { ...none, schema: requiredText(500, "validation.label.title"), widget: { kind: "text" }, maxLength: 500 },
  author: { ...none, schema: optionalText(300, "validation.label.author"), widget: { kind: "text" }, maxLength: 300 },
  language: {
    ...none,
    schema: z.preprocess(
      // Left blank, the language is detected from the text when the source is captured (decision 016).
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      z
        .string()
        .max(16, "validation.source.languageCodeShort")
        .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "validation.source.languageCode")
        .optional(),
    ),
    widget: { kind: "text" },
    maxLength: 16,
    hint: true,
  },
  publishedAt: { ...none, schema: publishedDay, widget: { kind: "date" }, hint: true },
  text: {
    ...none,
    schema: pasted(
      MAX_SOURCE_TEXT,
      "validation.common.pasteReportText",
      "validation.label.text",
      messageKey("validation.source.textTooLong", { max: MAX_SOURCE_TEXT }),
    ),
    widget: { kind: "textarea", rows: 12 },
    maxLength: MAX_SOURCE_TEXT,
    hint: true,
  },
  supersedesId: {
    ...none,
    schema: z.preprocess(blank, z.string().regex(RECORD_ID, "validation.source.unknownSource").optional()),
    widget: { kind: "choice" },
  },
});

export const CLAIM_FORM_FIELDS = defineFields("claim", {
  sourceId: {
    ...none,
    schema: z.string({ message: "validation.source.chooseSource" }).regex(RECORD_ID, "validation.source.chooseSource"),
    widget: { kind: "choice" },
  },
  target: {
    ...none,
    schema: z.enum(CLAIM_TARGETS, { message: "validation.source.chooseTarget" }),
    widget: { kind: "select", enumName: "ClaimTarget", options: CLAIM_TARGETS },
  },
  field: {
    ...none,
    schema: z.preprocess(
      blank,
      z.enum(CLAIM_FIELD_NAMES, { message: "validation.source.chooseFieldFromList" }).optional(),
    ),
    widget: { kind: "choice" },
  },
  value: {
    ...none,
    schema: optionalText(300, "validation.label.value"),
    widget: { kind: "text" },
    maxLength: 300,
    hint: true,
  },
  eventId: {
    ...none,
    schema: z.preprocess(blank, z.string().regex(RECORD_ID, "validation.source.chooseAnEvent").optional()),
    widget: { kind: "choice" },
  },
  quote: {
    ...none,
    schema: z.preprocess(
      (v) => (typeof v === "string" ? normalizeLineBreaks(v) : ""),
      z
        .string()
        .trim()
        .min(1, "validation.source.copyPassage")
        .max(MAX_QUOTE, messageKey("validation.source.quoteTooLong", { max: MAX_QUOTE }))
        .refine((s) => isStorableText(s), unstorableMessage("validation.label.quote")),
    ),
    widget: { kind: "textarea", rows: 4 },
    maxLength: MAX_QUOTE,
    hint: true,
  },
});
