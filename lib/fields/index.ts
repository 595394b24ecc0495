/**
 * The field tables by the entity names the history stores (RecordChange.entity), so whatever reads a
 * history row can find the table that names its field.
 */
import { ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import { CASE_FIELDS } from "@/lib/fields/case";
import { CONTACT_FIELDS } from "@/lib/fields/contact";
import type { FieldTable } from "@/lib/fields/define";
import { EVENT_FIELDS } from "@/lib/fields/event";
import { CLAIM_FORM_FIELDS, SOURCE_FIELDS } from "@/lib/fields/source";

export const FIELD_TABLE_BY_ENTITY: Readonly<Record<string, FieldTable>> = {
  Case: CASE_FIELDS,
  CaseEvent: EVENT_FIELDS,
  AdvocacyAction: ADVOCACY_FIELDS,
  Contact: CONTACT_FIELDS,
  Source: SOURCE_FIELDS,
  SourceClaim: CLAIM_FORM_FIELDS,
};
