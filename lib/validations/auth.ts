import { z } from "zod";
import { isStorableText, unstorableMessage } from "@/lib/validations/fields";

/** The sign-in form, shared by the login page and the credentials provider. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(320, "That email address is too long.")
    .email("Enter a valid email address.")
    .refine(isStorableText, unstorableMessage("The email")),
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(1024, "That password is too long.")
    .refine(isStorableText, unstorableMessage("The password")),
});

export type SignInInput = z.infer<typeof signInSchema>;
