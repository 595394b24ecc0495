"use client";
import Link from "next/link";
import { useActionState } from "react";
import { deleteSavedViewAction } from "@/lib/actions/saved-views";
import { FormStatus } from "@/components/ui/form-status";
import { button, IDLE } from "@/components/ui/form-fields";

export type SavedViewRow = { id: string; name: string; query: string; updated: string };

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
        <ul
          className="divide-y divide-stone-200 rounded border border-stone-300 bg-white"
          aria-label="Your saved views"
        >
          {views.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 p-2 text-sm">
              <div className="min-w-0">
                <Link href={v.query ? `/timeline?${v.query}` : "/timeline"} className="font-medium underline">
                  {v.name}
                </Link>
                <span className="block truncate font-mono text-xs text-stone-600">{v.query || "(all cases)"}</span>
                <span className="block text-xs text-stone-600">Saved {v.updated}</span>
              </div>
              <form action={action}>
                <input type="hidden" name="id" value={v.id} />
                <button type="submit" disabled={pending} className={button} aria-label={`Delete view ${v.name}`}>
                  Delete
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
