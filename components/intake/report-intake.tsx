"use client";
import Link from "next/link";
import { useActionState, useEffect, useId, useMemo, useRef, useState } from "react";
import { proposeFromReportAction, saveFromReportAction } from "@/lib/actions/intake";
import type { ActionState } from "@/lib/actions/action-state";
import type { Confidence, Span } from "@/lib/intake/types";
import type { IntakeProposal } from "@/lib/intake/proposal";
import { errorsByField, initialDrafts, reviewPayload, type EventDraft } from "@/lib/intake/review-drafts";
import { ErrorSummary } from "@/components/ui/error-summary";
import { button, EnumOptions, Field, IDLE, input, shown, useKeepInputSubmit } from "@/components/ui/form-fields";
import { useTranslations } from "next-intl";
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
                type="date"
                max={today}
                className={input}
                defaultValue={shown(state, "publishedAt", state.proposal?.input.publishedAt)}
              />
            )}
          </Field>
        </div>
        <button type="submit" disabled={pending} className={button}>
          {pending ? "Reading…" : "Propose records"}
        </button>
        {state.status === "ok" && (
          <p role="status" aria-label="Proposal status" className="text-sm text-green-900">
            {state.message}
          </p>
        )}
      </form>
      {state.proposal && <Review key={state.proposal.id} proposal={state.proposal} />}
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
function Review({ proposal }: { proposal: IntakeProposal }) {
  const tEnums = useTranslations("enums");
  const eventLabel = (type: string): string => tEnums(`EventType.${type}` as string);
  const [drafts, setDrafts] = useState(() => initialDrafts(proposal));
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
  const err = (key: string) => ({
    id: key,
    "aria-invalid": Boolean(errors[key]),
    "aria-describedby": errors[key] ? `${key}-error` : undefined,
  });
  const errText = (key: string) =>
    errors[key] && (
      <p id={`${key}-error`} className="text-sm text-red-700">
        {errors[key]}
      </p>
    );
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
                <label htmlFor={`source-${f}`} className="text-sm font-medium">
                  {
                    {
                      outlet: "Outlet",
                      title: "Title",
                      author: "Author",
                      language: "Language",
                      publishedAt: "Published",
                      url: "URL",
                    }[f]
                  }
                </label>
                <input
                  {...err(`source-${f}`)}
                  type={f === "publishedAt" ? "date" : "text"}
                  className={small}
                  value={drafts.source[f]}
                  onChange={(e) => setDrafts((d) => ({ ...d, source: { ...d.source, [f]: e.target.value } }))}
                />
                {errText(`source-${f}`)}
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
              <div>
                <label htmlFor={`case-${i}-title`} className="text-sm font-medium">
                  Title
                </label>
                <input
                  {...err(`case-${i}-title`)}
                  className={small}
                  value={c.title}
                  onChange={(e) => update("cases", i, { title: e.target.value })}
                />
                {errText(`case-${i}-title`)}
              </div>
              <div className="grid gap-2 sm:grid-cols-3">
                {(["sizeMin", "sizeBest", "sizeMax"] as const).map((f) => (
                  <div key={f}>
                    <label htmlFor={`case-${i}-${f}`} className="text-sm font-medium">
                      {{ sizeMin: "At least", sizeBest: "Best estimate", sizeMax: "At most" }[f]}
                    </label>
                    <input
                      {...err(`case-${i}-${f}`)}
                      inputMode="numeric"
                      className={small}
                      value={c[f]}
                      onChange={(e) => update("cases", i, { [f]: e.target.value })}
                    />
                    {errText(`case-${i}-${f}`)}
                  </div>
                ))}
              </div>
              <p className="text-sm">
                Wording: “{c.sizeWording}” <ShowPassage span={c.sizeSpan} what={`group ${i + 1}'s size`} />
              </p>
              <div className="grid gap-2 sm:grid-cols-3">
                {(["country", "province", "cityArea"] as const).map((f) => (
                  <div key={f}>
                    <label htmlFor={`case-${i}-${f}`} className="text-sm font-medium">
                      {{ country: "Country code", province: "Province", cityArea: "City or area" }[f]}
                    </label>
                    <input
                      {...err(`case-${i}-${f}`)}
                      className={small}
                      value={c[f]}
                      onChange={(e) => update("cases", i, { [f]: e.target.value })}
                    />
                    {errText(`case-${i}-${f}`)}
                  </div>
                ))}
              </div>
              {c.placeSpan && <ShowPassage span={c.placeSpan} what={`group ${i + 1}'s place`} />}
              <div>
                <label htmlFor={`case-${i}-status`} className="text-sm font-medium">
                  Status
                </label>
                <select
                  {...err(`case-${i}-status`)}
                  className={small}
                  value={c.status}
                  onChange={(e) => update("cases", i, { status: e.target.value })}
                >
                  <option value="">Follow the timeline</option>
                  <EnumOptions enumName="CaseStatus" options={CASE_STATUSES} />
                </select>
              </div>
              {proposal.duplicates[i]?.length > 0 && (
                <fieldset className="rounded border border-amber-500 bg-amber-50 p-2 text-sm">
                  <legend className="font-medium">Possible duplicates: same place, dates within a few days</legend>
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
                      <div>
                        <label htmlFor={`case-${i}-event-${j}-type`} className="text-xs font-medium">
                          What happened
                        </label>
                        <select
                          id={`case-${i}-event-${j}-type`}
                          className={small}
                          value={e.type}
                          onChange={(ev) => updateEvent(i, j, { type: ev.target.value })}
                        >
                          <EnumOptions enumName="EventType" options={EVENT_TYPES} />
                        </select>
                      </div>
                      {(["dateEarliest", "dateLatest"] as const).map((f) => (
                        <div key={f}>
                          <label htmlFor={`case-${i}-event-${j}-${f}`} className="text-xs font-medium">
                            {f === "dateEarliest" ? "Earliest" : "Latest"}
                          </label>
                          <input
                            {...err(`case-${i}-event-${j}-${f}`)}
                            type="date"
                            className={small}
                            value={e[f]}
                            onChange={(ev) => updateEvent(i, j, { [f]: ev.target.value })}
                          />
                          {errText(`case-${i}-event-${j}-${f}`)}
                        </div>
                      ))}
                      <div>
                        <label htmlFor={`case-${i}-event-${j}-precision`} className="text-xs font-medium">
                          Precision
                        </label>
                        <select
                          {...err(`case-${i}-event-${j}-precision`)}
                          className={small}
                          value={e.precision}
                          onChange={(ev) => updateEvent(i, j, { precision: ev.target.value })}
                        >
                          <EnumOptions enumName="DatePrecision" options={PRECISIONS} />
                        </select>
                        {errText(`case-${i}-event-${j}-precision`)}
                      </div>
                    </div>
                    <div className="grid gap-2 sm:grid-cols-3">
                      {(["country", "province", "cityArea"] as const).map((f) => (
                        <div key={f}>
                          <label htmlFor={`case-${i}-event-${j}-${f}`} className="text-xs font-medium">
                            {{ country: "Where: country code", province: "Province", cityArea: "City or area" }[f]}
                          </label>
                          <input
                            {...err(`case-${i}-event-${j}-${f}`)}
                            className={small}
                            value={e[f]}
                            onChange={(ev) => updateEvent(i, j, { [f]: ev.target.value })}
                          />
                          {errText(`case-${i}-event-${j}-${f}`)}
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
                    <label htmlFor={`person-${i}-${f}`} className="text-sm font-medium">
                      {{ name: "Name", role: "Role", organisation: "Organisation" }[f]}
                    </label>
                    <input
                      id={`person-${i}-${f}`}
                      className={small}
                      value={p[f]}
                      onChange={(e) => update("people", i, { [f]: e.target.value })}
                    />
                  </div>
                ))}
                <div>
                  <label htmlFor={`person-${i}-kind`} className="text-sm font-medium">
                    Kind
                  </label>
                  <select
                    id={`person-${i}-kind`}
                    className={small}
                    value={p.kind}
                    onChange={(e) => update("people", i, { kind: e.target.value })}
                  >
                    <EnumOptions enumName="ContactKind" options={CONTACT_KINDS} />
                  </select>
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
              <div>
                <label htmlFor={`appeal-${i}-askedFor`} className="text-sm font-medium">
                  What was asked for
                </label>
                <textarea
                  id={`appeal-${i}-askedFor`}
                  rows={2}
                  className={small}
                  value={a.askedFor}
                  onChange={(e) => update("appeals", i, { askedFor: e.target.value })}
                />
              </div>
              <div className="grid gap-2 sm:grid-cols-2">
                <div>
                  <label htmlFor={`appeal-${i}-to`} className="text-sm font-medium">
                    Addressed to
                  </label>
                  <select
                    id={`appeal-${i}-to`}
                    className={small}
                    value={a.to}
                    onChange={(e) => update("appeals", i, { to: e.target.value })}
                  >
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
                  </select>
                </div>
                <div>
                  <label htmlFor={`appeal-${i}-date`} className="text-sm font-medium">
                    Date
                  </label>
                  <input
                    id={`appeal-${i}-date`}
                    type="date"
                    className={small}
                    value={a.date}
                    onChange={(e) => update("appeals", i, { date: e.target.value })}
                  />
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
