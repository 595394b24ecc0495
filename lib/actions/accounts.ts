"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getActor } from "@/lib/auth";
import { changeUserRole, createUserAccount, resetUserPassword, setUserDisabled, signOutEverywhere } from "@/lib/data/accounts";
import { can } from "@/lib/permissions";
import {
  adminCreateUserSchema,
  changeRoleSchema,
  resetPasswordSchema,
  setDisabledSchema,
  signOutEverywhereSchema,
} from "@/lib/validations/account";
import { fieldErrors, formValues, NOT_ALLOWED, NOT_SIGNED_IN, refusal, submittedForm, type ActionState } from "@/lib/actions/action-state";

/**
 * The shape of every admin action: session and role first (so a refused user learns nothing about
 * the input), then parse, then the data layer (which checks the permission again).
 */
async function adminAction<S extends z.ZodType>(
  previous: ActionState | FormData,
  formData: FormData | undefined,
  schema: S,
  run: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>, input: z.infer<S>) => Promise<void>,
  success: string,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return NOT_SIGNED_IN;
  if (!can(actor, "manage:user:any")) return NOT_ALLOWED;
  const values = formValues(submittedForm(previous, formData));
  const parsed = schema.safeParse(values);
  // Never echo passwords back into the page.
  const safeValues = { ...values, password: "" };
  if (!parsed.success) return { status: "invalid", message: "Check the highlighted fields.", errors: fieldErrors(parsed.error), values: safeValues };
  try {
    await run(actor, parsed.data);
  } catch (error) {
    return refusal(error, safeValues);
  }
  revalidatePath("/admin/users");
  revalidatePath("/admin/audit");
  return { status: "ok", message: success };
}

export async function createUserAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, adminCreateUserSchema, async (actor, input) => { await createUserAccount(actor, input); }, "Account created.");
}

export async function changeRoleAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, changeRoleSchema, changeUserRole, "Role changed; the user's sessions were ended.");
}

export async function setDisabledAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, setDisabledSchema, setUserDisabled, "Saved; a disabled user is signed out on their next request.");
}

export async function resetPasswordAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, resetPasswordSchema, resetUserPassword, "Password reset; the user's sessions were ended.");
}

export async function signOutEverywhereAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, signOutEverywhereSchema, signOutEverywhere, "All of the user's sessions were ended.");
}
