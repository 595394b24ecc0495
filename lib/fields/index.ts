/**
 * The field tables by the entity names the history stores (RecordChange.entity), so whatever reads a
 * history row can find the table that names its field.
 */
import { API_TOKEN_FIELDS, SAVED_VIEW_FIELDS } from "@/lib/fields/account";
import { ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import { CASE_FIELDS } from "@/lib/fields/case";
import { CONTACT_FIELDS } from "@/lib/fields/contact";
import type { FieldTable } from "@/lib/fields/define";
import { EVENT_FIELDS } from "@/lib/fields/event";
import { CLAIM_FORM_FIELDS, SOURCE_FIELDS } from "@/lib/fields/source";
import { USER_FIELDS } from "@/lib/fields/user";
import { TERM_FIELDS } from "@/lib/fields/vocabulary";

export const FIELD_TABLE_BY_ENTITY: Readonly<Record<string, FieldTable>> = {
  Case: CASE_FIELDS,
  CaseEvent: EVENT_FIELDS,
  AdvocacyAction: ADVOCACY_FIELDS,
  Contact: CONTACT_FIELDS,
  Source: SOURCE_FIELDS,
  SourceClaim: CLAIM_FORM_FIELDS,
  VocabularyTerm: TERM_FIELDS,
};

/** Every field table, for checks that each one's words are in every message file. */
export const ALL_FIELD_TABLES: readonly FieldTable[] = [
  ...Object.values(FIELD_TABLE_BY_ENTITY),
  USER_FIELDS,
  API_TOKEN_FIELDS,
  SAVED_VIEW_FIELDS,
];
