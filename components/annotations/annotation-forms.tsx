"use client";
import { useActionState, useId } from "react";
import { createAnnotationAction, replyAnnotationAction, resolveAnnotationAction } from "@/lib/actions/annotations";
import type { ActionState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/ui/form-status";
import { useResetOnSuccess } from "@/components/ui/form-fields";

const IDLE: ActionState = { status: "idle" };
const textarea = "mt-1 block w-full rounded border border-stone-400 p-2 text-sm aria-[invalid=true]:border-red-600";
const button = "mt-1 rounded border border-stone-500 bg-white px-3 py-1 text-sm hover:bg-stone-100 disabled:opacity-60";

/** Staff: start a note on the case, an event, or one field. */
export function AnnotateForm({ caseCode, field, eventId, targetLabel }: { caseCode: string; field?: string; eventId?: string; targetLabel: string }) {
  const [state, action, pending] = useActionState(createAnnotationAction, IDLE);
  const ref = useResetOnSuccess(state);
  const id = useId();
  const error = state.errors?.body;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-stone-700 underline">Annotate {targetLabel}</summary>
      <form ref={ref} action={action} className="mt-1">
        <input type="hidden" name="caseCode" value={caseCode} />
        {field && <input type="hidden" name="field" value={field} />}
        {eventId && <input type="hidden" name="eventId" value={eventId} />}
        <label htmlFor={`${id}-body`} className="font-medium">Note on {targetLabel}</label>
        <textarea id={`${id}-body`} name="body" rows={3} maxLength={5000} required className={textarea}
          defaultValue={state.status !== "ok" ? state.values?.body : undefined}
          aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
        {error && <p id={`${id}-error`} className="text-sm text-red-700">{error}</p>}
        <button type="submit" disabled={pending} className={button}>{pending ? "Saving…" : "Add note"}</button>
        <FormStatus state={state} label={`Note on ${targetLabel} status`} />
      </form>
    </details>
  );
}

/** Editors and staff: reply in a thread. */
export function ReplyForm({ annotationId }: { annotationId: string }) {
  const [state, action, pending] = useActionState(replyAnnotationAction, IDLE);
  const ref = useResetOnSuccess(state);
  const id = useId();
  const error = state.errors?.body;
  return (
    <form ref={ref} action={action} className="mt-2">
      <input type="hidden" name="annotationId" value={annotationId} />
      <label htmlFor={`${id}-reply`} className="sr-only">Reply</label>
      <textarea id={`${id}-reply`} name="body" rows={2} maxLength={5000} placeholder="Reply…" className={textarea}
        defaultValue={state.status !== "ok" ? state.values?.body : undefined}
        aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <p id={`${id}-error`} className="text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={pending} className={button}>{pending ? "Sending…" : "Reply"}</button>
      <FormStatus state={state} label="Reply status" />
    </form>
  );
}

/** Staff: mark a thread resolved. Carries the version the user saw. */
export function ResolveButton({ annotationId, version }: { annotationId: string; version: number }) {
  const [state, action, pending] = useActionState(resolveAnnotationAction, IDLE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="annotationId" value={annotationId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className={button}>{pending ? "Resolving…" : "Resolve"}</button>
      <FormStatus state={state} label="Resolve status" />
    </form>
  );
}
