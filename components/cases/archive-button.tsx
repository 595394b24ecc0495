"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { archiveCaseAction, restoreCaseAction } from "@/lib/actions/case-writes";
import { FormStatus } from "@/components/ui/form-status";

const IDLE: ActionState = { status: "idle" };

/** Archive a case (from its edit page) or restore it (from the archived list). */
export function ArchiveButton({ code, version, archived }: { code: string; version: number; archived: boolean }) {
  const [state, action, pending] = useActionState(archived ? restoreCaseAction : archiveCaseAction, IDLE);
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      {!archived && (
        <div>
          <label htmlFor={`reason-${code}`} className="block text-xs">Reason (optional)</label>
          <input id={`reason-${code}`} name="reason" maxLength={2000} className="rounded border border-stone-400 px-2 py-1 text-sm" />
        </div>
      )}
      <button type="submit" disabled={pending || state.status === "ok"} className="rounded border border-stone-500 bg-white px-3 py-1 text-sm disabled:opacity-60" aria-label={`${archived ? "Restore" : "Archive"} ${code}`}>
        {archived ? "Restore" : "Archive this case"}
      </button>
      <FormStatus state={state} label={`${archived ? "Restore" : "Archive"} status for ${code}`} />
    </form>
  );
}
