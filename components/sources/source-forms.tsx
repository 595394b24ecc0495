"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { addClaimAction, captureSourceAction } from "@/lib/actions/sources";
import { ErrorSummary } from "@/components/ui/error-summary";
import {
  button,
  IDLE,
  SubmitButton,
  TableField,
  useKeepInputSubmit,
  useResetOnSuccess,
} from "@/components/ui/form-fields";
import { CASE_FIELDS } from "@/lib/fields/case";
import { CLAIM_FIELD_NAMES, CLAIM_FORM_FIELDS, CLAIM_TARGETS, SOURCE_FIELDS } from "@/lib/fields/source";
import { useFieldLabel } from "@/lib/i18n/field-labels";

export type PickerSource = { id: string; outlet: string; title: string; publishedAt: string | null };
export type PickerEvent = { id: string; label: string };

const submit = `${button} mt-3`;
const sourceLabel = (s: PickerSource) => `${s.outlet}: ${s.title}${s.publishedAt ? ` (${s.publishedAt})` : ""}`;

/** Capture a report: its metadata and its text, hashed on the server when saved. */
export function CaptureSourceForm({ caseCode, sources }: { caseCode: string; sources: PickerSource[] }) {
  const t = useTranslations("sourceForms");
  const [state, action, pending] = useActionState(captureSourceAction, IDLE);
  const onSubmit = useKeepInputSubmit(action);
  const id = useId();
  const field = (name: keyof typeof SOURCE_FIELDS.fields, extra: { required?: boolean; value?: string } = {}) => (
    <TableField table={SOURCE_FIELDS} name={name} state={state} idPrefix={id} className="mt-3" {...extra} />
  );
  return (
    <form action={action} onSubmit={onSubmit} aria-labelledby="capture-heading" noValidate>
      <ErrorSummary state={state} label={t("captureStatus")} />
      <input type="hidden" name="caseCode" value={caseCode} />
      {field("url")}
      {field("outlet", { required: true })}
      {field("title", { required: true })}
      {field("author")}
      {field("language", { value: "en" })}
      {field("publishedAt")}
      {field("text", { required: true })}
      <TableField
        table={SOURCE_FIELDS}
        name="supersedesId"
        state={state}
        idPrefix={id}
        className="mt-3"
        placeholder={t("notACorrection")}
        choices={sources.map((s) => ({ value: s.id, label: sourceLabel(s) }))}
      />
      <SubmitButton pending={pending} className={submit}>
        {t("capture")}
      </SubmitButton>
    </form>
  );
}

/** Tie a quoted passage of a source to this case, one of its events, or one field. */
export function AddClaimForm({
  caseCode,
  sources,
  events,
  selectedSourceId,
}: {
  caseCode: string;
  sources: PickerSource[];
  events: PickerEvent[];
  selectedSourceId?: string;
}) {
  const t = useTranslations("sourceForms");
  const tFields = useTranslations("fields.claim");
  const fieldLabel = useFieldLabel(CASE_FIELDS, "history");
  const [state, action, pending] = useActionState(addClaimAction, IDLE);
  const ref = useResetOnSuccess(state);
  const onSubmit = useKeepInputSubmit(action);
  const id = useId();
  const targetError = state.errors?.target;
  const keptTarget = (state.status !== "ok" ? state.values?.target : undefined) ?? "FIELD";
  const field = (
    name: keyof typeof CLAIM_FORM_FIELDS.fields,
    extra: {
      choices?: { value: string; label: string }[];
      placeholder?: string;
      value?: string;
      required?: boolean;
    } = {},
  ) => <TableField table={CLAIM_FORM_FIELDS} name={name} state={state} idPrefix={id} className="mt-3" {...extra} />;
  // Which inputs show follows the checked radio through CSS (:has), so it needs no script, and the
  // radios stay uncontrolled: a refused form must keep the choice.
  return (
    <form ref={ref} action={action} onSubmit={onSubmit} aria-labelledby="claim-heading" className="group" noValidate>
      <ErrorSummary state={state} label={t("quoteStatus")} />
      <input type="hidden" name="caseCode" value={caseCode} />
      {field("sourceId", {
        value: selectedSourceId,
        placeholder: t("chooseSource"),
        choices: sources.map((s) => ({ value: s.id, label: sourceLabel(s) })),
      })}
      <fieldset key={keptTarget} className="mt-3" aria-describedby={targetError ? `${id}-target-error` : undefined}>
        <legend className="font-medium">{tFields("target.label")}</legend>
        {CLAIM_TARGETS.toReversed().map((target) => (
          <label key={target} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="radio" name="target" value={target} defaultChecked={keptTarget === target} />
            <EnumLabel value={target} />
          </label>
        ))}
        {targetError && (
          <p id={`${id}-target-error`} className="text-sm text-red-700">
            {targetError}
          </p>
        )}
      </fieldset>
      <div className="hidden group-has-[input[name=target][value=FIELD]:checked]:block">
        {field("field", {
          placeholder: t("chooseField"),
          choices: CLAIM_FIELD_NAMES.map((f) => ({ value: f, label: fieldLabel(f) })),
        })}
        {field("value")}
      </div>
      <div className="hidden group-has-[input[name=target][value=EVENT]:checked]:block">
        {field("eventId", {
          placeholder: events.length ? t("chooseEvent") : t("noEvents"),
          choices: events.map((e) => ({ value: e.id, label: e.label })),
        })}
      </div>
      {field("quote", { required: true })}
      <SubmitButton pending={pending} className={submit}>
        {t("addQuote")}
      </SubmitButton>
    </form>
  );
}

/** A claim target's label. */
function EnumLabel({ value }: { value: string }) {
  const t = useTranslations("enums.ClaimTarget");
  return <>{t(value)}</>;
}
