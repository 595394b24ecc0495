/**
 * The fields of a case: its form, its history, its export columns, its API object and which fields a
 * source can back all come from here (see lib/fields/define.ts; docs/adding-a-field.md).
 */
import { z } from "zod";
import { CaseStatus, Priority, Verification } from "@/lib/generated/prisma/enums";
import { compositionFields } from "@/lib/fields/case-composition";
import { defineFields, fieldNames, type FieldSpec } from "@/lib/fields/define";
import { countryCode, optionalCount, optionalText, requiredText, textOrEmpty } from "@/lib/validations/fields";

export const CASE_STATUSES = Object.values(CaseStatus) as [CaseStatus, ...CaseStatus[]];
export const VERIFICATIONS = Object.values(Verification) as [Verification, ...Verification[]];
export const PRIORITIES = Object.values(Priority) as [Priority, ...Priority[]];
/** Cases are created and edited as internal or restricted; making one public goes through the preview. */
export const EDITABLE_VISIBILITIES = ["INTERNAL", "RESTRICTED"] as const;
/** A record's text language as a form offers it: detect from the text, or say which (decision 016). */
export const TEXT_LANG_CHOICES = ["auto", "ko", "en"] as const;

const int = { type: "integer" };
const nullableInt = { type: ["integer", "null"] };
const nullableText = { type: ["string", "null"] };

export const CASE_FIELDS = defineFields("case", {
  title: {
    form: { section: "case", wide: true },
    schema: requiredText(300, "validation.label.title", { min: 3, missing: "validation.case.titleRequired" }),
    widget: { kind: "text" },
    maxLength: 300,
    history: true,
    exportColumn: "title",
    api: { path: "title", schema: { type: "string" } },
    sourced: false,
  },
  summary: {
    form: { section: "case", wide: true },
    schema: textOrEmpty(10000, "validation.label.summary"),
    widget: { kind: "textarea", rows: 4 },
    maxLength: 10000,
    history: true,
    exportColumn: null,
    api: { path: "summary", schema: { type: "string" } },
    sourced: false,
  },
  // Records in two languages (docs/decisions/016): title and summary as written, the language they are
  // written in ("auto" detects it from the text when saved), and the same in the other language.
  lang: {
    form: { section: "case" },
    schema: z.enum(TEXT_LANG_CHOICES, { message: "Choose Korean, English or detect." }).default("auto"),
    widget: { kind: "select", enumName: "TextLang", options: TEXT_LANG_CHOICES },
    hint: true,
    history: true,
    exportColumn: "lang",
    api: { path: "lang", schema: { type: "string", enum: ["ko", "en"] } },
    sourced: false,
  },
  titleAlt: {
    form: { section: "case", wide: true },
    schema: optionalText(300, "The title in the other language"),
    widget: { kind: "text" },
    maxLength: 300,
    hint: true,
    history: true,
    exportColumn: "title_alt",
    api: { path: "titleAlt", schema: nullableText },
    sourced: false,
  },
  summaryAlt: {
    form: { section: "case", wide: true },
    schema: textOrEmpty(10000, "The summary in the other language"),
    widget: { kind: "textarea", rows: 3 },
    maxLength: 10000,
    hint: true,
    history: true,
    exportColumn: null,
    api: { path: "summaryAlt", schema: { type: "string" } },
    sourced: false,
  },
  status: {
    form: { section: "case", editOnly: true },
    schema: z.enum(CASE_STATUSES, { message: "validation.common.chooseStatus" }),
    widget: { kind: "select", enumName: "CaseStatus", options: CASE_STATUSES },
    hint: true,
    history: true,
    exportColumn: "status",
    api: { path: "status", schema: { type: "string", enum: CASE_STATUSES } },
    sourced: true,
  },
  verification: {
    form: { section: "case" },
    schema: z.enum(VERIFICATIONS, { message: "validation.case.chooseVerification" }),
    widget: { kind: "select", enumName: "Verification", options: VERIFICATIONS },
    history: true,
    exportColumn: "verification",
    api: { path: "verification", schema: { type: "string", enum: VERIFICATIONS } },
    sourced: true,
  },
  priority: {
    form: { section: "case" },
    schema: z.enum(PRIORITIES, { message: "validation.case.choosePriority" }),
    widget: { kind: "select", enumName: "Priority", options: PRIORITIES },
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  visibility: {
    form: { section: "case" },
    schema: z.enum(EDITABLE_VISIBILITIES, { message: "validation.case.chooseVisibility" }),
    widget: { kind: "select", enumName: "Visibility", options: EDITABLE_VISIBILITIES },
    hint: true,
    history: true,
    // Whether a case is published is internal knowledge: the export and the API add it for signed-in readers only.
    exportColumn: null,
    api: null,
    sourced: false,
  },
  sizeMin: {
    form: { section: "groupSize" },
    schema: z.coerce
      .number({ message: "validation.case.sizeMinNumber" })
      .int("validation.case.sizeMinWhole")
      .min(1, "validation.case.sizeMinAtLeastOne")
      .max(100000, "validation.case.sizeMinTooLarge"),
    widget: { kind: "number" },
    history: true,
    exportColumn: "size_min",
    api: { path: "size.min", schema: int },
    sourced: true,
  },
  sizeBest: {
    form: { section: "groupSize" },
    schema: optionalCount("validation.label.sizeBest"),
    widget: { kind: "number" },
    history: true,
    exportColumn: "size_best",
    api: { path: "size.best", schema: nullableInt },
    sourced: true,
  },
  sizeMax: {
    form: { section: "groupSize" },
    schema: optionalCount("validation.label.sizeMax"),
    widget: { kind: "number" },
    history: true,
    exportColumn: "size_max",
    api: { path: "size.max", schema: nullableInt },
    sourced: true,
  },
  sizeWording: {
    form: { section: "groupSize" },
    schema: optionalText(300, "validation.label.reportedWording"),
    widget: { kind: "text" },
    maxLength: 300,
    hint: true,
    history: true,
    exportColumn: "size_wording",
    api: { path: "size.wording", schema: nullableText },
    sourced: false,
  },
  familyInSouthMin: {
    form: { section: "groupSize" },
    schema: optionalCount("validation.label.familyInSouthMin"),
    widget: { kind: "number" },
    history: true,
    exportColumn: null,
    api: null,
    sourced: true,
  },
  familyInSouthMax: {
    form: { section: "groupSize" },
    schema: optionalCount("validation.label.familyInSouthMax"),
    widget: { kind: "number" },
    history: true,
    exportColumn: null,
    api: null,
    sourced: true,
  },
  askedForHelpMin: {
    form: { section: "groupSize" },
    schema: optionalCount("validation.label.askedForHelpMin"),
    widget: { kind: "number" },
    history: true,
    exportColumn: null,
    api: null,
    sourced: true,
  },
  askedForHelpMax: {
    form: { section: "groupSize" },
    schema: optionalCount("validation.label.askedForHelpMax"),
    widget: { kind: "number" },
    history: true,
    exportColumn: null,
    api: null,
    sourced: true,
  },
  ...compositionFields(),
  country: {
    form: { section: "place" },
    schema: countryCode,
    widget: { kind: "text" },
    maxLength: 2,
    hint: true,
    history: true,
    exportColumn: "country",
    api: { path: "place.country", schema: { type: "string" } },
    sourced: true,
  },
  province: {
    form: { section: "place" },
    schema: optionalText(120, "validation.label.province"),
    widget: { kind: "text" },
    maxLength: 120,
    history: true,
    exportColumn: "province",
    api: { path: "place.province", schema: nullableText },
    sourced: true,
  },
  cityArea: {
    form: { section: "place" },
    schema: optionalText(200, "validation.label.city"),
    widget: { kind: "text" },
    maxLength: 200,
    history: true,
    exportColumn: "city",
    api: { path: "place.city", schema: nullableText },
    sourced: true,
  },
  tags: {
    form: { section: "case" },
    schema: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(",")
              .map((t) => t.trim().toLowerCase())
              .filter(Boolean)
          : (v ?? []),
      z
        .array(
          z
            .string()
            .max(40, "validation.case.tagTooLong")
            .regex(/^[a-z0-9][a-z0-9 _-]*$/, "validation.case.tagCharacters"),
        )
        .max(20, "validation.case.tooManyTags"),
    ),
    widget: { kind: "tags" },
    hint: true,
    history: true,
    exportColumn: "tags",
    api: { path: "tags", schema: { type: "array", items: { type: "string" } } },
    sourced: false,
  },
  reason: {
    form: { section: "change", editOnly: true, wide: true },
    schema: optionalText(2000, "validation.label.reason"),
    widget: { kind: "text" },
    maxLength: 2000,
    hint: true,
    history: false,
    exportColumn: null,
    api: null,
    sourced: false,
    formOnly: true,
  },
});

export type CaseFieldName = keyof typeof CASE_FIELDS.fields;

/** The fields a new case is created with: all but those only an edit shows (the status, the reason for a change). */
export const CASE_CREATE_FIELDS = fieldNames(CASE_FIELDS).filter(
  (n): n is Exclude<CaseFieldName, "status" | "reason"> => !(CASE_FIELDS.fields[n] as FieldSpec).form?.editOnly,
);

/** The case's own columns among its fields (the form-only reason for a change is not one). */
export const CASE_COLUMNS = fieldNames(CASE_FIELDS).filter(
  (n): n is Exclude<CaseFieldName, "reason"> => !(CASE_FIELDS.fields[n] as FieldSpec).formOnly,
);
