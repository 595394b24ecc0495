"use client";
import Link from "next/link";
import { useActionState, useEffect, useId, useRef } from "react";
import { deleteSavedViewAction, saveViewAction } from "@/lib/actions/saved-views";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/form-status";
import { button, Field, IDLE, input, shown, useKeepInputSubmit } from "@/components/advocacy/fields";

export type SavedViewRow = { id: string; name: string; query: string; updated: string };

/** Saves a timeline link someone pasted (a colleague's, or one from a report) as a named view. */
export function SaveViewFromLinkForm() {
  const [state, action, pending] = useActionState(saveViewAction, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  const id = useId();
  useEffect(() => {
    if (state.status === "ok") ref.current?.reset();
  }, [state]);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form ref={ref} action={action} onSubmit={onSubmit} className="space-y-3 rounded border border-stone-300 bg-white p-4" aria-label="Save a timeline link" noValidate>
      <h3 className="font-semibold">Save a timeline link</h3>
      <ErrorSummary state={state} label="Save link status" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id} name="name" label="Name this view" state={state}>
          {(a) => <input {...a} type="text" maxLength={100} required autoComplete="off" className={input} defaultValue={shown(state, "name")} />}
        </Field>
        <Field id={id} name="query" label="Timeline link or filters" hint="e.g. /timeline?from=2012-02&to=2012-02, or just from=2012-02&to=2012-02." state={state}>
          {(a) => <input {...a} type="text" maxLength={2500} autoComplete="off" spellCheck={false} className={`${input} font-mono`} defaultValue={shown(state, "query")} />}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={button}>{pending ? "Saving…" : "Save view"}</button>
    </form>
  );
}

/** The actor's saved views, each a link to the timeline; one delete action so its outcome outlives the row. */
export function SavedViewList({ views }: { views: SavedViewRow[] }) {
  const [state, action, pending] = useActionState(deleteSavedViewAction, IDLE);
  return (
    <div className="space-y-2">
      <FormStatus state={state} label="Delete view status" />
      {views.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          No saved views yet. Save the filters you use often from the timeline, or paste a timeline link below.
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white" aria-label="Your saved views">
          {views.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 p-2 text-sm">
              <div className="min-w-0">
                <Link href={v.query ? `/timeline?${v.query}` : "/timeline"} className="font-medium underline">{v.name}</Link>
                <span className="block truncate font-mono text-xs text-stone-600">{v.query || "(all cases)"}</span>
                <span className="block text-xs text-stone-600">Saved {v.updated}</span>
              </div>
              <form action={action}>
                <input type="hidden" name="id" value={v.id} />
                <button type="submit" disabled={pending} className={button} aria-label={`Delete view ${v.name}`}>Delete</button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
