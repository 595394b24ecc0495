"use client";
import { useActionState, useId } from "react";
import Link from "next/link";
import { createAdvocacyActionAction } from "@/lib/actions/advocacy";
import { FormStatus } from "@/components/ui/form-status";
import { ACTION_KINDS, ACTION_RESPONSES, ACTION_STATUSES } from "@/lib/validations/advocacy";
import { button, Field, IDLE, input, shown, useKeepInputSubmit } from "@/components/advocacy/fields";

type ContactOption = { id: string; name: string; organisation: string | null };

function Options({ map }: { map: Record<string, string> }) {
  return Object.entries(map).map(([value, label]) => <option key={value} value={value}>{label}</option>);
}

/** Records an advocacy action on one case. */
export function NewAdvocacyForm({ caseCode, contacts, today }: { caseCode: string; contacts: ContactOption[]; today: string }) {
  const [state, action, pending] = useActionState(createAdvocacyActionAction, IDLE);
  const id = useId();
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-3 rounded border border-stone-300 bg-white p-4" aria-label="Record an advocacy action" noValidate>
      <input type="hidden" name="caseCode" value={caseCode} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id} name="contactId" label="Contact" state={state}>
          {(a) => (
            <select {...a} required className={input} defaultValue={shown(state, "contactId")}>
              <option value="">Choose…</option>
              {contacts.map((c) => <option key={c.id} value={c.id}>{c.name}{c.organisation && c.organisation !== c.name ? ` (${c.organisation})` : ""}</option>)}
            </select>
          )}
        </Field>
        <Field id={id} name="kind" label="Kind of action" state={state}>
          {(a) => <select {...a} required className={input} defaultValue={shown(state, "kind")}><option value="">Choose…</option><Options map={ACTION_KINDS} /></select>}
        </Field>
        <Field id={id} name="date" label="Date" state={state}>
          {(a) => <input {...a} type="date" required className={input} defaultValue={shown(state, "date", today)} />}
        </Field>
        <Field id={id} name="followUpDue" label="Follow-up due" hint="Optional; not before the action's date." state={state}>
          {(a) => <input {...a} type="date" className={input} defaultValue={shown(state, "followUpDue")} />}
        </Field>
        <Field id={id} name="response" label="Response" state={state}>
          {(a) => <select {...a} required className={input} defaultValue={shown(state, "response", "NO_RESPONSE")}><Options map={ACTION_RESPONSES} /></select>}
        </Field>
        <Field id={id} name="status" label="Status" state={state}>
          {(a) => <select {...a} required className={input} defaultValue={shown(state, "status", "SENT")}><Options map={ACTION_STATUSES} /></select>}
        </Field>
        <div className="sm:col-span-2">
          <Field id={id} name="askedFor" label="What was asked for" state={state}>
            {(a) => <textarea {...a} rows={3} maxLength={2000} required className={input} defaultValue={shown(state, "askedFor")} />}
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field id={id} name="notes" label="Notes" state={state}>
            {(a) => <textarea {...a} rows={3} maxLength={5000} className={input} defaultValue={shown(state, "notes")} />}
          </Field>
        </div>
      </div>
      <button type="submit" disabled={pending || state.status === "ok"} className={button}>{pending ? "Saving…" : "Record action"}</button>
      <FormStatus state={state} label="Advocacy action status" />
      {state.status === "ok" && (
        <p className="text-sm"><Link href={`/cases/${caseCode}`} className="underline">Back to the case</Link> · <Link href="/follow-ups" className="underline">Follow-ups</Link></p>
      )}
    </form>
  );
}
