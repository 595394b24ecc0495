import { z } from "zod";
import { passwordEmailProblem, passwordProblems } from "../auth/password-policy";
import { isStorableText, requiredText, unstorableMessage } from "./fields";

export const ROLES = ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"] as const;

function addProblems(ctx: z.RefinementCtx, problems: string[], path?: string[]) {
  for (const message of problems) ctx.addIssue({ code: "custom", message, ...(path ? { path } : {}) });
}

/**
 * A new password: length and the common-password list. A form that knows the account's email should
 * use passwordSchemaFor(email) instead, which also refuses the email.
 */
export const passwordSchema = z.string().refine(isStorableText, unstorableMessage("The password")).superRefine((password, ctx) => addProblems(ctx, passwordProblems(password)));

/** A new password for the account with this email (e.g. an admin's "reset password" form): the whole policy. */
export function passwordSchemaFor(email: string) {
  return z.string().superRefine((password, ctx) => addProblems(ctx, passwordProblems(password, { email })));
}

/** A new account, as given to `npm run user:create` (and, later, the admin pages). */
export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(320, "Email is too long.").email("Enter a valid email address.").refine(isStorableText, unstorableMessage("The email")),
    name: requiredText(200, "The name", { missing: "Enter a name." }),
    role: z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}.` }),
    password: passwordSchema,
  })
  // The field checks the rest of the policy; only here are the email and password seen together.
  .superRefine((input, ctx) => {
    if (typeof input.email !== "string" || typeof input.password !== "string") return;
    const problem = passwordEmailProblem(input.password, input.email);
    if (problem) addProblems(ctx, [problem], ["password"]);
  });

export type CreateUserInput = z.infer<typeof createUserSchema>;
