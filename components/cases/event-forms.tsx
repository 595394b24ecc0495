"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addEventAction, removeEventAction, updateEventAction } from "@/lib/actions/events";
import { EVENT_FIELDS, type EventFieldName } from "@/lib/fields/event";
import { FormStatus } from "@/components/ui/form-status";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { IDLE, SubmitButton, TableField } from "@/components/ui/form-fields";

/** The fields of an event as the edit form starts them. */
export type EventFormValues = Record<string, string> & { id: string; version: string };

/**
 * Add an event with an uncertain date (earliest, latest, precision and the source's own words), or
 * edit one: the edit form carries the version it was opened at.
 */
function EventForm({ caseCode, event }: { caseCode: string; event?: EventFormValues }) {
  const t = useTranslations("eventForm");
  const [state, action, pending] = useActionState(event ? updateEventAction : addEventAction, IDLE);
  const prefix = event ? `event-${event.id}` : "event";
  const initial: Record<string, string> = event ?? { type: "ARRESTED", precision: "DAY" };
  const field = (name: EventFieldName, className?: string) => (
    <TableField
      table={EVENT_FIELDS}
      name={name}
      state={state}
      value={initial[name]}
      idPrefix={prefix}
      className={className}
    />
  );
  return (
    <form
      action={action}
      noValidate
      className="mt-2 grid gap-3 sm:grid-cols-3"
      key={`${state.status}-${state.message ?? ""}`}
    >
      <div className="sm:col-span-3">
        <ErrorSummary state={state} label={event ? t("editStatus") : t("addStatus")}>
          <ConflictHelp state={state} historyHref={`/cases/${caseCode}/history`} reloadHref={`/cases/${caseCode}`} />
        </ErrorSummary>
      </div>
      {event ? (
        <>
          <input type="hidden" name="eventId" value={event.id} />
          <input type="hidden" name="version" value={event.version} />
        </>
      ) : (
        <input type="hidden" name="caseCode" value={caseCode} />
      )}
      {field("type")}
      {field("dateEarliest")}
      {field("dateLatest")}
      {field("precision")}
      {field("dateWording")}
      {field("authority")}
      {field("country")}
      {field("province")}
      {field("cityArea")}
      {field("description", "sm:col-span-3")}
      {event && field("reason", "sm:col-span-3")}
      <div className="sm:col-span-3">
        <SubmitButton
          pending={pending}
          className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {event ? t("save") : t("add")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** The "Add an event" panel under a case's timeline. */
export function AddEventForm({ caseCode }: { caseCode: string }) {
  const t = useTranslations("eventForm");
  return (
    <details className="mt-3 rounded border border-stone-300 bg-white p-3" data-testid="add-event">
      <summary className="cursor-pointer font-medium">{t("addPanel")}</summary>
      <EventForm caseCode={caseCode} />
    </details>
  );
}

/** The "Edit" panel on one event. */
export function EditEventForm({
  caseCode,
  event,
  label: what,
}: {
  caseCode: string;
  event: EventFormValues;
  label: string;
}) {
  const t = useTranslations("eventForm");
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer underline" aria-label={t("editLabel", { what })}>
        {t("edit")}
      </summary>
      <EventForm caseCode={caseCode} event={event} />
    </details>
  );
}

/** Remove (archive) one event; the case's status and dates follow. */
export function RemoveEventButton({
  eventId,
  version,
  label: what,
}: {
  eventId: string;
  version: number;
  label: string;
}) {
  const t = useTranslations("eventForm");
  const [state, action, pending] = useActionState(removeEventAction, IDLE);
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-stone-400 px-2 py-0.5 text-xs"
        aria-label={t("removeLabel", { what })}
      >
        {t("remove")}
      </button>
      <FormStatus state={state} label={t("removeStatus", { what })} />
    </form>
  );
}
