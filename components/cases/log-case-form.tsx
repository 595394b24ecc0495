"use client";
import { useTranslations } from "next-intl";
import { PossibleDuplicates } from "@/components/cases/possible-duplicates";
import { useActionState, useId, useRef, useState } from "react";
import { logCaseAction } from "@/lib/actions/log-case";
import { ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import { CASE_FIELDS, type CaseFieldName } from "@/lib/fields/case";
import { CONTACT_FIELDS } from "@/lib/fields/contact";
import type { FieldSpec, FieldTable } from "@/lib/fields/define";
import { EVENT_FIELDS } from "@/lib/fields/event";
import { SOURCE_FIELDS } from "@/lib/fields/source";
import { LOG_CASE_NAMES } from "@/lib/validations/log-case-names";
import { ErrorSummary } from "@/components/ui/error-summary";
import {
  button,
  Field,
  IDLE,
  input,
  shown,
  SubmitButton,
  TableField,
  useKeepInputSubmit,
} from "@/components/ui/form-fields";

type Choice = { value: string; label: string };
const section = "grid min-w-0 gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-2";
const legend = "px-1 text-lg font-semibold";
const wide = "sm:col-span-2";

/**
 * The one-pass log of an arrest: the report's text beside the form (pasted here, or an already
 * captured one, read-only), and the case, its first event and an advocacy action. The passages behind
 * the size and the event are taken from a selection in that text ("Use the selection"), never retyped;
 * they stay editable for a keyboard-only correction. Everything is saved at once, or nothing is.
 */
export function LogCaseForm({
  picked,
  contacts,
  today,
}: {
  picked: { id: string; label: string; text: string } | null;
  contacts: Choice[];
  today: string;
}) {
  const t = useTranslations("logCase");
  const [state, action, pending] = useActionState(logCaseAction, IDLE);
  const onSubmit = useKeepInputSubmit(action);
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [sizeQuote, setSizeQuote] = useState(() => shown(state, LOG_CASE_NAMES.sizeQuote));
  const [eventQuote, setEventQuote] = useState(() => shown(state, LOG_CASE_NAMES.eventQuote));
  const [note, setNote] = useState("");
  const [withAction, setWithAction] = useState(true);

  /** Copies the text selected in the report into one of the passages. */
  const takeSelection = (set: (v: string) => void, which: string) => {
    const el = textRef.current;
    const selected = el ? el.value.slice(el.selectionStart, el.selectionEnd).trim() : "";
    if (!selected) {
      setNote(t("selectFirst"));
      return;
    }
    set(selected);
    setNote(t("selectionUsed", { which, length: selected.length }));
  };

  const field = <F extends Record<string, FieldSpec>>(
    table: FieldTable<F>,
    name: keyof F & string,
    prefix: string,
    opts: { value?: string; className?: string; choices?: Choice[]; placeholder?: string; required?: boolean } = {},
  ) => (
    <TableField
      key={`${prefix}${name}`}
      table={table}
      name={name}
      prefix={prefix}
      state={state}
      idPrefix={id}
      {...opts}
    />
  );
  const caseField = (name: CaseFieldName, value?: string, className?: string) =>
    field(CASE_FIELDS, name, "", { value, className });

  const passage = (name: string, label: string, hint: string, value: string, set: (v: string) => void) => (
    <div className={wide}>
      <Field id={id} name={name} label={label} hint={hint} state={state}>
        {(aria) => (
          <textarea {...aria} rows={3} value={value} onChange={(e) => set(e.target.value)} className={input} />
        )}
      </Field>
    </div>
  );

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <ErrorSummary state={state} label={t("status")}>
        <PossibleDuplicates duplicates={state.duplicates} />
      </ErrorSummary>
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset className={`${section} self-start lg:sticky lg:top-2`}>
          <legend className={legend}>{t("sections.source")}</legend>
          {picked ? (
            <>
              <input type="hidden" name={LOG_CASE_NAMES.sourceId} value={picked.id} />
              <p className={`${wide} text-sm`}>{t("pickedSource", { label: picked.label })}</p>
              <div className={wide}>
                <label htmlFor={`${id}-text`} className="text-sm font-medium">
                  {t("sourceText")}
                </label>
                <p id={`${id}-text-hint`} className="text-xs text-stone-600">
                  {t("sourceTextHint")}
                </p>
                <textarea
                  ref={textRef}
                  id={`${id}-text`}
                  readOnly
                  rows={16}
                  aria-describedby={`${id}-text-hint`}
                  defaultValue={picked.text}
                  className={`${input} bg-stone-50`}
                />
              </div>
            </>
          ) : (
            <>
              {field(SOURCE_FIELDS, "outlet", "source.", { required: true })}
              {field(SOURCE_FIELDS, "title", "source.", { required: true })}
              {field(SOURCE_FIELDS, "url", "source.", { className: wide })}
              {field(SOURCE_FIELDS, "author", "source.")}
              {field(SOURCE_FIELDS, "publishedAt", "source.")}
              {field(SOURCE_FIELDS, "language", "source.", { value: "en" })}
              <div className={wide}>
                <Field id={id} name="source.text" label={t("pasteText")} hint={t("pasteTextHint")} state={state}>
                  {(aria) => (
                    <textarea
                      {...aria}
                      ref={textRef}
                      rows={14}
                      required
                      defaultValue={shown(state, "source.text")}
                      className={input}
                    />
                  )}
                </Field>
              </div>
            </>
          )}
          <div className={`${wide} flex flex-wrap gap-2`}>
            <button type="button" className={button} onClick={() => takeSelection(setSizeQuote, t("sizeWhich"))}>
              {t("useForSize")}
            </button>
            <button type="button" className={button} onClick={() => takeSelection(setEventQuote, t("eventWhich"))}>
              {t("useForEvent")}
            </button>
          </div>
          <p className={`${wide} text-sm`} aria-live="polite" role="status" data-testid="selection-note">
            {note}
          </p>
        </fieldset>

        <div className="min-w-0 space-y-4">
          <fieldset className={section}>
            <legend className={legend}>{t("sections.case")}</legend>
            {caseField("title", undefined, wide)}
            {caseField("summary", undefined, wide)}
            {caseField("lang")}
            {caseField("titleAlt", undefined, wide)}
            {caseField("summaryAlt", undefined, wide)}
            {caseField("sizeMin")}
            {caseField("sizeMax")}
            {caseField("sizeBest")}
            {caseField("sizeWording")}
            {passage(LOG_CASE_NAMES.sizeQuote, t("sizeQuote"), t("quoteHint"), sizeQuote, setSizeQuote)}
            {caseField("country", "CN")}
            {caseField("province")}
            {caseField("cityArea", undefined, wide)}
            {caseField("verification", "UNVERIFIED")}
            {caseField("priority", "NORMAL")}
            {caseField("visibility", "INTERNAL")}
          </fieldset>

          <fieldset className={section}>
            <legend className={legend}>{t("sections.event")}</legend>
            <p className={`${wide} text-sm text-stone-700`}>{t("eventPlace")}</p>
            {field(EVENT_FIELDS, "type", "event.", { value: "ARRESTED" })}
            {field(EVENT_FIELDS, "precision", "event.", { value: "DAY" })}
            {field(EVENT_FIELDS, "dateEarliest", "event.")}
            {field(EVENT_FIELDS, "dateLatest", "event.")}
            {field(EVENT_FIELDS, "dateWording", "event.")}
            {field(EVENT_FIELDS, "authority", "event.")}
            {field(EVENT_FIELDS, "description", "event.", { className: wide })}
            {field(EVENT_FIELDS, "descriptionAlt", "event.", { className: wide })}
            {passage(LOG_CASE_NAMES.eventQuote, t("eventQuote"), t("quoteHint"), eventQuote, setEventQuote)}
          </fieldset>

          <fieldset className={section}>
            <legend className={legend}>{t("sections.action")}</legend>
            <label className={`${wide} flex items-center gap-2 text-sm`}>
              <input
                type="checkbox"
                name={LOG_CASE_NAMES.addAction}
                value="yes"
                checked={withAction}
                onChange={(e) => setWithAction(e.target.checked)}
              />
              {t("addAction")}
            </label>
            {withAction && (
              <>
                {field(ADVOCACY_FIELDS, "contactId", "action.", {
                  className: wide,
                  choices: contacts,
                  placeholder: t("newContact"),
                })}
                <p className={`${wide} text-sm text-stone-700`}>{t("newContactHint")}</p>
                {field(CONTACT_FIELDS, "name", "contact.")}
                {field(CONTACT_FIELDS, "kind", "contact.", { value: "LAWMAKER" })}
                {field(CONTACT_FIELDS, "organisation", "contact.")}
                {field(CONTACT_FIELDS, "role", "contact.")}
                {field(ADVOCACY_FIELDS, "kind", "action.", { value: "APPEAL" })}
                {field(ADVOCACY_FIELDS, "date", "action.", { value: today })}
                {field(ADVOCACY_FIELDS, "askedFor", "action.", { className: wide })}
                {field(ADVOCACY_FIELDS, "response", "action.", { value: "NO_RESPONSE" })}
                {field(ADVOCACY_FIELDS, "status", "action.", { value: "AWAITING_RESPONSE" })}
                {field(ADVOCACY_FIELDS, "followUpDue", "action.")}
              </>
            )}
          </fieldset>
          <SubmitButton pending={pending}>{state.duplicates ? t("saveAnyway") : t("save")}</SubmitButton>
        </div>
      </div>
    </form>
  );
}
