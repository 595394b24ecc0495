/** The fields of an account, as the admin pages and `npm run user:create` take them (see lib/fields/define.ts). */
import { z } from "zod";
import { passwordProblems } from "@/lib/auth/password-policy";
import { defineFields } from "@/lib/fields/define";
import { isStorableText, requiredText, unstorableMessage } from "@/lib/validations/fields";

export const ROLES = ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"] as const;

export function addProblems(ctx: z.RefinementCtx, problems: string[], path?: string[]) {
  for (const message of problems) ctx.addIssue({ code: "custom", message, ...(path ? { path } : {}) });
}

/**
 * A new password: length and the common-password list. A form that knows the account's email should
 * use passwordSchemaFor(email) instead, which also refuses the email.
 */
export const passwordSchema = z
  .string()
  .refine(isStorableText, unstorableMessage("validation.label.password"))
  .superRefine((password, ctx) => addProblems(ctx, passwordProblems(password)));

/** A new password for the account with this email (e.g. an admin's "reset password" form): the whole policy. */
export function passwordSchemaFor(email: string) {
  return z.string().superRefine((password, ctx) => addProblems(ctx, passwordProblems(password, { email })));
}

const none = { history: false, exportColumn: null, api: null, sourced: false } as const;

export const USER_FIELDS = defineFields("user", {
  email: {
    ...none,
    schema: z
      .string()
      .trim()
      .toLowerCase()
      .max(320, "validation.account.emailTooLong")
      .email("validation.account.validEmail")
      .refine(isStorableText, unstorableMessage("validation.label.email")),
    widget: { kind: "text", type: "email" },
    maxLength: 320,
  },
  name: {
    ...none,
    schema: requiredText(200, "validation.label.name", { missing: "validation.common.enterName" }),
    widget: { kind: "text" },
    maxLength: 200,
  },
  role: {
    ...none,
    schema: z.enum(ROLES, { message: "validation.account.chooseRole" }),
    widget: { kind: "select", enumName: "Role", options: ROLES },
  },
  password: { ...none, schema: passwordSchema, widget: { kind: "text", type: "password" }, maxLength: 1024 },
});
