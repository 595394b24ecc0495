"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { addEventAction, removeEventAction, updateEventAction } from "@/lib/actions/events";
import { FormStatus } from "@/components/ui/form-status";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";

const IDLE: ActionState = { status: "idle" };
const input = "mt-1 block w-full rounded border border-stone-400 px-2 py-1 text-sm aria-[invalid=true]:border-red-600";
const TYPES = ["CROSSED_BORDER", "ARRESTED", "DETAINED", "TRANSFERRED", "REPATRIATION_TALKS", "REPATRIATED", "RELEASED", "REACHED_SAFETY", "APPEAL_MADE", "OTHER"];
const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase().replaceAll("_", " ");

function Field({ prefix, name, text, hint, error, children }: { prefix: string; name: string; text: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={`${prefix}-${name}`} className="block text-sm font-medium">{text}</label>
      {hint && <p className="text-xs text-stone-600">{hint}</p>}
      {children}
      {error && <p id={`${prefix}-${name}-error`} className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

/** The fields of an event as the edit form starts them. */
export type EventFormValues = Record<string, string> & { id: string; version: string };

/**
 * Add an event with an uncertain date (earliest, latest, precision and the source's own words), or
 * edit one: the edit form carries the version it was opened at.
 */
function EventForm({ caseCode, event }: { caseCode: string; event?: EventFormValues }) {
  const [state, action, pending] = useActionState(event ? updateEventAction : addEventAction, IDLE);
  const prefix = event ? `event-${event.id}` : "event";
  const v = { ...(event ?? {}), ...(state.status === "ok" ? {} : state.values ?? {}) } as Record<string, string>;
  const e = state.errors ?? {};
  const attrs = (name: string) => ({
    id: `${prefix}-${name}`,
    name,
    defaultValue: v[name] ?? "",
    className: input,
    "aria-invalid": Boolean(e[name]),
    "aria-describedby": e[name] ? `${prefix}-${name}-error` : undefined,
  });
  const f = { prefix };
  return (
    <form action={action} noValidate className="mt-2 grid gap-3 sm:grid-cols-3" key={`${state.status}-${state.message ?? ""}`}>
      <div className="sm:col-span-3"><ErrorSummary state={state} label={event ? "Edit event status" : "Add event status"}><ConflictHelp state={state} historyHref={`/cases/${caseCode}/history`} reloadHref={`/cases/${caseCode}`} /></ErrorSummary></div>
      {event ? (
        <>
          <input type="hidden" name="eventId" value={event.id} />
          <input type="hidden" name="version" value={event.version} />
        </>
      ) : (
        <input type="hidden" name="caseCode" value={caseCode} />
      )}
      <Field {...f} name="type" text="What happened" error={e.type}>
        <select {...attrs("type")} defaultValue={v.type ?? "ARRESTED"}>{TYPES.map((t) => <option key={t} value={t}>{label(t)}</option>)}</select>
      </Field>
      <Field {...f} name="dateEarliest" text="Earliest date" error={e.dateEarliest}><input type="date" {...attrs("dateEarliest")} /></Field>
      <Field {...f} name="dateLatest" text="Latest date" hint="Leave empty when known to the day." error={e.dateLatest}><input type="date" {...attrs("dateLatest")} /></Field>
      <Field {...f} name="precision" text="Date precision" error={e.precision}>
        <select {...attrs("precision")} defaultValue={v.precision ?? "DAY"}>{["DAY", "WEEK", "MONTH", "YEAR"].map((p) => <option key={p} value={p}>{label(p)}</option>)}</select>
      </Field>
      <Field {...f} name="dateWording" text="Reported wording" hint="e.g. “last Wednesday”" error={e.dateWording}><input {...attrs("dateWording")} /></Field>
      <Field {...f} name="authority" text="Authority" error={e.authority}><input {...attrs("authority")} /></Field>
      <Field {...f} name="country" text="Country code" error={e.country}><input {...attrs("country")} /></Field>
      <Field {...f} name="province" text="Province" error={e.province}><input {...attrs("province")} /></Field>
      <Field {...f} name="cityArea" text="City or area" error={e.cityArea}><input {...attrs("cityArea")} /></Field>
      <div className="sm:col-span-3">
        <Field {...f} name="description" text="Description" error={e.description}><textarea rows={2} {...attrs("description")} /></Field>
      </div>
      {event && <div className="sm:col-span-3"><Field {...f} name="reason" text="Reason for the change (optional)" error={e.reason}><input {...attrs("reason")} /></Field></div>}
      <div className="sm:col-span-3">
        <button type="submit" disabled={pending} className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Saving…" : event ? "Save event" : "Add event"}
        </button>
      </div>
    </form>
  );
}

/** The "Add an event" panel under a case's timeline. */
export function AddEventForm({ caseCode }: { caseCode: string }) {
  return (
    <details className="mt-3 rounded border border-stone-300 bg-white p-3" data-testid="add-event">
      <summary className="cursor-pointer font-medium">Add an event</summary>
      <EventForm caseCode={caseCode} />
    </details>
  );
}

/** The "Edit" panel on one event. */
export function EditEventForm({ caseCode, event, label: what }: { caseCode: string; event: EventFormValues; label: string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer underline" aria-label={`Edit event: ${what}`}>Edit</summary>
      <EventForm caseCode={caseCode} event={event} />
    </details>
  );
}

/** Remove (archive) one event; the case's status and dates follow. */
export function RemoveEventButton({ eventId, version, label: what }: { eventId: string; version: number; label: string }) {
  const [state, action, pending] = useActionState(removeEventAction, IDLE);
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="rounded border border-stone-400 px-2 py-0.5 text-xs" aria-label={`Remove event: ${what}`}>Remove</button>
      <FormStatus state={state} label={`Remove status for ${what}`} />
    </form>
  );
}
