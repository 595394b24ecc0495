"use client";
import Link from "next/link";
import { useActionState, useEffect, useId, useMemo, useRef, useState } from "react";
import { proposeFromReportAction, saveFromReportAction } from "@/lib/actions/intake";
import type { ActionState } from "@/lib/actions/action-state";
import type { Confidence, Span } from "@/lib/intake/types";
import type { IntakeProposal } from "@/lib/intake/proposal";
import {
  errorsByField,
  initialDrafts,
  reviewEdits,
  reviewPayload,
  withEdits,
  type EventDraft,
  type ReviewEdit,
} from "@/lib/intake/review-drafts";
import { ErrorSummary } from "@/components/ui/error-summary";
import { button, EnumOptions, Field, IDLE, input, shown, useKeepInputSubmit } from "@/components/ui/form-fields";
import { useTranslations } from "next-intl";
import { ADVOCACY_FIELDS } from "@/lib/fields/advocacy";
import { CASE_FIELDS } from "@/lib/fields/case";
import { CONTACT_FIELDS } from "@/lib/fields/contact";
import { EVENT_FIELDS } from "@/lib/fields/event";
import { SOURCE_FIELDS } from "@/lib/fields/source";
import { useFieldLabel } from "@/lib/i18n/field-labels";
import { CONTACT_KINDS } from "@/lib/validations/contact";
import { CASE_STATUSES } from "@/lib/validations/case";
import { EVENT_TYPES, PRECISIONS } from "@/lib/validations/event";
import { MAX_REPORT_TEXT, tooLongMessage } from "@/lib/validations/intake";

const small = "mt-1 block w-full rounded border border-stone-400 px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

/** Step 1: paste the report. */
export function ReportIntake({ today }: { today: string }) {
  const [serverState, action, pending] = useActionState(proposeFromReportAction, IDLE);
  // A paste far too long to send is refused here, with the server's own message, without uploading it.
  const [tooLong, setTooLong] = useState<ActionState | null>(null);
  const state = tooLong ?? serverState;
  // The reviewer's edits of the current proposal, carried into a new proposal of the same text
  // (proposed again with a corrected date: the dates are re-read, the edits stay).
  const [carried, setCarried] = useState<{ text: string; edits: ReviewEdit[] } | null>(null);
  const id = useId();
  const submit = useKeepInputSubmit(action);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const text = new FormData(event.currentTarget).get("text");
    if (typeof text === "string" && text.length > MAX_REPORT_TEXT) {
      event.preventDefault();
      setTooLong({
        status: "invalid",
        message: "Check the highlighted fields. Nothing was read.",
        errors: { text: tooLongMessage(text.length) },
      });
      return;
    }
    setTooLong(null);
    submit(event);
  };
  return (
    <div className="space-y-6">
      <form
        action={action}
        onSubmit={onSubmit}
        noValidate
        aria-label="Paste a report"
        className="space-y-3 rounded border border-stone-300 bg-white p-4"
      >
        <ErrorSummary state={state.status === "ok" ? { status: "idle" } : state} label="Report status" />
        <Field
          id={id}
          name="text"
          label="Text of the report"
          hint="Paste the whole article as published; page clutter such as “Back To Top” is ignored. The text is kept exactly as pasted."
          state={state}
        >
          {(a) => (
            <textarea {...a} rows={12} className={input} defaultValue={shown(state, "text", state.proposal?.text)} />
          )}
        </Field>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id={id} name="url" label="URL (optional)" state={state}>
            {(a) => (
              <input
                {...a}
                type="url"
                className={input}
                defaultValue={shown(state, "url", state.proposal?.input.url)}
              />
            )}
          </Field>
          <Field
            id={id}
            name="outlet"
            label="Outlet (optional)"
            hint="Filled in from the text when it names one."
            state={state}
          >
            {(a) => (
              <input
                {...a}
                type="text"
                className={input}
                defaultValue={shown(state, "outlet", state.proposal?.input.outlet)}
              />
            )}
          </Field>
          <Field
            id={id}
            name="publishedAt"
            label="Published (optional)"
            hint="Relative dates (“last Wednesday”) are read against it."
            state={state}
          >
            {(a) => (
              <input
                {...a}
                // A date offered by the server (the one the text mentions) replaces what was there.
                key={shown(state, "publishedAt", state.proposal?.input.publishedAt)}
                type="date"
                max={today}
                className={input}
                defaultValue={shown(state, "publishedAt", state.proposal?.input.publishedAt)}
              />
            )}
          </Field>
        </div>
        {state.message?.startsWith("Give the report's publication date first") && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="withoutDate" value="yes" />
            Propose without a publication date (relative dates stay unresolved and propose no events)
          </label>
        )}
        <button type="submit" disabled={pending} className={button}>
          {pending ? "Reading…" : "Propose records"}
        </button>
        {state.status === "ok" && (
          <p role="status" aria-label="Proposal status" className="text-sm text-green-900">
            {state.message}
          </p>
        )}
      </form>
      {state.proposal?.earlierCapture && (
        <section
          aria-label="Already captured"
          data-testid="already-captured"
          className="rounded border border-amber-500 bg-amber-50 p-3 text-sm"
        >
          <p>{state.proposal.earlierCapture.summary}</p>
          <p className="mt-1">
            <Link href={`/sources/${state.proposal.earlierCapture.id}`} className="underline">
              Open the earlier capture
            </Link>
            {state.proposal.earlierCapture.codes.map((code) => (
              <span key={code}>
                {" · "}
                <Link href={`/cases/${code}`} className="underline">
                  {code}
                </Link>
              </span>
            ))}
          </p>
        </section>
      )}
      {state.proposal && (
        <Review
          key={state.proposal.id}
          proposal={state.proposal}
          carried={carried?.text === state.proposal.text ? carried.edits : []}
          onEdits={setCarried}
        />
      )}
    </div>
  );
}

function ConfidenceNote({ confidence, why }: { confidence: Confidence; why: string }) {
  const tone =
    confidence === "high"
      ? "bg-green-100 text-green-900"
      : confidence === "medium"
        ? "bg-amber-100 text-amber-900"
        : "bg-red-100 text-red-900";
  return (
    <p className="text-xs">
      <span className={`rounded px-1 ${tone}`}>{confidence} confidence</span>{" "}
      <span className="text-stone-700">{why}</span>
    </p>
  );
}

/** Step 2: review, correct, drop, save. */
function Review({
  proposal,
  carried,
  onEdits,
}: {
  proposal: IntakeProposal;
  carried: ReviewEdit[];
  onEdits: (edits: { text: string; edits: ReviewEdit[] }) => void;
}) {
  const tEnums = useTranslations("enums");
  const eventLabel = (type: string): string => tEnums(`EventType.${type}` as string);
  const proposed = useMemo(() => initialDrafts(proposal), [proposal]);
  const [start] = useState(() => withEdits(proposed, carried));
  const [drafts, setDrafts] = useState(start.drafts);
  useEffect(() => {
    onEdits({ text: proposal.text, edits: reviewEdits(proposed, drafts) });
  }, [drafts, proposed, proposal.text, onEdits]);
  const [active, setActive] = useState<Span | null>(null);
  const [state, action, pending] = useActionState(saveFromReportAction, IDLE);
  const markRef = useRef<HTMLElement>(null);
  const x = proposal.extraction;
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [active]);

  const update = <K extends "cases" | "people" | "appeals" | "aggregates">(
    kind: K,
    index: number,
    patch: Partial<(typeof drafts)[K][number]>,
  ) => setDrafts((d) => ({ ...d, [kind]: d[kind].map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const updateEvent = (c: number, e: number, patch: Partial<EventDraft>) =>
    setDrafts((d) => ({
      ...d,
      cases: d.cases.map((item, i) =>
        i === c ? { ...item, events: item.events.map((ev, j) => (j === e ? { ...ev, ...patch } : ev)) } : item,
      ),
    }));

  // The payload in the shape lib/validations/intake.ts checks; indexes count kept items only.
  const { payload, caseIndex, eventIndex } = useMemo(() => reviewPayload(drafts, proposal), [drafts, proposal]);
  /** Errors from the server, keyed by what the user sees ("case-0-sizeMin", "case-0-event-1-dateLatest"). */
  const errors = useMemo(
    () => errorsByField(state.errors, caseIndex, eventIndex),
    [state.errors, caseIndex, eventIndex],
  );
  const summaryState: ActionState = { ...state, errors };
  /**
   * One reviewed value: its label (from the field tables), a control bound to the drafts, and the
   * server's message for it. The key ("case-0-sizeMin") is its id, so the summary's links reach it.
   */
  const draft = (
    key: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    control: { type?: "text" | "date"; inputMode?: "numeric"; rows?: number; options?: React.ReactNode } = {},
  ) => (
    <Field id="" name={key} label={label} state={summaryState}>
      {(a) =>
        control.options ? (
          <select {...a} className={small} value={value} onChange={(e) => onChange(e.target.value)}>
            {control.options}
          </select>
        ) : control.rows ? (
          <textarea
            {...a}
            rows={control.rows}
            className={small}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...a}
            type={control.type ?? "text"}
            inputMode={control.inputMode}
            className={small}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
  const caseLabel = useFieldLabel(CASE_FIELDS);
  const eventFieldLabel = useFieldLabel(EVENT_FIELDS);
  const sourceLabel = useFieldLabel(SOURCE_FIELDS);
  const contactLabel = useFieldLabel(CONTACT_FIELDS);
  const advocacyLabel = useFieldLabel(ADVOCACY_FIELDS);
  const ShowPassage = ({ span, what }: { span: Span | null; what: string }) =>
    span ? (
      <button
        type="button"
        className="text-xs underline"
        onClick={() => setActive(span)}
        aria-label={`Show the passage for ${what}`}
      >
        Show passage
      </button>
    ) : (
      <span className="text-xs text-stone-600">no passage</span>
    );

  if (state.status === "ok" && state.savedCases) {
    return (
      <section role="status" aria-label="Saved from report" className="rounded border border-green-700 bg-green-50 p-4">
        <p className="font-medium">{state.message}</p>
        <ul className="mt-2 list-disc pl-5">
          {state.savedCases.map((code) => (
            <li key={code}>
              <Link href={`/cases/${code}`} className="underline">
                {code}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <form action={action} noValidate aria-label="Review proposed records" className="grid gap-6 lg:grid-cols-2">
      <input type="hidden" name="payload" value={payload} />
      {start.kept > 0 && (
        <p className="text-sm lg:col-span-2" data-testid="edits-kept">
          Read again: your {start.kept} {start.kept === 1 ? "edit was" : "edits were"} kept; everything else (such as
          dates read against the new publication date) is as newly proposed.
        </p>
      )}
      <div className="space-y-4 lg:order-2">
        <section
          aria-labelledby="report-text-heading"
          className="sticky top-2 max-h-[80vh] overflow-y-auto rounded border border-stone-300 bg-white p-3"
        >
          <h2 id="report-text-heading" className="font-semibold">
            The report
          </h2>
          <p className="text-xs text-stone-600">“Show passage” highlights where a value comes from.</p>
          <p className="mt-2 whitespace-pre-wrap text-sm" data-testid="report-text">
            {active ? (
              <>
                {proposal.text.slice(0, active.start)}
                <mark ref={markRef} className="bg-yellow-200" data-testid="highlight">
                  {proposal.text.slice(active.start, active.end)}
                </mark>
                {proposal.text.slice(active.end)}
              </>
            ) : (
              proposal.text
            )}
          </p>
        </section>
      </div>

      <div className="space-y-6 lg:order-1">
        <ErrorSummary state={summaryState} label="Save status" />
        {x.warnings.length > 0 && (
          <ul className="rounded border border-amber-500 bg-amber-50 p-3 text-sm" aria-label="Warnings">
            {x.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}

        <fieldset className="space-y-2 rounded border border-stone-300 bg-white p-3">
          <legend className="font-semibold">Source</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {(["outlet", "title", "author", "language", "publishedAt", "url"] as const).map((f) => (
              <div key={f}>
                {draft(
                  `source-${f}`,
                  sourceLabel(f),
                  drafts.source[f],
                  (v) => setDrafts((d) => ({ ...d, source: { ...d.source, [f]: v } })),
                  {
                    type: f === "publishedAt" ? "date" : "text",
                  },
                )}
                {f !== "url" && f !== "language" && x.source[f] && (
                  <ShowPassage span={x.source[f]!.span} what={`the ${f}`} />
                )}
              </div>
            ))}
          </div>
        </fieldset>

        <section
          aria-labelledby="totals-heading"
          className="rounded border border-stone-300 bg-white p-3 text-sm"
          data-testid="total-check"
        >
          <h2 id="totals-heading" className="font-semibold">
            Totals
          </h2>
          <p className={x.totalCheck.consistent === false ? "text-red-800" : ""}>{x.totalCheck.message}</p>
          {x.statedTotals.map((t, i) => (
            <p key={i}>
              Stated: “{t.value.wording}” <ShowPassage span={t.span} what={`the stated total ${t.value.wording}`} />
            </p>
          ))}
          {drafts.aggregates.length > 0 && (
            <div className="mt-2 space-y-1" data-testid="aggregates">
              <h3 className="font-medium">Statistics over a period or many places (never proposed as groups)</h3>
              {drafts.aggregates.map((a, i) => (
                <div key={i}>
                  <label className="inline-flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={a.keep}
                      onChange={(e) => update("aggregates", i, { keep: e.target.checked })}
                    />{" "}
                    Keep “{a.wording}” as a note in the saved cases’ summaries
                  </label>{" "}
                  <ShowPassage span={a.span} what={`the statistic ${a.wording}`} />
                  <p className="text-xs text-stone-700">{a.why}</p>
                </div>
              ))}
            </div>
          )}
        </section>

        <section aria-labelledby="groups-heading" className="space-y-3">
          <h2 id="groups-heading" className="text-lg font-semibold">
            Groups ({drafts.cases.filter((c) => c.include).length} of {drafts.cases.length} kept)
          </h2>
          {drafts.cases.length === 0 && (
            <p className="text-sm text-stone-700">
              No group of people was found in the text. Log the case by hand from{" "}
              <Link href="/cases/new" className="underline">
                Log a case
              </Link>
              .
            </p>
          )}
          {drafts.cases.map((c, i) => (
            <fieldset
              key={i}
              className={`space-y-2 rounded border p-3 ${c.include ? "border-stone-300 bg-white" : "border-dashed border-stone-300 bg-stone-50 opacity-70"}`}
              data-testid={`group-${i}`}
            >
              <legend className="font-semibold">Group {i + 1}</legend>
              <label className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={c.include}
                  onChange={(e) => update("cases", i, { include: e.target.checked })}
                />{" "}
                Keep this group
              </label>
              <ConfidenceNote confidence={c.confidence} why={c.why} />
              {draft(`case-${i}-title`, caseLabel("title"), c.title, (v) => update("cases", i, { title: v }))}
              <div className="grid gap-2 sm:grid-cols-3">
                {(["sizeMin", "sizeBest", "sizeMax"] as const).map((f) => (
                  <div key={f}>
                    {draft(`case-${i}-${f}`, caseLabel(f), c[f], (v) => update("cases", i, { [f]: v }), {
                      inputMode: "numeric",
                    })}
                  </div>
                ))}
              </div>
              <p className="text-sm">
                Wording: “{c.sizeWording}” <ShowPassage span={c.sizeSpan} what={`group ${i + 1}'s size`} />
              </p>
              <div className="grid gap-2 sm:grid-cols-3">
                {(["country", "province", "cityArea"] as const).map((f) => (
                  <div key={f}>
                    {draft(`case-${i}-${f}`, caseLabel(f), c[f], (v) => update("cases", i, { [f]: v }))}
                  </div>
                ))}
              </div>
              {c.placeSpan && <ShowPassage span={c.placeSpan} what={`group ${i + 1}'s place`} />}
              {draft(`case-${i}-status`, caseLabel("status"), c.status, (v) => update("cases", i, { status: v }), {
                options: (
                  <>
                    <option value="">Follow the timeline</option>
                    <EnumOptions enumName="CaseStatus" options={CASE_STATUSES} />
                  </>
                ),
              })}
              {proposal.duplicates[i]?.length > 0 && (
                <fieldset className="rounded border border-amber-500 bg-amber-50 p-2 text-sm">
                  <legend className="font-medium">Possible duplicates, best match first</legend>
                  <label className="block">
                    <input
                      type="radio"
                      name={`merge-${i}`}
                      checked={c.mergeInto === ""}
                      onChange={() => update("cases", i, { mergeInto: "" })}
                    />{" "}
                    Log as a new case
                  </label>
                  {proposal.duplicates[i].map((d) => (
                    <label key={d.code} className="block">
                      <input
                        type="radio"
                        name={`merge-${i}`}
                        checked={c.mergeInto === d.code}
                        onChange={() => update("cases", i, { mergeInto: d.code })}
                      />{" "}
                      Add its events to{" "}
                      <Link href={`/cases/${d.code}`} target="_blank" className="underline">
                        {d.code}
                      </Link>
                      : {d.title} ({d.sizeMin}+ people, {d.place}, {d.dates})
                      {d.reasons && d.reasons.length > 0 && (
                        <span className="block pl-5 text-stone-700">Matches: {d.reasons.join(", ")}.</span>
                      )}
                    </label>
                  ))}
                </fieldset>
              )}
              <div className="space-y-2">
                <p className="text-sm font-medium">Events</p>
                {c.events.length === 0 && (
                  <p className="text-sm text-stone-700">No dated event was found for this group.</p>
                )}
                {c.events.map((e, j) => (
                  <div key={j} className="rounded border border-stone-200 p-2" data-testid={`group-${i}-event-${j}`}>
                    <label className="inline-flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={e.include}
                        onChange={(ev) => updateEvent(i, j, { include: ev.target.checked })}
                      />{" "}
                      Keep this event
                    </label>
                    <ConfidenceNote confidence={e.confidence} why={e.why} />
                    <div className="grid gap-2 sm:grid-cols-4">
                      {(["type", "dateEarliest", "dateLatest", "precision"] as const).map((f) => (
                        <div key={f}>
                          {draft(
                            `case-${i}-event-${j}-${f}`,
                            eventFieldLabel(f),
                            e[f],
                            (v) => updateEvent(i, j, { [f]: v }),
                            {
                              type: f === "dateEarliest" || f === "dateLatest" ? "date" : "text",
                              options:
                                f === "type" ? (
                                  <EnumOptions enumName="EventType" options={EVENT_TYPES} />
                                ) : f === "precision" ? (
                                  <EnumOptions enumName="DatePrecision" options={PRECISIONS} />
                                ) : undefined,
                            },
                          )}
                        </div>
                      ))}
                    </div>
                    <div className="grid gap-2 sm:grid-cols-3">
                      {(["country", "province", "cityArea"] as const).map((f) => (
                        <div key={f}>
                          {draft(`case-${i}-event-${j}-${f}`, eventFieldLabel(f), e[f], (v) =>
                            updateEvent(i, j, { [f]: v }),
                          )}
                        </div>
                      ))}
                    </div>
                    <p className="text-sm">
                      Wording: {e.dateWording ? `“${e.dateWording}”` : "no date given in the report"}{" "}
                      <ShowPassage span={e.span} what={`group ${i + 1}'s ${eventLabel(e.type).toLowerCase()} event`} />
                    </p>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </section>

        <section aria-labelledby="people-heading" className="space-y-3">
          <h2 id="people-heading" className="text-lg font-semibold">
            People named ({drafts.people.length})
          </h2>
          {drafts.people.length === 0 && (
            <p className="text-sm text-stone-700">Nobody is quoted or named with a role.</p>
          )}
          {drafts.people.map((p, i) => (
            <fieldset
              key={i}
              className="space-y-2 rounded border border-stone-300 bg-white p-3"
              data-testid={`person-${i}`}
            >
              <legend className="font-semibold">{p.name || `Person ${i + 1}`}</legend>
              <label className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={p.include}
                  onChange={(e) => update("people", i, { include: e.target.checked })}
                />{" "}
                Save as a contact
              </label>
              <ConfidenceNote confidence={p.confidence} why={p.why} />
              <div className="grid gap-2 sm:grid-cols-2">
                {(["name", "role", "organisation"] as const).map((f) => (
                  <div key={f}>
                    {draft(`person-${i}-${f}`, contactLabel(f), p[f], (v) => update("people", i, { [f]: v }))}
                  </div>
                ))}
                <div>
                  {draft(`person-${i}-kind`, contactLabel("kind"), p.kind, (v) => update("people", i, { kind: v }), {
                    options: <EnumOptions enumName="ContactKind" options={CONTACT_KINDS} />,
                  })}
                </div>
              </div>
              {p.existingId && (
                <p className="text-sm">
                  Matches an existing contact: it will be used rather than duplicated.{" "}
                  <button type="button" className="underline" onClick={() => update("people", i, { existingId: "" })}>
                    Create a new contact instead
                  </button>
                </p>
              )}
              <ShowPassage span={p.span} what={p.name} />
            </fieldset>
          ))}
        </section>

        <section aria-labelledby="appeals-heading" className="space-y-3">
          <h2 id="appeals-heading" className="text-lg font-semibold">
            Appeals ({drafts.appeals.length})
          </h2>
          {drafts.appeals.length === 0 && (
            <p className="text-sm text-stone-700">No appeal or request for help was found.</p>
          )}
          {drafts.appeals.map((a, i) => (
            <fieldset
              key={i}
              className="space-y-2 rounded border border-stone-300 bg-white p-3"
              data-testid={`appeal-${i}`}
            >
              <legend className="font-semibold">Appeal {i + 1}</legend>
              <label className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={a.include}
                  onChange={(e) => update("appeals", i, { include: e.target.checked })}
                />{" "}
                Record as an advocacy action on the kept cases
              </label>
              <ConfidenceNote confidence={a.confidence} why={a.why} />
              {draft(
                `appeal-${i}-askedFor`,
                advocacyLabel("askedFor"),
                a.askedFor,
                (v) => update("appeals", i, { askedFor: v }),
                {
                  rows: 2,
                },
              )}
              <div className="grid gap-2 sm:grid-cols-2">
                <div>
                  {draft(`appeal-${i}-to`, advocacyLabel("contactId"), a.to, (v) => update("appeals", i, { to: v }), {
                    options: (
                      <>
                        <option value="">Choose… (not saved until chosen)</option>
                        {drafts.people.map(
                          (p, k) =>
                            p.include && (
                              <option key={`p${k}`} value={`p:${k}`}>
                                {p.name} (from this report)
                              </option>
                            ),
                        )}
                        {proposal.contacts.map((c) => (
                          <option key={c.id} value={`c:${c.id}`}>
                            {c.name}
                            {c.organisation && c.organisation !== c.name ? ` (${c.organisation})` : ""}
                          </option>
                        ))}
                      </>
                    ),
                  })}
                </div>
                <div>
                  {draft(`appeal-${i}-date`, advocacyLabel("date"), a.date, (v) => update("appeals", i, { date: v }), {
                    type: "date",
                  })}
                </div>
              </div>
              <ShowPassage span={a.span} what={`appeal ${i + 1}`} />
            </fieldset>
          ))}
        </section>

        <button
          type="submit"
          disabled={pending || drafts.cases.every((c) => !c.include)}
          className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save the kept records"}
        </button>
      </div>
    </form>
  );
}
