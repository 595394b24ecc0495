"use client";
import { useEffect, useRef, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";

export const IDLE: ActionState = { status: "idle" };
export const input = "mt-1 block w-full rounded border border-stone-400 p-2 text-sm aria-[invalid=true]:border-red-600";
export const button = "rounded border border-stone-500 bg-white px-3 py-1 text-sm hover:bg-stone-100 disabled:opacity-60";

/** The value to show: what the user typed when the form was refused, else the record's value. */
export function shown(state: ActionState, name: string, fallback: string | null | undefined = ""): string {
  return state.status !== "ok" && state.values && name in state.values ? state.values[name] : (fallback ?? "");
}

/** A labelled field with its own error message, linked for screen readers. */
export function Field({ id, name, label, state, hint, children }: { id: string; name: string; label: string; state: ActionState; hint?: string; children: (aria: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode }) {
  const error = state.errors?.[name];
  const fieldId = `${id}-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={fieldId} className="text-sm font-medium">{label}</label>
      {hint && <p id={`${fieldId}-hint`} className="text-xs text-stone-600">{hint}</p>}
      {children({ id: fieldId, name, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error && <p id={`${fieldId}-error`} className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

/**
 * Submits through the action without React's automatic form reset, so a refused form keeps every
 * field as typed (selects included). Without JavaScript the form posts to the action as usual.
 */
export function useKeepInputSubmit(action: (formData: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}

/** A ref for a form that empties itself after a successful save, ready for the next entry. */
export function useResetOnSuccess(state: ActionState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") ref.current?.reset();
  }, [state]);
  return ref;
}
