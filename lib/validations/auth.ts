import { z } from "zod";

/** The sign-in form, shared by the login page and the credentials provider. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320, "That email address is too long.").email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});

export type SignInInput = z.infer<typeof signInSchema>;
