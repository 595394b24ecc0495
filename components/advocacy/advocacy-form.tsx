"use client";
import { useActionState, useId } from "react";
import Link from "next/link";
import { createAdvocacyActionAction, updateAdvocacyActionAction } from "@/lib/actions/advocacy";
import type { ActionState } from "@/lib/actions/action-state";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { ACTION_KINDS, ACTION_RESPONSES, ACTION_STATUSES } from "@/lib/validations/advocacy";
import { button, Field, IDLE, input, shown, useKeepInputSubmit } from "@/components/ui/form-fields";

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

function Options({ map }: { map: Record<string, string> }) {
  return Object.entries(map).map(([value, label]) => <option key={value} value={value}>{label}</option>);
}

/** The fields both forms share; `initial` is the record being edited, or the defaults for a new one. */
function AdvocacyFields({ state, contacts, initial }: { state: ActionState; contacts: ContactOption[]; initial: Partial<AdvocacyFormValues> }) {
  const id = useId();
  const value = (name: keyof AdvocacyFormValues) => shown(state, name, initial[name] as string | undefined);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={id} name="contactId" label="Contact" state={state}>
        {(a) => (
          <select {...a} required className={input} defaultValue={value("contactId")}>
            <option value="">Choose…</option>
            {contacts.map((c) => <option key={c.id} value={c.id}>{c.name}{c.organisation && c.organisation !== c.name ? ` (${c.organisation})` : ""}</option>)}
          </select>
        )}
      </Field>
      <Field id={id} name="kind" label="Kind of action" state={state}>
        {(a) => <select {...a} required className={input} defaultValue={value("kind")}><option value="">Choose…</option><Options map={ACTION_KINDS} /></select>}
      </Field>
      <Field id={id} name="date" label="Date" state={state}>
        {(a) => <input {...a} type="date" required className={input} defaultValue={value("date")} />}
      </Field>
      <Field id={id} name="followUpDue" label="Follow-up due" hint="Optional; not before the action's date." state={state}>
        {(a) => <input {...a} type="date" className={input} defaultValue={value("followUpDue")} />}
      </Field>
      <Field id={id} name="response" label="Response" state={state}>
        {(a) => <select {...a} required className={input} defaultValue={value("response")}><Options map={ACTION_RESPONSES} /></select>}
      </Field>
      <Field id={id} name="status" label="Status" hint="Closed actions leave the follow-ups list." state={state}>
        {(a) => <select {...a} required className={input} defaultValue={value("status")}><Options map={ACTION_STATUSES} /></select>}
      </Field>
      <div className="sm:col-span-2">
        <Field id={id} name="askedFor" label="What was asked for" state={state}>
          {(a) => <textarea {...a} rows={3} maxLength={2000} required className={input} defaultValue={value("askedFor")} />}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field id={id} name="notes" label="Notes" state={state}>
          {(a) => <textarea {...a} rows={3} maxLength={5000} className={input} defaultValue={value("notes")} />}
        </Field>
      </div>
    </div>
  );
}

const afterSave = (caseCode: string) => (
  <p className="text-sm"><Link href={`/cases/${caseCode}`} className="underline">Back to the case</Link> · <Link href="/follow-ups" className="underline">Follow-ups</Link></p>
);

/** Records an advocacy action on one case. */
export function NewAdvocacyForm({ caseCode, contacts, today }: { caseCode: string; contacts: ContactOption[]; today: string }) {
  const [state, action, pending] = useActionState(createAdvocacyActionAction, IDLE);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-3 rounded border border-stone-300 bg-white p-4" aria-label="Record an advocacy action" noValidate>
      <ErrorSummary state={state} label="Advocacy action status">{state.status === "ok" && afterSave(caseCode)}</ErrorSummary>
      <input type="hidden" name="caseCode" value={caseCode} />
      <AdvocacyFields state={state} contacts={contacts} initial={{ date: today, response: "NO_RESPONSE", status: "SENT" }} />
      <button type="submit" disabled={pending || state.status === "ok"} className={button}>{pending ? "Saving…" : "Record action"}</button>
    </form>
  );
}

/**
 * Edits an advocacy action, typically to record the response or close it. Carries the version it
 * was opened at: a save over someone else's change is refused with who and when.
 */
export function EditAdvocacyForm({ caseCode, contacts, initial }: { caseCode: string; contacts: ContactOption[]; initial: AdvocacyFormValues }) {
  const [state, action, pending] = useActionState(updateAdvocacyActionAction, IDLE);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-3 rounded border border-stone-300 bg-white p-4" aria-label="Edit advocacy action" noValidate>
      <ErrorSummary state={state} label="Advocacy action status">
        {state.status === "ok" && afterSave(caseCode)}
        <ConflictHelp state={state} historyHref={`/cases/${caseCode}/history`} />
      </ErrorSummary>
      <input type="hidden" name="id" value={initial.id} />
      <input type="hidden" name="version" value={initial.version} />
      <AdvocacyFields state={state} contacts={contacts} initial={initial} />
      <button type="submit" disabled={pending} className={button}>{pending ? "Saving…" : "Save"}</button>
    </form>
  );
}
