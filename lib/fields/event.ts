/** The fields of an event on a case's timeline (see lib/fields/define.ts). */
import { z } from "zod";
import { DatePrecision, EventType, type Vocabulary } from "@/lib/generated/prisma/enums";
import { defineFields, fieldNames, type FieldSpec } from "@/lib/fields/define";
import { blank, countryCode, isoDay, optionalText, RECORD_ID, textOrEmpty } from "@/lib/validations/fields";

export const EVENT_TYPES = Object.values(EventType) as [EventType, ...EventType[]];
export const PRECISIONS = Object.values(DatePrecision) as [DatePrecision, ...DatePrecision[]];

const nullableText = { type: ["string", "null"] };

/**
 * A research field from a managed vocabulary: the id of one of its terms, for events of the given
 * types only. The API publishes the term's code under `research.<name>`; the timeline filters by
 * `filterParam=<code>`. Whether the term exists, is of this vocabulary and is not retired is checked
 * where the event is written (lib/data/vocabularies.ts), in the writing transaction.
 */
function termField(vocabulary: Vocabulary, appliesTo: readonly EventType[], name: string, filterParam: string) {
  return {
    schema: z.preprocess(blank, z.string().regex(RECORD_ID, "Choose a term from the list.").optional()),
    widget: { kind: "choice" },
    history: true,
    exportColumn: null,
    api: { path: `research.${name}`, schema: { type: ["string", "null"], description: `A ${vocabulary} term code` } },
    sourced: false,
    term: { vocabulary, appliesTo, filterParam },
  } satisfies FieldSpec;
}

export const EVENT_FIELDS = defineFields("event", {
  type: {
    schema: z.enum(EVENT_TYPES, { message: "validation.event.chooseType" }),
    widget: { kind: "select", enumName: "EventType", options: EVENT_TYPES },
    history: true,
    exportColumn: null,
    api: { path: "type", schema: { type: "string", enum: EVENT_TYPES } },
    sourced: false,
  },
  dateEarliest: {
    schema: isoDay("validation.label.dateEarliest"),
    widget: { kind: "date" },
    history: true,
    exportColumn: null,
    api: { path: "dateEarliest", schema: { type: "string", format: "date" } },
    sourced: false,
  },
  dateLatest: {
    schema: z.preprocess(blank, isoDay("validation.label.dateLatest").optional()),
    widget: { kind: "date" },
    hint: true,
    history: true,
    exportColumn: null,
    api: { path: "dateLatest", schema: { type: "string", format: "date" } },
    sourced: false,
  },
  precision: {
    schema: z.enum(PRECISIONS, { message: "validation.event.choosePrecision" }),
    widget: { kind: "select", enumName: "DatePrecision", options: PRECISIONS },
    history: true,
    exportColumn: null,
    api: { path: "precision", schema: { type: "string", enum: PRECISIONS } },
    sourced: false,
  },
  dateWording: {
    schema: optionalText(300, "validation.label.reportedWording"),
    widget: { kind: "text" },
    maxLength: 300,
    hint: true,
    history: true,
    exportColumn: null,
    api: { path: "dateWording", schema: nullableText },
    sourced: false,
  },
  authority: {
    schema: optionalText(300, "validation.label.authority"),
    widget: { kind: "text" },
    maxLength: 300,
    history: true,
    exportColumn: null,
    api: { path: "authority", schema: nullableText },
    sourced: false,
  },
  country: {
    schema: z.preprocess(blank, countryCode.optional()),
    widget: { kind: "text" },
    maxLength: 2,
    history: true,
    exportColumn: null,
    api: { path: "place.country", schema: nullableText },
    sourced: false,
  },
  province: {
    schema: optionalText(120, "validation.label.province"),
    widget: { kind: "text" },
    maxLength: 120,
    history: true,
    exportColumn: null,
    api: { path: "place.province", schema: nullableText },
    sourced: false,
  },
  cityArea: {
    schema: optionalText(200, "validation.label.city"),
    widget: { kind: "text" },
    maxLength: 200,
    history: true,
    exportColumn: null,
    api: { path: "place.city", schema: nullableText },
    sourced: false,
  },
  arrestSettingId: termField("ARREST_SETTING", ["ARRESTED"], "arrestSetting", "arrestSetting"),
  arrestingBodyId: termField("ARRESTING_BODY", ["ARRESTED"], "arrestingBody", "arrestingBody"),
  facilityId: termField("DETENTION_FACILITY", ["DETAINED", "TRANSFERRED"], "facility", "facility"),
  crossingId: termField("HANDOVER_CROSSING", ["REPATRIATED"], "crossing", "crossing"),
  receivingAgencyId: termField("RECEIVING_AGENCY", ["REPATRIATED"], "receivingAgency", "agency"),
  outcomeId: termField("RETURN_OUTCOME", ["OUTCOME_REPORTED"], "outcome", "outcome"),
  description: {
    schema: textOrEmpty(5000, "validation.label.description"),
    widget: { kind: "textarea", rows: 2 },
    maxLength: 5000,
    history: true,
    exportColumn: null,
    api: { path: "description", schema: { type: "string" } },
    sourced: false,
  },
  // The description in the other language (docs/decisions/016); the language of `description` is detected.
  descriptionAlt: {
    schema: textOrEmpty(5000, "The translated account").optional(),
    widget: { kind: "textarea", rows: 2 },
    maxLength: 5000,
    hint: true,
    history: true,
    exportColumn: null,
    api: { path: "descriptionAlt", schema: { type: "string" } },
    sourced: false,
  },
  reason: {
    schema: optionalText(2000, "validation.label.reason"),
    widget: { kind: "text" },
    maxLength: 2000,
    history: false,
    exportColumn: null,
    api: null,
    sourced: false,
    formOnly: true,
  },
});

export type EventFieldName = keyof typeof EVENT_FIELDS.fields;

/** The event's own columns among its fields (the form-only reason for a change is not one). */
export const EVENT_COLUMNS = fieldNames(EVENT_FIELDS).filter(
  (n): n is Exclude<EventFieldName, "reason"> => !(EVENT_FIELDS.fields[n] as FieldSpec).formOnly,
);

/** The event's research fields, each a term of a managed vocabulary, in declaration order. */
export const EVENT_TERM_FIELDS = EVENT_COLUMNS.filter((n) => (EVENT_FIELDS.fields[n] as FieldSpec).term) as (
  "arrestSettingId" | "arrestingBodyId" | "facilityId" | "crossingId" | "receivingAgencyId" | "outcomeId"
)[];
export type EventTermField = (typeof EVENT_TERM_FIELDS)[number];

/** A research field's vocabulary, the event types it applies to and its filter parameter. */
export function termSpec(name: EventTermField): {
  vocabulary: Vocabulary;
  appliesTo: readonly EventType[];
  filterParam: string;
} {
  return EVENT_FIELDS.fields[name].term as {
    vocabulary: Vocabulary;
    appliesTo: readonly EventType[];
    filterParam: string;
  };
}

/** The research fields an event of this type takes. */
export function termFieldsFor(type: EventType | string): EventTermField[] {
  return EVENT_TERM_FIELDS.filter((n) => (termSpec(n).appliesTo as readonly string[]).includes(type));
}

/** The relation each research field's id column belongs to ("crossingId" → "crossing"). */
export const termRelation = (name: EventTermField) => name.slice(0, -2) as RelationOf<EventTermField>;
type RelationOf<N extends string> = N extends `${infer R}Id` ? R : never;
