"use client";
import Link from "next/link";
import { useActionState, useId } from "react";
import { saveViewAction } from "@/lib/actions/saved-views";
import { ErrorSummary } from "@/components/ui/error-summary";
import { button, IDLE, TableField, useKeepInputSubmit, useResetOnSuccess } from "@/components/ui/form-fields";
import { SAVED_VIEW_FIELDS } from "@/lib/fields/account";

/**
 * Saves timeline filters under a name. With `query` (the timeline's current query string) it saves
 * that view; without, it asks for a timeline link someone pasted (a colleague's, or one from a
 * report). Either way the server checks the query and stores its canonical form.
 */
export function SaveViewForm({ query }: { query?: string }) {
  const [state, action, pending] = useActionState(saveViewAction, IDLE);
  const ref = useResetOnSuccess(state);
  const id = useId();
  const onSubmit = useKeepInputSubmit(action);
  const fromLink = query === undefined;
  return (
    <form
      ref={ref}
      action={action}
      onSubmit={onSubmit}
      className="space-y-2 rounded border border-stone-300 bg-white p-3"
      aria-label={fromLink ? "Save a timeline link" : "Save this view"}
      noValidate
    >
      {fromLink && <h3 className="font-semibold">Save a timeline link</h3>}
      <ErrorSummary state={state} label={fromLink ? "Save link status" : "Save view status"}>
        {state.status === "ok" && !fromLink && (
          <p className="mt-1 text-sm">
            <Link href="/account#saved-views" className="underline">
              See your saved views
            </Link>
          </p>
        )}
      </ErrorSummary>
      {!fromLink && <input type="hidden" name="query" value={query} />}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <TableField table={SAVED_VIEW_FIELDS} name="name" state={state} idPrefix={id} required />
        </div>
        {fromLink && (
          <div className="min-w-48 flex-1">
            <TableField table={SAVED_VIEW_FIELDS} name="query" state={state} idPrefix={id} />
          </div>
        )}
        <button type="submit" disabled={pending} className={button}>
          {pending ? "Saving…" : "Save view"}
        </button>
      </div>
    </form>
  );
}
