"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { addEventAction, removeEventAction, restoreEventAction, updateEventAction } from "@/lib/actions/events";
import { EVENT_FIELDS, type EventFieldName } from "@/lib/fields/event";
import { FormStatus } from "@/components/ui/form-status";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { button, Field, IDLE, input, shown, SubmitButton, TableField } from "@/components/ui/form-fields";
import { EventTermFields, typeFromChange, type TermOptions } from "@/components/cases/event-term-fields";

/** The fields of an event as the edit form starts them. */
export type EventFormValues = Record<string, string> & { id: string; version: string };

/**
 * Add an event with an uncertain date (earliest, latest, precision and the source's own words), or
 * edit one: the edit form carries the version it was opened at.
 */
function EventForm({ caseCode, event, terms }: { caseCode: string; event?: EventFormValues; terms: TermOptions }) {
  const t = useTranslations("eventForm");
  const [state, action, pending] = useActionState(event ? updateEventAction : addEventAction, IDLE);
  const prefix = event ? `event-${event.id}` : "event";
  const initial: Record<string, string> = event ?? { type: "ARRESTED", precision: "DAY" };
  const [type, setType] = useState(shown(state, "type", initial.type));
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
      onChange={(ev) => setType(typeFromChange(ev) ?? type)}
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
      <EventTermFields type={type} terms={terms} state={state} values={initial} idPrefix={prefix} />
      {field("description", "sm:col-span-3")}
      {field("descriptionAlt", "sm:col-span-3")}
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
export function AddEventForm({ caseCode, terms }: { caseCode: string; terms: TermOptions }) {
  const t = useTranslations("eventForm");
  return (
    <details className="mt-3 rounded border border-stone-300 bg-white p-3" data-testid="add-event">
      <summary className="cursor-pointer font-medium">{t("addPanel")}</summary>
      <EventForm caseCode={caseCode} terms={terms} />
    </details>
  );
}

/** The "Edit" panel on one event. */
export function EditEventForm({
  caseCode,
  event,
  label: what,
  terms,
}: {
  caseCode: string;
  event: EventFormValues;
  label: string;
  terms: TermOptions;
}) {
  const t = useTranslations("eventForm");
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer underline" aria-label={t("editLabel", { what })}>
        {t("edit")}
      </summary>
      <EventForm caseCode={caseCode} event={event} terms={terms} />
    </details>
  );
}

/** Remove (archive) one event, saying why; the case's status and dates follow. */
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
  const id = useId();
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer underline" aria-label={t("removeLabel", { what })}>
        {t("remove")}
      </summary>
      <form action={action} noValidate className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="eventId" value={eventId} />
        <input type="hidden" name="version" value={version} />
        <Field id={id} name="reason" label={t("removeReason")} hint={t("removeReasonHint")} state={state}>
          {(aria) => <input {...aria} defaultValue={shown(state, "reason")} maxLength={2000} className={input} />}
        </Field>
        <SubmitButton pending={pending} className={button}>
          {t("removeSubmit")}
        </SubmitButton>
        <FormStatus state={state} label={t("removeStatus", { what })} />
      </form>
    </details>
  );
}

/** Put a removed event back on the timeline. */
export function RestoreEventButton({
  eventId,
  version,
  label: what,
}: {
  eventId: string;
  version: number;
  label: string;
}) {
  const t = useTranslations("eventForm");
  const [state, action, pending] = useActionState(restoreEventAction, IDLE);
  return (
    <form action={action} className="mt-1">
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} disabled={state.status === "ok"} className={button}>
        {t("restore")}
        <span className="sr-only"> {what}</span>
      </SubmitButton>
      <FormStatus state={state} label={t("restoreStatus", { what })} />
    </form>
  );
}
