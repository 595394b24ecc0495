"use client";
import { useActionState, useEffect, useId, useRef } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction, signOutEverywhereAction } from "@/lib/actions/accounts";
import { FormStatus } from "@/components/ui/form-status";

const IDLE: ActionState = { status: "idle" };
const ROLES = ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"] as const;
const input = "mt-1 block w-full rounded border border-stone-400 px-2 py-1 text-sm aria-[invalid=true]:border-red-600";
const button = "rounded border border-stone-500 bg-white px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-60";

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {children}
      {error && <p id={`${id}-error`} className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  const id = useId();
  const e = state.errors ?? {};
  const v = state.status === "ok" ? {} : state.values ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") formRef.current?.reset();
  }, [state]);
  const described = (name: string) => (e[name] ? { "aria-invalid": true, "aria-describedby": `${id}-${name}-error` } : {});
  return (
    <form ref={formRef} action={action} noValidate className="grid max-w-3xl gap-3 rounded border border-stone-300 bg-white p-4 sm:grid-cols-2">
      <h2 className="text-lg font-semibold sm:col-span-2">Create an account</h2>
      <Field id={`${id}-email`} label="Email" error={e.email}>
        <input id={`${id}-email`} name="email" type="email" autoComplete="off" defaultValue={v.email} className={input} {...described("email")} />
      </Field>
      <Field id={`${id}-name`} label="Name" error={e.name}>
        <input id={`${id}-name`} name="name" defaultValue={v.name} className={input} {...described("name")} />
      </Field>
      <Field id={`${id}-role`} label="Role" error={e.role}>
        <select id={`${id}-role`} name="role" defaultValue={v.role ?? "RESEARCHER"} className={input} {...described("role")}>
          {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
        </select>
      </Field>
      <Field id={`${id}-password`} label="Initial password (12+ characters)" error={e.password}>
        <input id={`${id}-password`} name="password" type="password" autoComplete="new-password" className={input} {...described("password")} />
      </Field>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60">{pending ? "Creating…" : "Create account"}</button>
        <FormStatus state={state} label="Create account status" />
      </div>
    </form>
  );
}

/** The per-account controls on one row of the users table. */
export function UserActions({ user }: { user: { id: string; email: string; role: string; disabled: boolean } }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, IDLE);
  const [disableState, disableAction, disablePending] = useActionState(setDisabledAction, IDLE);
  const [signOutState, signOutAction, signOutPending] = useActionState(signOutEverywhereAction, IDLE);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, IDLE);
  const id = useId();
  return (
    <div className="space-y-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`${id}-role`} className="sr-only">Role of {user.email}</label>
        <select id={`${id}-role`} name="role" defaultValue={user.role} className="rounded border border-stone-400 px-1 py-1 text-sm">
          {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
        </select>
        <button type="submit" disabled={rolePending} className={button} aria-label={`Change role of ${user.email}`}>Change role</button>
      </form>
      <FormStatus state={roleState} label={`Role status for ${user.email}`} />
      <div className="flex flex-wrap gap-2">
        <form action={disableAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <button type="submit" disabled={disablePending} className={button} aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}>{user.disabled ? "Enable" : "Disable"}</button>
        </form>
        <form action={signOutAction}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" disabled={signOutPending} className={button} aria-label={`Sign out ${user.email} everywhere`}>Sign out everywhere</button>
        </form>
      </div>
      <FormStatus state={disableState} label={`Disable status for ${user.email}`} />
      <FormStatus state={signOutState} label={`Sign-out status for ${user.email}`} />
      <details>
        <summary className="cursor-pointer text-sm underline">Reset password</summary>
        <form action={resetAction} className="mt-1 flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={`${id}-pw`} className="block text-xs">New password for {user.email}</label>
            <input id={`${id}-pw`} name="password" type="password" autoComplete="new-password" className={input}
              aria-invalid={Boolean(resetState.errors?.password)} aria-describedby={resetState.errors?.password ? `${id}-pw-error` : undefined} />
          </div>
          <button type="submit" disabled={resetPending} className={button}>Set password</button>
        </form>
        {resetState.errors?.password && <p id={`${id}-pw-error`} className="text-sm text-red-700">{resetState.errors.password}</p>}
        <FormStatus state={resetState} label={`Password status for ${user.email}`} />
      </details>
    </div>
  );
}
