import { z } from "zod";
import { isStorableText, unstorableMessage } from "@/lib/validations/fields";

/** The sign-in form, shared by the login page and the credentials provider. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "validation.auth.enterEmail")
    .max(320, "validation.auth.emailTooLong")
    .email("validation.account.validEmail")
    .refine(isStorableText, unstorableMessage("validation.label.email")),
  password: z
    .string()
    .min(1, "validation.auth.enterPassword")
    .max(1024, "validation.auth.passwordTooLong")
    .refine(isStorableText, unstorableMessage("validation.label.password")),
});

export type SignInInput = z.infer<typeof signInSchema>;
