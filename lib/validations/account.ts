import { z } from "zod";
import { recordId } from "@/lib/validations/fields";
import { createUserSchema, passwordSchema, ROLES } from "@/lib/validations/user";

const userId = recordId("validation.account.unknownAccount");

/** Admin forms on /admin/users. Creating an account reuses the command line's schema. */
export const adminCreateUserSchema = createUserSchema;
export const changeRoleSchema = z.object({
  userId,
  role: z.enum(ROLES, { message: "validation.account.chooseRole" }),
});
export const setDisabledSchema = z.object({
  userId,
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const resetPasswordSchema = z.object({ userId, password: passwordSchema });
export const signOutEverywhereSchema = z.object({ userId });
