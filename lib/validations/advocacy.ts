import { z } from "zod";
import { caseCode, recordId, requiredText, textOrEmpty, version } from "@/lib/validations/fields";

export const ACTION_KINDS = {
  APPEAL: "Appeal",
  PETITION: "Petition",
  MEETING: "Meeting",
  LETTER: "Letter",
  PRESS_STATEMENT: "Press statement",
  UN_COMMUNICATION: "UN communication",
  CONFIDENTIAL_CONTACT: "Confidential contact",
} as const;
export const ACTION_RESPONSES = { NO_RESPONSE: "No response", DENIED: "Denied", PLEDGED: "Pledged", ACTED: "Acted" } as const;
export const ACTION_STATUSES = {
  PLANNED: "Planned",
  SENT: "Sent",
  AWAITING_RESPONSE: "Awaiting response",
  FOLLOW_UP_NEEDED: "Follow-up needed",
  CLOSED: "Closed",
} as const;

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
const keys = <T extends object>(o: T) => Object.keys(o) as Keys<T>;

/** A calendar day typed as YYYY-MM-DD (what <input type="date"> sends), as midnight UTC. */
function day(missing: string) {
  return z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01.")
    .transform((v, ctx) => {
      const d = new Date(`${v}T00:00:00.000Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        ctx.addIssue({ code: "custom", message: "This date does not exist." });
        return z.NEVER;
      }
      return d;
    })
    .refine((d) => d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100, "Enter a date between 1990 and 2100.");
}
const optionalDay = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), day("Enter a date.").optional());

const fields = {
  contactId: recordId("Choose a contact."),
  kind: z.enum(keys(ACTION_KINDS), { message: "Choose the kind of action." }),
  date: day("Enter the date of the action."),
  askedFor: requiredText(2000, "What was asked for", { missing: "Say what was asked for." }),
  response: z.enum(keys(ACTION_RESPONSES), { message: "Choose a response." }),
  status: z.enum(keys(ACTION_STATUSES), { message: "Choose a status." }),
  followUpDue: optionalDay,
  notes: textOrEmpty(5000, "The notes"),
};

const followUpAfterDate = <T extends { date: Date; followUpDue?: Date }>(v: T, ctx: z.RefinementCtx) => {
  if (v.followUpDue && v.followUpDue < v.date) ctx.addIssue({ code: "custom", path: ["followUpDue"], message: "The follow-up cannot be before the action's date." });
};

export const createAdvocacySchema = z
  .object({ caseCode: caseCode(), ...fields })
  .superRefine(followUpAfterDate);

export const updateAdvocacySchema = z
  .object({
    id: recordId("Unknown action."),
    version,
    ...fields,
  })
  .superRefine(followUpAfterDate);

export type CreateAdvocacyInput = z.infer<typeof createAdvocacySchema>;
export type UpdateAdvocacyInput = z.infer<typeof updateAdvocacySchema>;
export type AdvocacyFields = Omit<CreateAdvocacyInput, "caseCode">;
