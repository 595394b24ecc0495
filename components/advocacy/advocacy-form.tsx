"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import Link from "next/link";
import { createAdvocacyActionAction, updateAdvocacyActionAction } from "@/lib/actions/advocacy";
import type { ActionState } from "@/lib/actions/action-state";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import {
  button,
  IDLE,
  SubmitButton,
  TableField,
  type TableFieldOptions,
  useKeepInputSubmit,
} from "@/components/ui/form-fields";

export type ContactOption = { id: string; name: string; organisation: string | null };

/** An advocacy action as the edit form starts it: dates as YYYY-MM-DD, "" for none. */
export type AdvocacyFormValues = {
  id: string;
  version: number;
  contactId: string;
  kind: string;
  date: string;
  followUpDue: string;
  response: string;
  status: string;
  askedFor: string;
  notes: string;
};

/** The fields both forms share; `initial` is the record being edited, or the defaults for a new one. */
function AdvocacyFields({
  state,
  contacts,
  initial,
}: {
  state: ActionState;
  contacts: ContactOption[];
  initial: Partial<AdvocacyFormValues>;
}) {
  const t = useTranslations("form");
  const id = useId();
  const choices = contacts.map((c) => ({
    value: c.id,
    label: c.organisation && c.organisation !== c.name ? `${c.name} (${c.organisation})` : c.name,
  }));
  const field = (name: keyof typeof ADVOCACY_FIELDS.fields, extra: TableFieldOptions = {}) => (
    <TableField
      table={ADVOCACY_FIELDS}
      name={name}
      state={state}
      value={initial[name] as string | undefined}
      idPrefix={id}
      {...extra}
    />
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {field("contactId", { choices, placeholder: t("choose"), required: true })}
      {field("kind", { placeholder: t("choose"), required: true })}
      {field("date", { required: true })}
      {field("followUpDue")}
      {field("response", { required: true })}
      {field("status", { required: true })}
      {field("askedFor", { required: true, className: "sm:col-span-2" })}
      {field("notes", { className: "sm:col-span-2" })}
    </div>
  );
}

function AfterSave({ caseCode }: { caseCode: string }) {
  const t = useTranslations("advocacyForm");
  return (
    <p className="text-sm">
      <Link href={`/cases/${caseCode}`} className="underline">
        {t("backToCase")}
      </Link>{" "}
      ·{" "}
      <Link href="/follow-ups" className="underline">
        {t("followUps")}
      </Link>
    </p>
  );
}

/**
 * Records an advocacy action on a case (`initial` without an id), or edits one, typically to record
 * the response or close it: an edit carries the version it was opened at, and a save over someone
 * else's change is refused with who and when.
 */
export function AdvocacyForm({
  caseCode,
  contacts,
  initial,
}: {
  caseCode: string;
  contacts: ContactOption[];
  initial: Partial<AdvocacyFormValues>;
}) {
  const t = useTranslations("advocacyForm");
  const editing = Boolean(initial.id);
  const [state, action, pending] = useActionState(
    editing ? updateAdvocacyActionAction : createAdvocacyActionAction,
    IDLE,
  );
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="space-y-3 rounded border border-stone-300 bg-white p-4"
      aria-label={editing ? t("editLabel") : t("newLabel")}
      noValidate
    >
      <ErrorSummary state={state} label={t("status")}>
        {state.status === "ok" && <AfterSave caseCode={caseCode} />}
        {editing && <ConflictHelp state={state} historyHref={`/cases/${caseCode}/history`} />}
      </ErrorSummary>
      {editing ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : (
        <input type="hidden" name="caseCode" value={caseCode} />
      )}
      <AdvocacyFields state={state} contacts={contacts} initial={initial} />
      {/* A new action, once saved, is not saved again by a second click: the form says what next. */}
      <SubmitButton pending={pending} disabled={!editing && state.status === "ok"} className={button}>
        {editing ? t("save") : t("create")}
      </SubmitButton>
    </form>
  );
}
