"use server";
import { revalidatePath } from "next/cache";
import {
  changeUserRole,
  createUserAccount,
  resetUserPassword,
  setUserDisabled,
  signOutEverywhere,
} from "@/lib/data/accounts";
import {
  adminCreateUserSchema,
  changeRoleSchema,
  resetPasswordSchema,
  setDisabledSchema,
  signOutEverywhereSchema,
} from "@/lib/validations/account";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

/** Every admin form: manage:user:any, passwords never echoed, the admin pages revalidated. */
function adminAction<S extends Parameters<typeof runFormAction>[2]["schema"]>(
  previous: ActionState | FormData,
  formData: FormData | undefined,
  schema: S,
  run: (
    actor: Parameters<Parameters<typeof runFormAction<S>>[2]["run"]>[0],
    input: Parameters<Parameters<typeof runFormAction<S>>[2]["run"]>[1],
  ) => Promise<string>,
) {
  return runFormAction(previous, formData, {
    permission: "manage:user:any",
    schema,
    secret: ["password"],
    run: async (actor, input) => {
      const message = await run(actor, input);
      revalidatePath("/admin/users");
      revalidatePath("/admin/audit");
      return message;
    },
  });
}

export async function createUserAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, adminCreateUserSchema, async (actor, input) => {
    await createUserAccount(actor, input);
    return "actions.accountCreated";
  });
}

export async function changeRoleAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, changeRoleSchema, async (actor, input) => {
    await changeUserRole(actor, input);
    return "actions.roleChanged";
  });
}

export async function setDisabledAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, setDisabledSchema, async (actor, input) => {
    await setUserDisabled(actor, input);
    return "actions.userSaved";
  });
}

export async function resetPasswordAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return adminAction(previous, formData, resetPasswordSchema, async (actor, input) => {
    await resetUserPassword(actor, input);
    return "actions.passwordReset";
  });
}

export async function signOutEverywhereAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return adminAction(previous, formData, signOutEverywhereSchema, async (actor, input) => {
    await signOutEverywhere(actor, input);
    return "actions.sessionsEnded";
  });
}
