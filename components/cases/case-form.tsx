"use client";
import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { createCaseAction, updateCaseAction } from "@/lib/actions/case-writes";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";

const IDLE: ActionState = { status: "idle" };
const input = "mt-1 block w-full rounded border border-stone-400 px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

export type CaseFormValues = Record<string, string>;

const STATUS = ["REPORTED_DETAINED", "AT_RISK_OF_REPATRIATION", "REPATRIATED", "RELEASED", "REACHED_SAFETY", "DIED", "UNKNOWN"];
const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase().replaceAll("_", " ");

function Field({ name, text, type = "text", hint, children, v, e }: { name: string; text: string; type?: string; hint?: string; children?: React.ReactNode; v: CaseFormValues; e: Record<string, string> }) {
  const described = [e[name] ? `${name}-error` : "", hint ? `${name}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{text}</label>
      {hint && <p id={`${name}-hint`} className="text-xs text-stone-600">{hint}</p>}
      {children ?? <input id={name} name={name} type={type} defaultValue={v[name] ?? ""} className={input} aria-invalid={Boolean(e[name])} aria-describedby={described} />}
      {e[name] && <p id={`${name}-error`} className="text-sm text-red-700">{e[name]}</p>}
    </div>
  );
}

/** Create or edit a case. Edit mode carries the version it was opened at and asks for a reason. */
export function CaseForm({ mode, initial }: { mode: "create" | "edit"; initial: CaseFormValues }) {
  const [state, action, pending] = useActionState(mode === "create" ? createCaseAction : updateCaseAction, IDLE);
  const v = { ...initial, ...(state.status !== "ok" ? state.values : {}) };
  const e = state.errors ?? {};

  const select = (name: string, options: string[]) => (
    <select id={name} name={name} defaultValue={v[name]} className={input} aria-invalid={Boolean(e[name])} aria-describedby={e[name] ? `${name}-error` : undefined}>
      {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
    </select>
  );

  return (
    <form action={action} noValidate className="space-y-6" key={`${state.status}-${state.message ?? ""}`}>
      <ErrorSummary state={state} label="Case form status">
        {v.code && <ConflictHelp state={state} historyHref={`/cases/${v.code}/history`} reloadHref={`/cases/${v.code}/edit`} />}
        {state.duplicates && (
          <div className="mt-2 rounded border border-amber-500 bg-amber-50 p-3 text-sm">
            <p className="font-medium">Possible duplicates</p>
            <ul className="list-disc pl-5">
              {state.duplicates.map((d) => (
                <li key={d.code}><Link href={`/cases/${d.code}`} target="_blank" className="underline">{d.code}</Link> — {d.title} ({d.sizeMin}+ people, {d.place})</li>
              ))}
            </ul>
            <input type="hidden" name="confirmNotDuplicate" value="yes" />
            <p className="mt-1">If this is a different group, save again to log it.</p>
          </div>
        )}
      </ErrorSummary>
      {mode === "edit" && (
        <>
          <input type="hidden" name="code" value={v.code} />
          <input type="hidden" name="version" value={v.version} />
        </>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="text-lg font-semibold">The case</legend>
        <div className="sm:col-span-2"><Field v={v} e={e} name="title" text="Title" /></div>
        <div className="sm:col-span-2">
          <Field v={v} e={e} name="summary" text="Summary">
            <textarea id="summary" name="summary" rows={4} defaultValue={v.summary ?? ""} className={input} aria-invalid={Boolean(e.summary)} aria-describedby={e.summary ? "summary-error" : undefined} />
          </Field>
        </div>
        {mode === "edit" && <Field v={v} e={e} name="status" text="Status" hint="Normally follows the latest event; setting it here records an event.">{select("status", STATUS)}</Field>}
        <Field v={v} e={e} name="verification" text="Verification">{select("verification", ["CONFIRMED", "LIKELY", "POSSIBLE", "UNVERIFIED"])}</Field>
        <Field v={v} e={e} name="priority" text="Priority">{select("priority", ["URGENT", "HIGH", "NORMAL", "LOW"])}</Field>
        {v.visibility === "PUBLIC" ? (
          <p className="text-sm">Visibility: public (unpublish from the preview).<input type="hidden" name="visibility" value="INTERNAL" /></p>
        ) : (
          <Field v={v} e={e} name="visibility" text="Visibility" hint="Publish from the case's preview once it is ready.">{select("visibility", ["INTERNAL", "RESTRICTED"])}</Field>
        )}
        <Field v={v} e={e} name="tags" text="Tags" hint="Comma-separated." />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="text-lg font-semibold">Group size</legend>
        <Field v={v} e={e} name="sizeMin" text="At least" type="number" />
        <Field v={v} e={e} name="sizeBest" text="Best estimate" type="number" />
        <Field v={v} e={e} name="sizeMax" text="At most" type="number" />
        <Field v={v} e={e} name="sizeWording" text="Reported wording" hint="e.g. “some 30”" />
        <Field v={v} e={e} name="familyInSouthMin" text="Family in South Korea (min)" type="number" />
        <Field v={v} e={e} name="familyInSouthMax" text="Family in South Korea (max)" type="number" />
        <Field v={v} e={e} name="askedForHelpMin" text="Asked for help (min)" type="number" />
        <Field v={v} e={e} name="askedForHelpMax" text="Asked for help (max)" type="number" />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="text-lg font-semibold">Place</legend>
        <Field v={v} e={e} name="country" text="Country code" hint="Two letters, e.g. CN." />
        <Field v={v} e={e} name="province" text="Province" />
        <Field v={v} e={e} name="cityArea" text="City or area" />
      </fieldset>
      {mode === "edit" && <Field v={v} e={e} name="reason" text="Reason for the change" hint="Required when changing the status or a figure that has a source behind it." />}
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Saving…" : mode === "create" ? (state.duplicates ? "Save anyway" : "Log case") : "Save changes"}
      </button>
    </form>
  );
}
