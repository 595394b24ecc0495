"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import {
  changeRoleAction,
  createUserAction,
  resetPasswordAction,
  setDisabledAction,
  signOutEverywhereAction,
} from "@/lib/actions/accounts";
import { ROLES, USER_FIELDS } from "@/lib/fields/user";
import { FormStatus } from "@/components/ui/form-status";
import { ErrorSummary } from "@/components/ui/error-summary";
import {
  button,
  EnumOptions,
  Field,
  IDLE,
  input,
  SubmitButton,
  TableField,
  useKeepInputSubmit,
  useResetOnSuccess,
} from "@/components/ui/form-fields";

/** Create an account. A refused form keeps every value as typed, the role included (never the password). */
export function CreateUserForm() {
  const t = useTranslations("userForms");
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  const ref = useResetOnSuccess(state);
  const onSubmit = useKeepInputSubmit(action);
  const id = useId();
  return (
    <form
      ref={ref}
      action={action}
      onSubmit={onSubmit}
      noValidate
      className="grid max-w-3xl gap-3 rounded border border-stone-300 bg-white p-4 sm:grid-cols-2"
      aria-label={t("createLabel")}
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{t("createHeading")}</h2>
      <div className="sm:col-span-2">
        <ErrorSummary state={state} label={t("createStatus")} />
      </div>
      <TableField table={USER_FIELDS} name="email" state={state} idPrefix={id} />
      <TableField table={USER_FIELDS} name="name" state={state} idPrefix={id} />
      <TableField table={USER_FIELDS} name="role" state={state} idPrefix={id} value="RESEARCHER" />
      <TableField table={USER_FIELDS} name="password" state={state} idPrefix={id} label={t("initialPassword")} />
      <div className="sm:col-span-2">
        <SubmitButton
          pending={pending}
          className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** The per-account controls on one row of the users table. */
export function UserActions({ user }: { user: { id: string; email: string; role: string; disabled: boolean } }) {
  const t = useTranslations("userForms");
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, IDLE);
  const [disableState, disableAction, disablePending] = useActionState(setDisabledAction, IDLE);
  const [signOutState, signOutAction, signOutPending] = useActionState(signOutEverywhereAction, IDLE);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, IDLE);
  const id = useId();
  const who = { email: user.email };
  return (
    <div className="space-y-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`${id}-role`} className="sr-only">
          {t("roleOf", who)}
        </label>
        <select
          id={`${id}-role`}
          name="role"
          defaultValue={user.role}
          className="rounded border border-stone-400 px-1 py-1 text-sm"
        >
          <EnumOptions enumName="Role" options={ROLES} />
        </select>
        <button type="submit" disabled={rolePending} className={button}>
          {t("changeRole")}
          <span className="sr-only"> {t("forAccount", who)}</span>
        </button>
      </form>
      <FormStatus state={roleState} label={t("roleStatus", who)} />
      <div className="flex flex-wrap gap-2">
        <form action={disableAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <button type="submit" disabled={disablePending} className={button}>
            {user.disabled ? t("enable") : t("disable")}
            <span className="sr-only"> {user.email}</span>
          </button>
        </form>
        <form action={signOutAction}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" disabled={signOutPending} className={button}>
            {t("signOutEverywhere")}
            <span className="sr-only"> {t("forAccount", who)}</span>
          </button>
        </form>
      </div>
      <FormStatus state={disableState} label={t("disableStatus", who)} />
      <FormStatus state={signOutState} label={t("signOutStatus", who)} />
      <details>
        <summary className="cursor-pointer text-sm underline">{t("resetPassword")}</summary>
        <form action={resetAction} className="mt-1 flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <Field id={id} name="password" label={t("newPasswordFor", who)} state={resetState}>
            {(aria) => <input {...aria} type="password" autoComplete="new-password" className={input} />}
          </Field>
          <SubmitButton pending={resetPending} className={button}>
            {t("setPassword")}
          </SubmitButton>
        </form>
        <FormStatus state={resetState} label={t("passwordStatus", who)} />
      </details>
    </div>
  );
}
