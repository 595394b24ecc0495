"use client";
import { useActionState, useId } from "react";
import { archiveContactAction, createContactAction, updateContactAction } from "@/lib/actions/contacts";
import { FormStatus } from "@/components/ui/form-status";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { CONTACT_KINDS } from "@/lib/validations/contact";
import { button, Field, IDLE, input, shown, useKeepInputSubmit, useResetOnSuccess } from "@/components/ui/form-fields";
import type { ActionState } from "@/lib/actions/action-state";

type ContactValues = { id: string; version: number; name: string; kind: string; organisation: string | null; role: string | null; country: string | null; notes: string; contactDetails: string | null };

function ContactFields({ state, contact, canSetDetails }: { state: ActionState; contact?: ContactValues; canSetDetails: boolean }) {
  const id = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={id} name="name" label="Name" state={state}>
        {(a) => <input {...a} type="text" maxLength={200} required className={input} defaultValue={shown(state, "name", contact?.name)} />}
      </Field>
      <Field id={id} name="kind" label="Kind" state={state}>
        {(a) => (
          <select {...a} required className={input} defaultValue={shown(state, "kind", contact?.kind)}>
            <option value="">Choose…</option>
            {Object.entries(CONTACT_KINDS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        )}
      </Field>
      <Field id={id} name="organisation" label="Organisation" state={state}>
        {(a) => <input {...a} type="text" maxLength={300} className={input} defaultValue={shown(state, "organisation", contact?.organisation)} />}
      </Field>
      <Field id={id} name="role" label="Role" state={state}>
        {(a) => <input {...a} type="text" maxLength={300} className={input} defaultValue={shown(state, "role", contact?.role)} />}
      </Field>
      <Field id={id} name="country" label="Country" hint="Two-letter code, e.g. KR, CN, CH." state={state}>
        {(a) => <input {...a} type="text" maxLength={2} className={input} defaultValue={shown(state, "country", contact?.country)} />}
      </Field>
      {canSetDetails && (
        <Field id={id} name="contactDetails" label="Contact details (restricted)" hint="Email, phone, address. Encrypted; only staff and admins see it." state={state}>
          {(a) => <textarea {...a} rows={2} maxLength={2000} className={input} defaultValue={shown(state, "contactDetails", contact?.contactDetails)} />}
        </Field>
      )}
      <div className="sm:col-span-2">
        <Field id={id} name="notes" label="Notes" state={state}>
          {(a) => <textarea {...a} rows={3} maxLength={5000} className={input} defaultValue={shown(state, "notes", contact?.notes)} />}
        </Field>
      </div>
    </div>
  );
}

export function CreateContactForm({ canSetDetails }: { canSetDetails: boolean }) {
  const [state, action, pending] = useActionState(createContactAction, IDLE);
  const ref = useResetOnSuccess(state);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form ref={ref} action={action} onSubmit={onSubmit} className="space-y-3 rounded border border-stone-300 bg-white p-4" aria-label="New contact" noValidate>
      <h2 className="text-lg font-semibold">Add a contact</h2>
      <ErrorSummary state={state} label="New contact status" />
      <ContactFields state={state} canSetDetails={canSetDetails} />
      <button type="submit" disabled={pending} className={button}>{pending ? "Saving…" : "Add contact"}</button>
    </form>
  );
}

export function EditContactForm({ contact, canSetDetails }: { contact: ContactValues; canSetDetails: boolean }) {
  const [state, action, pending] = useActionState(updateContactAction, IDLE);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-3 rounded border border-stone-300 bg-white p-4" aria-label="Edit contact" noValidate>
      <ErrorSummary state={state} label="Edit contact status"><ConflictHelp state={state} /></ErrorSummary>
      <input type="hidden" name="id" value={contact.id} />
      <input type="hidden" name="version" value={contact.version} />
      <ContactFields state={state} contact={contact} canSetDetails={canSetDetails} />
      <button type="submit" disabled={pending} className={button}>{pending ? "Saving…" : "Save"}</button>
    </form>
  );
}

export function ArchiveContactForm({ id, version }: { id: string; version: number }) {
  const [state, action, pending] = useActionState(archiveContactAction, IDLE);
  return (
    <form action={action} className="mt-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-stone-700">Archiving hides the contact from lists and pickers; past actions keep it.</p>
      <button type="submit" disabled={pending || state.status === "ok"} className={`${button} mt-1`}>{pending ? "Archiving…" : "Archive contact"}</button>
      <FormStatus state={state} label="Archive status" />
    </form>
  );
}
