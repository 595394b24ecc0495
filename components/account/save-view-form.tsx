"use client";
import Link from "next/link";
import { useActionState, useEffect, useId, useRef } from "react";
import { saveViewAction } from "@/lib/actions/saved-views";
import { ErrorSummary } from "@/components/ui/error-summary";
import { button, Field, IDLE, input, shown, useKeepInputSubmit } from "@/components/advocacy/fields";

/**
 * Saves the timeline's current filters under a name. `query` is the timeline's query string (with
 * or without "?"); the server checks it and stores its canonical form.
 */
export function SaveViewForm({ query }: { query: string }) {
  const [state, action, pending] = useActionState(saveViewAction, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  const id = useId();
  useEffect(() => {
    if (state.status === "ok") ref.current?.reset();
  }, [state]);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form ref={ref} action={action} onSubmit={onSubmit} className="space-y-2 rounded border border-stone-300 bg-white p-3" aria-label="Save this view" noValidate>
      <ErrorSummary state={state} label="Save view status">
        {state.status === "ok" && (
          <p className="mt-1 text-sm">
            <Link href="/account#saved-views" className="underline">See your saved views</Link>
          </p>
        )}
      </ErrorSummary>
      <input type="hidden" name="query" value={query} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <Field id={id} name="name" label="Name this view" state={state}>
            {(a) => <input {...a} type="text" maxLength={100} required autoComplete="off" className={input} defaultValue={shown(state, "name")} />}
          </Field>
        </div>
        <button type="submit" disabled={pending} className={button}>{pending ? "Saving…" : "Save view"}</button>
      </div>
    </form>
  );
}
