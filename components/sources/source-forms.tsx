"use client";
import { useActionState, useId } from "react";
import { useResetOnSuccess } from "@/components/ui/form-fields";
import { addClaimAction, captureSourceAction } from "@/lib/actions/sources";
import type { ActionState } from "@/lib/actions/action-state";
import { ErrorSummary } from "@/components/ui/error-summary";
import { CLAIM_FIELDS, MAX_QUOTE, MAX_SOURCE_TEXT } from "@/lib/validations/source";

const IDLE: ActionState = { status: "idle" };
const input = "mt-1 block w-full rounded border border-stone-400 p-2 text-sm aria-[invalid=true]:border-red-600";
const button = "mt-3 rounded border border-stone-500 bg-white px-3 py-1 text-sm hover:bg-stone-100 disabled:opacity-60";

export type PickerSource = { id: string; outlet: string; title: string; publishedAt: string | null };
export type PickerEvent = { id: string; label: string };

/** A labelled text input or textarea with its own error message beside it; keeps what was typed. */
function TextField(props: {
  state: ActionState;
  name: string;
  label: string;
  hint?: string;
  type?: string;
  required?: boolean;
  maxLength?: number;
  max?: string;
  rows?: number;
  defaultValue?: string;
}) {
  const id = useId();
  const error = props.state.errors?.[props.name];
  const kept = props.state.status !== "ok" ? props.state.values?.[props.name] : undefined;
  const described = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    required: props.required,
    maxLength: props.maxLength,
    defaultValue: kept ?? props.defaultValue,
    className: input,
    "aria-invalid": Boolean(error),
    "aria-describedby": described,
  };
  return (
    <div className="mt-3">
      <label htmlFor={id} className="font-medium">{props.label}{props.required ? "" : " (optional)"}</label>
      {props.hint && <p id={`${id}-hint`} className="text-xs text-stone-600">{props.hint}</p>}
      {props.rows ? <textarea {...common} rows={props.rows} /> : <input {...common} type={props.type ?? "text"} max={props.max} />}
      {error && <p id={`${id}-error`} className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

/** A labelled select with its own error message. */
function SelectField({ state, name, label, options, defaultValue, hint }: { state: ActionState; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; hint?: string }) {
  const id = useId();
  const error = state.errors?.[name];
  const kept = state.status !== "ok" ? state.values?.[name] : undefined;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p>}
      {/* React applies a select's defaultValue only when it mounts, and a form action resets the form
          afterwards: remounting on the kept value keeps the user's choice after a refusal. */}
      <select key={`${name}:${kept ?? defaultValue ?? ""}`} id={id} name={name} defaultValue={kept ?? defaultValue ?? ""} className={input} aria-invalid={Boolean(error)}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error && <p id={`${id}-error`} className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

const sourceLabel = (s: PickerSource) => `${s.outlet}: ${s.title}${s.publishedAt ? ` (${s.publishedAt})` : ""}`;

/** Capture a report: its metadata and its text, hashed on the server when saved. */
export function CaptureSourceForm({ caseCode, sources, today }: { caseCode: string; sources: PickerSource[]; today: string }) {
  const [state, action, pending] = useActionState(captureSourceAction, IDLE);
  return (
    <form action={action} aria-labelledby="capture-heading" noValidate>
      <ErrorSummary state={state} label="Capture status" />
      <input type="hidden" name="caseCode" value={caseCode} />
      <TextField state={state} name="url" label="URL" type="url" maxLength={2000} hint="The web address of the report, starting with http:// or https://." />
      <TextField state={state} name="outlet" label="Outlet" required maxLength={300} />
      <TextField state={state} name="title" label="Title" required maxLength={500} />
      <TextField state={state} name="author" label="Author" maxLength={300} />
      <TextField state={state} name="language" label="Language" maxLength={16} defaultValue="en" hint="A language code: en, ko, zh-Hans…" />
      <TextField state={state} name="publishedAt" label="Published" type="date" max={today} hint="Not after today." />
      <TextField state={state} name="text" label="Text of the report" required rows={12} maxLength={MAX_SOURCE_TEXT}
        hint="Paste the whole text as published. Its SHA-256 is computed when you save, and the text can never be changed afterwards: a corrected copy is a new capture." />
      <SelectField state={state} name="supersedesId" label="Corrects an earlier capture (optional)"
        options={[{ value: "", label: "No: a new report" }, ...sources.map((s) => ({ value: s.id, label: sourceLabel(s) }))]} />
      <button type="submit" disabled={pending} className={button}>{pending ? "Capturing…" : "Capture source"}</button>
    </form>
  );
}

/** Tie a quoted passage of a source to this case, one of its events, or one field. */
export function AddClaimForm({ caseCode, sources, events, selectedSourceId }: { caseCode: string; sources: PickerSource[]; events: PickerEvent[]; selectedSourceId?: string }) {
  const [state, action, pending] = useActionState(addClaimAction, IDLE);
  const ref = useResetOnSuccess(state);
  const id = useId();
  const targetError = state.errors?.target;
  const keptTarget = (state.status !== "ok" ? state.values?.target : undefined) ?? "FIELD";
  const targets = [
    { value: "FIELD", label: "One figure or field" },
    { value: "EVENT", label: "An event" },
    { value: "CASE", label: "The case as a whole" },
  ];
  // Which inputs show follows the checked radio through CSS (:has), so it needs no script, and the
  // radios stay uncontrolled: a form action resets the form, and a refused form must keep the choice.
  return (
    <form ref={ref} action={action} aria-labelledby="claim-heading" className="group" noValidate>
      <ErrorSummary state={state} label="Quote status" />
      <input type="hidden" name="caseCode" value={caseCode} />
      <SelectField state={state} name="sourceId" label="Source" defaultValue={selectedSourceId}
        options={[{ value: "", label: "Choose a source…" }, ...sources.map((s) => ({ value: s.id, label: sourceLabel(s) }))]} />
      <fieldset key={keptTarget} className="mt-3" aria-describedby={targetError ? `${id}-target-error` : undefined}>
        <legend className="font-medium">The quote is about</legend>
        {targets.map((t) => (
          <label key={t.value} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="radio" name="target" value={t.value} defaultChecked={keptTarget === t.value} />
            {t.label}
          </label>
        ))}
        {targetError && <p id={`${id}-target-error`} className="text-sm text-red-700">{targetError}</p>}
      </fieldset>
      <div className="hidden group-has-[input[name=target][value=FIELD]:checked]:block">
        <SelectField state={state} name="field" label="Field"
          options={[{ value: "", label: "Choose a field…" }, ...Object.entries(CLAIM_FIELDS).map(([value, label]) => ({ value, label }))]} />
        <TextField state={state} name="value" label="Value the source gives" maxLength={300}
          hint="As the source states it, e.g. 10 for a group of ten; digits only for counts. Used to flag sources that disagree." />
      </div>
      <div className="hidden group-has-[input[name=target][value=EVENT]:checked]:block">
        <SelectField state={state} name="eventId" label="Event"
          options={[{ value: "", label: events.length ? "Choose an event…" : "This case has no events yet" }, ...events.map((e) => ({ value: e.id, label: e.label }))]} />
      </div>
      <TextField state={state} name="quote" label="Quote" required rows={4} maxLength={MAX_QUOTE}
        hint="Copy the passage exactly from the source's text; it is checked word for word." />
      <button type="submit" disabled={pending} className={button}>{pending ? "Saving…" : "Add quote"}</button>
    </form>
  );
}
