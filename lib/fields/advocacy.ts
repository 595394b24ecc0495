/** The fields of an advocacy action (see lib/fields/define.ts). */
import { z } from "zod";
import { ActionKind, ActionResponse, ActionStatus } from "@/lib/generated/prisma/enums";
import { defineFields, fieldNames } from "@/lib/fields/define";
import { calendarDay, optionalCalendarDay, recordId, requiredText, textOrEmpty } from "@/lib/validations/fields";

export const ACTION_KINDS = Object.values(ActionKind) as [ActionKind, ...ActionKind[]];
export const ACTION_RESPONSES = Object.values(ActionResponse) as [ActionResponse, ...ActionResponse[]];
export const ACTION_STATUSES = Object.values(ActionStatus) as [ActionStatus, ...ActionStatus[]];

export const ADVOCACY_FIELDS = defineFields("advocacy", {
  contactId: {
    schema: recordId("validation.advocacy.chooseContact"),
    widget: { kind: "choice" },
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  kind: {
    schema: z.enum(ACTION_KINDS, { message: "validation.common.chooseActionKind" }),
    widget: { kind: "select", enumName: "ActionKind", options: ACTION_KINDS },
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  date: {
    schema: calendarDay("validation.advocacy.enterDate"),
    widget: { kind: "date" },
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  followUpDue: {
    schema: optionalCalendarDay,
    widget: { kind: "date" },
    hint: true,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  response: {
    schema: z.enum(ACTION_RESPONSES, { message: "validation.advocacy.chooseResponse" }),
    widget: { kind: "select", enumName: "ActionResponse", options: ACTION_RESPONSES },
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  status: {
    schema: z.enum(ACTION_STATUSES, { message: "validation.common.chooseStatus" }),
    widget: { kind: "select", enumName: "ActionStatus", options: ACTION_STATUSES },
    hint: true,
    history: true,
    exportColumn: null,
    api: null,
    sourced: false,
  },
  askedFor: {
    schema: requiredText(2000, "validation.label.askedFor", { missing: "validation.common.sayAskedFor" }),
    widget: { kind: "textarea", rows: 3 },
    maxLength: 2000,
    history: true,
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

/** An advocacy action's columns: every field of its table. */
export const ADVOCACY_COLUMNS = fieldNames(ADVOCACY_FIELDS);
