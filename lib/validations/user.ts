import { z } from "zod";
import { passwordEmailProblem } from "@/lib/auth/password-policy";
import { schemaOf } from "@/lib/fields/define";
import { addProblems, USER_FIELDS } from "@/lib/fields/user";

export { passwordSchema, passwordSchemaFor, ROLES } from "@/lib/fields/user";

/** A new account, as given to `npm run user:create` and the admin pages: from the field table. */
export const createUserSchema = schemaOf(USER_FIELDS)
  // The field checks the rest of the policy; only here are the email and password seen together.
  .superRefine((input, ctx) => {
    if (typeof input.email !== "string" || typeof input.password !== "string") return;
    const problem = passwordEmailProblem(input.password, input.email);
    if (problem) addProblems(ctx, [problem], ["password"]);
  });

export type CreateUserInput = z.infer<typeof createUserSchema>;
