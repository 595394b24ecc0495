"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { recordWhatHappenedAction } from "@/lib/actions/events";
import { EVENT_FIELDS, type EventFieldName } from "@/lib/fields/event";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, IDLE, input, shown, SubmitButton, TableField } from "@/components/ui/form-fields";
import { EventTermFields, typeFromChange, type TermOptions } from "@/components/cases/event-term-fields";

/**
 * "Record what happened" on a case page: what happened, when (an uncertain date), where (the case's
 * place to start with) and the passage of a captured source that says so. The status follows.
 */
export function RecordWhatHappenedForm({
  caseCode,
  place,
  sources,
  terms,
}: {
  caseCode: string;
  place: { country: string; province: string; cityArea: string };
  sources: { value: string; label: string }[];
  terms: TermOptions;
}) {
  const t = useTranslations("whatHappened");
  const [state, action, pending] = useActionState(recordWhatHappenedAction, IDLE);
  const id = useId();
  const initial: Record<string, string> = { type: "ARRESTED", precision: "DAY", ...place };
  const [type, setType] = useState(shown(state, "type", initial.type));
  const field = (name: EventFieldName, className?: string) => (
    <TableField
      table={EVENT_FIELDS}
      name={name}
      state={state}
      value={initial[name]}
      idPrefix={id}
      className={className}
    />
  );
  return (
    <details className="mt-3 rounded border border-stone-300 bg-white p-3" data-testid="record-what-happened">
      <summary className="cursor-pointer font-medium">{t("panel")}</summary>
      <p className="mt-1 text-sm text-stone-700">{t("intro")}</p>
      {sources.length === 0 ? (
        <p className="mt-2 text-sm">{t("noSources")}</p>
      ) : (
        <form
          action={action}
          noValidate
          className="mt-2 grid gap-3 sm:grid-cols-3"
          key={`${state.status}-${state.message ?? ""}`}
          onChange={(ev) => setType(typeFromChange(ev) ?? type)}
        >
          <div className="sm:col-span-3">
            <ErrorSummary state={state} label={t("status")} />
          </div>
          <input type="hidden" name="caseCode" value={caseCode} />
          {field("type")}
          {field("dateEarliest")}
          {field("dateLatest")}
          {field("precision")}
          {field("dateWording", "sm:col-span-2")}
          {field("country")}
          {field("province")}
          {field("cityArea")}
          {field("authority", "sm:col-span-3")}
          <EventTermFields type={type} terms={terms} state={state} values={initial} idPrefix={id} />
          {field("description", "sm:col-span-3")}
          <div className="sm:col-span-3">
            <Field id={id} name="sourceId" label={t("source")} state={state}>
              {(aria) => (
                <select {...aria} defaultValue={shown(state, "sourceId", sources[0]?.value)} className={input}>
                  {sources.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="sm:col-span-3">
            <Field id={id} name="quote" label={t("quote")} hint={t("quoteHint")} state={state}>
              {(aria) => <textarea {...aria} rows={3} defaultValue={shown(state, "quote")} className={input} />}
            </Field>
          </div>
          <div className="sm:col-span-3">
            <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
          </div>
        </form>
      )}
    </details>
  );
}
