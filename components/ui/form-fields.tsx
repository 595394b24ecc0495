"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { FieldSpec, FieldTable } from "@/lib/fields/define";
import { button, input, primaryButton } from "@/components/ui/styles";
import { useMessageText } from "@/lib/i18n/use-message";

/**
 * The one form kit: every form's fields are made of these, so labels, hints, error messages and their
 * screen-reader wiring work the same everywhere. Fields of a record come from its field table
 * (lib/fields/), which gives the label, the hint, the widget and the enum labels.
 */

export const IDLE: ActionState = { status: "idle" };
export { button, input, primaryButton };

/** The value to show: what the user typed when the form was refused, else the record's value. */
export function shown(state: ActionState, name: string, fallback: string | number | null | undefined = ""): string {
  return state.status !== "ok" && state.values && name in state.values
    ? state.values[name]
    : fallback === null || fallback === undefined
      ? ""
      : String(fallback);
}

export type FieldAria = { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string };

/** A labelled field with its own error message, linked for screen readers. */
export function Field({
  id,
  name,
  label,
  state,
  hint,
  children,
}: {
  id: string;
  name: string;
  label: string;
  state: ActionState;
  hint?: string;
  children: (aria: FieldAria) => React.ReactNode;
}) {
  const message = useMessageText();
  const error = state.errors?.[name] === undefined ? undefined : message(state.errors[name]);
  // Without a prefix the field's id is its name (forms drawn once per page, such as a review screen).
  const fieldId = id ? `${id}-${name}` : name;
  const describedBy =
    [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${fieldId}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      {children({ id: fieldId, name, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error && (
        <p id={`${fieldId}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The options of an enum, labelled from the messages (`enums.<name>.<value>`). */
export function EnumOptions({ enumName, options }: { enumName: string; options: readonly string[] }) {
  const t = useTranslations("enums");
  const key = (value: string): string => `${enumName}.${value}`;
  return options.map((value) => (
    <option key={value} value={value}>
      {t(key(value))}
    </option>
  ));
}

/** The input a field table's widget calls for. */
function Widget({
  spec,
  aria,
  value,
  choices,
  placeholder,
  required,
}: {
  spec: FieldSpec;
  aria: FieldAria;
  value: string;
  choices?: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
}) {
  const widget = spec.widget;
  switch (widget.kind) {
    case "textarea":
      return (
        <textarea
          {...aria}
          rows={widget.rows}
          maxLength={spec.maxLength}
          required={required}
          className={input}
          defaultValue={value}
        />
      );
    case "select":
      return (
        <select {...aria} required={required} className={input} defaultValue={value}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          <EnumOptions enumName={widget.enumName} options={widget.options} />
        </select>
      );
    case "choice":
      return (
        <select {...aria} required={required} className={input} defaultValue={value}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {(choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      );
    case "number":
      return <input {...aria} type="number" required={required} className={input} defaultValue={value} />;
    case "date":
      return <input {...aria} type="date" required={required} className={input} defaultValue={value} />;
    default:
      return (
        <input
          {...aria}
          type={widget.kind === "text" ? (widget.type ?? "text") : "text"}
          maxLength={spec.maxLength}
          required={required}
          className={widget.kind === "text" && widget.code ? `${input} font-mono` : input}
          defaultValue={value}
          {...(widget.kind === "text" && widget.plain ? { autoComplete: "off", spellCheck: false } : {})}
        />
      );
  }
}

/** What a form may add to a table field where it is used. */
export type TableFieldOptions = {
  choices?: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
  label?: string;
  className?: string;
};

/**
 * One field of a record, from its field table: label and hint from the messages
 * (`fields.<entity>.<name>.label|hint`), the table's widget, the value the user typed if the form was
 * refused, else `value`. `choices` fills a "choice" widget; `placeholder` adds an empty first option.
 */
export function TableField<F extends Record<string, FieldSpec>>({
  table,
  name,
  state,
  value,
  idPrefix,
  choices,
  placeholder,
  required,
  label,
  className,
  prefix = "",
}: {
  table: FieldTable<F>;
  name: keyof F & string;
  state: ActionState;
  value?: string | number | null;
  idPrefix: string;
  choices?: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
  label?: string;
  className?: string;
  /** Put before the field's form name, where one form holds several records' fields ("event.type"). */
  prefix?: string;
}) {
  const t = useTranslations("fields");
  const spec = table.fields[name];
  const key = (part: "label" | "hint"): string => `${table.entity}.${name}.${part}`;
  const hint = spec.hint ? t(key("hint")) : undefined;
  const formName = `${prefix}${name}`;
  return (
    <div className={className}>
      <Field id={idPrefix} name={formName} label={label ?? t(key("label"))} hint={hint} state={state}>
        {(aria) => (
          <Widget
            spec={spec}
            aria={aria}
            value={shown(state, formName, value)}
            choices={choices}
            placeholder={placeholder}
            required={required}
          />
        )}
      </Field>
    </div>
  );
}

/** A form's submit button, saying "Saving…" while the action runs. */
export function SubmitButton({
  pending,
  children,
  className = primaryButton,
  disabled,
}: {
  pending: boolean;
  children: React.ReactNode;
  className?: string;
  disabled?: boolean;
}) {
  const t = useTranslations("form");
  return (
    <button type="submit" disabled={pending || disabled} className={className}>
      {pending ? t("saving") : children}
    </button>
  );
}

/**
 * Submits through the action without React's automatic form reset, so a refused form keeps every
 * field as typed (selects included). Without JavaScript the form posts to the action as usual.
 */
export function useKeepInputSubmit(action: (formData: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}

/** A ref for a form that empties itself after a successful save, ready for the next entry. */
export function useResetOnSuccess(state: ActionState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") ref.current?.reset();
  }, [state]);
  return ref;
}
