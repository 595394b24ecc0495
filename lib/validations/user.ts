import { z } from "zod";

export const ROLES = ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"] as const;

/** A new account, as given to `npm run user:create` (and, later, the admin pages). */
export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(320, "Email is too long.").email("Enter a valid email address."),
  name: z.string().trim().min(1, "Enter a name.").max(200, "Name is too long."),
  role: z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}.` }),
  password: z.string().min(12, "Password must be at least 12 characters.").max(1024, "Password is too long."),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
