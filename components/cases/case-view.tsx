import Link from "next/link";
import type { ReactNode } from "react";
import type { AnnotationThread } from "@/lib/data/annotations";
import type { CaseDetail, ClaimDto } from "@/lib/data/cases";
import { useLocale, useTranslations } from "next-intl";
import { BilingualText, PlaceText } from "@/components/ui/bilingual-text";
import { detectLang } from "@/lib/i18n/text-lang";
import { EVENT_TERM_FIELDS, termRelation } from "@/lib/fields/event";
import type { TermOptions } from "@/components/cases/event-term-fields";
import { formatDay, formatPlace, formatRange, formatUncertainDate, isoDay } from "@/lib/format/display";
import { useSpeech } from "@/lib/i18n/use-speech";
import { annotationAnchor, type AnnotatableField } from "@/lib/validations/annotation";
import { StatusBadge } from "@/components/cases/status-badge";
import { CompositionList } from "@/components/cases/composition-list";
import { COMPOSITION_GROUPS, partColumns } from "@/lib/fields/case-composition";
import { Quote } from "@/components/ui/quote";
import { AnnotateForm } from "@/components/annotations/annotation-forms";
import { DisagreementFlag } from "@/components/sources/disagreement-flag";
import { AddEventForm, EditEventForm, RemoveEventButton, RestoreEventButton } from "@/components/cases/event-forms";
import type { ArchivedEvent } from "@/lib/data/events";
import { RecordWhatHappenedForm } from "@/components/cases/record-what-happened";
import { AnnotationThreads, type AnnotationAbilities } from "@/components/annotations/annotation-threads";

/** What the viewer may see and do beyond the public record; a visitor (or a publish preview) gets none of it. */
export type CaseViewer = {
  signedIn: boolean;
  annotations: AnnotationThread[];
  can: AnnotationAbilities;
  /** May add and remove events. */
  editEvents?: boolean;
  /** The case's removed events, for those who may restore them. */
  archivedEvents?: ArchivedEvent[];
  /** Captured sources to quote when recording what happened (for those who may). */
  whatHappenedSources?: { value: string; label: string }[];
  /** May edit advocacy actions (record a response, close one). */
  editAdvocacy?: boolean;
  /** The research terms the event forms offer (current ones, plus those this case's events use). */
  terms?: TermOptions;
};

export const VISITOR_VIEW: CaseViewer = {
  signedIn: false,
  annotations: [],
  can: { read: false, create: false, reply: false, resolve: false },
};

/** The distinct passages behind one or more fields (several fields often share one quote). */
function quotesFor(fieldClaims: Record<string, ClaimDto[]>, ...fields: string[]): ClaimDto[] {
  const seen = new Set<string>();
  return fields
    .flatMap((f) => fieldClaims[f] ?? [])
    .filter((c) => {
      const key = `${c.source.id}:${c.quote}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

type TermShown = { code: string; labelEn: string; labelKo: string | null } | null;

/**
 * An event's research fields as sentences ("Handed over at Dandong–Sinuiju"), each term in the
 * reader's language, with the term's code for links and tests.
 */
function EventTerms({
  event,
  t,
  locale,
}: {
  event: Record<(typeof EVENT_TERM_FIELDS)[number] extends `${infer R}Id` ? R : never, TermShown>;
  t: (key: string, values: { term: string }) => string;
  locale: string;
}) {
  const shown = EVENT_TERM_FIELDS.flatMap((f) => {
    const term = event[termRelation(f)];
    return term ? [{ f, term }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <ul className="mt-1 text-sm">
      {shown.map(({ f, term }) => (
        <li key={f} data-term={term.code}>
          {t(f, { term: locale === "ko" && term.labelKo ? term.labelKo : term.labelEn })}
        </li>
      ))}
    </ul>
  );
}

/** One figure of the case: its value, the passages behind it, any disagreement between sources, its notes. */
function FigureRow({
  field,
  value,
  id,
  c,
  viewer,
  sourcedFields,
}: {
  field: AnnotatableField;
  value: ReactNode;
  id: string;
  c: CaseDetail;
  viewer: CaseViewer;
  sourcedFields: string[];
}) {
  // A passage behind the status backs the status it names, not whatever the status is now.
  const quotes = quotesFor(c.fieldClaims, ...sourcedFields).filter(
    (q) => q.field !== "status" || q.value === null || q.value === c.status,
  );
  const label = useTranslations("annotation.fields")(field);
  return (
    <div
      id={annotationAnchor({ field, eventId: null })}
      className="scroll-mt-4 border-t border-stone-200 py-3 sm:grid sm:grid-cols-3 sm:gap-4"
      data-testid={`figure-${id}`}
    >
      <dt className="font-medium">{label}</dt>
      <dd className="sm:col-span-2">
        <div>{value}</div>
        <DisagreementFlag fieldClaims={c.fieldClaims} fields={sourcedFields} />
        {quotes.length > 0 ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-sm text-stone-700 underline">
              According to {quotes.length === 1 ? "1 passage" : `${quotes.length} passages`}
            </summary>
            <div className="mt-2 space-y-2">
              {quotes.map((q) => (
                <Quote key={q.id} claim={q} />
              ))}
            </div>
          </details>
        ) : (
          <p className="mt-1 text-xs text-stone-600">No source passage recorded for this figure.</p>
        )}
        <AnnotationThreads threads={viewer.annotations.filter((a) => a.field === field)} can={viewer.can} />
        {viewer.can.create && <AnnotateForm caseCode={c.code} field={field} targetLabel={label.toLowerCase()} />}
      </dd>
    </div>
  );
}

/** A case's removed events, each with who removed it, when and why, and a button to restore it. */
function ArchivedEvents({ events, eventLabel }: { events: ArchivedEvent[]; eventLabel: (type: string) => string }) {
  const t = useTranslations("eventForm");
  const speech = useSpeech();
  return (
    <details className="mt-3 rounded border border-stone-300 bg-white p-3" data-testid="archived-events">
      <summary className="cursor-pointer font-medium">{t("archivedHeading", { count: events.length })}</summary>
      <p className="mt-1 text-sm text-stone-700">{t("archivedIntro")}</p>
      <ul className="mt-2 space-y-3">
        {events.map((e) => {
          const what = `${eventLabel(e.type)}, ${formatUncertainDate(e.dateEarliest, e.dateLatest, e.precision, speech)}`;
          return (
            <li key={e.id} className="border-t border-stone-200 pt-2 text-sm" data-archived-event-type={e.type}>
              <p>
                <strong>{eventLabel(e.type)}</strong> —{" "}
                {formatUncertainDate(e.dateEarliest, e.dateLatest, e.precision, speech)}
              </p>
              {e.description && <p>{e.description}</p>}
              <p className="text-stone-700">
                {t("removedBy", { who: e.removedBy ?? "—", when: formatDay(e.deletedAt, speech) })}{" "}
                {e.reason && t("removedReason", { reason: e.reason })}
              </p>
              <RestoreEventButton eventId={e.id} version={e.version} label={what} />
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** The case record as a page shows it; the publish preview renders it with VISITOR_VIEW. */
export function CaseView({ c, viewer, people }: { c: CaseDetail; viewer: CaseViewer; people?: ReactNode }) {
  const tEnums = useTranslations("enums");
  const tWhat = useTranslations("whatHappened");
  const speech = useSpeech();
  const eventLabel = (type: string): string => tEnums(`EventType.${type}`);
  const tTerms = useTranslations("eventTerms");
  const locale = useLocale();
  const actor = viewer.signedIn;
  const terms = viewer.terms ?? {};
  const row = { c, viewer };
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="font-mono text-sm text-stone-600">{c.code}</p>
        <h1 className="text-2xl font-semibold">
          <BilingualText text={c.title} lang={c.lang} alt={c.titleAlt} other />
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={c.status} />
          <span id={annotationAnchor({ field: "verification", eventId: null })}>
            Verification: {tEnums(`Verification.${c.verification}`)}
          </span>
          {actor && (
            <span className="rounded bg-stone-200 px-2 py-0.5 text-xs">{tEnums(`Visibility.${c.visibility}`)}</span>
          )}
          {c.origin === "SYNTHETIC" && (
            <span className="rounded bg-purple-100 px-2 py-0.5 text-xs text-purple-900">
              Synthetic demo record, not from any source
            </span>
          )}
        </div>
        {(c.summary || c.summaryAlt) && (
          <p className="max-w-3xl">
            <BilingualText
              text={c.summary}
              lang={c.lang}
              alt={c.summaryAlt}
              other
              otherClassName="mt-2 block text-stone-700"
            />
          </p>
        )}
      </header>

      <section aria-labelledby="figures">
        <h2 id="figures" className="text-lg font-semibold">
          Figures
        </h2>
        <dl className="mt-2 rounded border border-stone-300 bg-white px-4">
          <FigureRow
            sourcedFields={["sizeMin", "sizeMax", "sizeBest", "sizeWording"]}
            {...row}
            id="group-size"
            field="sizeMin"
            value={
              <>
                <span className="text-xl font-semibold">{formatRange(c.sizeMin, c.sizeMax, speech)}</span> people
                {c.sizeBest !== null && <span className="text-stone-700"> (best estimate {c.sizeBest})</span>}
                {c.sizeWording && <span className="block text-sm text-stone-700">Reported as “{c.sizeWording}”</span>}
              </>
            }
          />
          <FigureRow
            sourcedFields={["status"]}
            {...row}
            id="status"
            field="status"
            value={
              <>
                <StatusBadge status={c.status} />
                {c.statusManual && (
                  <span className="ml-2 text-sm text-stone-700" data-testid="status-set-by-hand">
                    {c.statusReason ? tWhat("setByHandReason", { reason: c.statusReason }) : tWhat("setByHand")}
                  </span>
                )}
              </>
            }
          />
          <FigureRow
            sourcedFields={["country", "province", "cityArea"]}
            {...row}
            id="place"
            field="place"
            value={<PlaceText place={c} />}
          />
          <FigureRow
            sourcedFields={["familyInSouthMin", "familyInSouthMax"]}
            {...row}
            id="family"
            field="familyInSouth"
            value={formatRange(c.familyInSouthMin, c.familyInSouthMax, speech)}
          />
          <FigureRow
            sourcedFields={["askedForHelpMin", "askedForHelpMax"]}
            {...row}
            id="asked-for-help"
            field="askedForHelp"
            value={formatRange(c.askedForHelpMin, c.askedForHelpMax, speech)}
          />
          <FigureRow
            sourcedFields={COMPOSITION_GROUPS.flatMap((g) => Object.values(partColumns(g)))}
            {...row}
            id="composition"
            field="composition"
            value={<CompositionList parts={c.composition} />}
          />
        </dl>
        {c.caseClaims.length > 0 && (
          <div className="mt-3 space-y-2">
            <h3 className="text-sm font-medium">About this case</h3>
            {c.caseClaims.map((q) => (
              <Quote key={q.id} claim={q} />
            ))}
          </div>
        )}
      </section>

      {viewer.can.read && (
        <section aria-labelledby="case-notes">
          <h2 id="case-notes" className="text-lg font-semibold">
            Notes on this case
          </h2>
          <p className="text-xs text-stone-600">Internal: visible to editors, staff and admins only.</p>
          {viewer.annotations.filter((a) => !a.field && !a.eventId).length === 0 && (
            <p className="text-sm text-stone-700">No notes on the case as a whole.</p>
          )}
          <AnnotationThreads threads={viewer.annotations.filter((a) => !a.field && !a.eventId)} can={viewer.can} />
          {viewer.can.create && <AnnotateForm caseCode={c.code} targetLabel="the case" />}
        </section>
      )}

      {people}

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="text-lg font-semibold">
          What happened
        </h2>
        {c.events.length === 0 ? (
          <p className="mt-2 text-stone-700">No events recorded yet.</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {c.events.map((e) => (
              <li
                key={e.id}
                id={annotationAnchor({ field: null, eventId: e.id })}
                className="scroll-mt-4 rounded border border-stone-300 bg-white p-3"
                data-event-type={e.type}
              >
                <p>
                  <strong>{eventLabel(e.type)}</strong> —{" "}
                  {formatUncertainDate(e.dateEarliest, e.dateLatest, e.precision, speech)}
                  <span className="text-sm text-stone-700">
                    {" "}
                    (precision: {tEnums(`DatePrecision.${e.precision}`)}
                    {e.dateWording ? `; reported as “${e.dateWording}”` : ""})
                  </span>
                </p>
                {(e.description || e.descriptionAlt) && (
                  <p className="text-sm">
                    <BilingualText
                      text={e.description}
                      lang={detectLang(e.description)}
                      alt={e.descriptionAlt}
                      other
                      otherClassName="block text-stone-700"
                    />
                  </p>
                )}
                {(e.authority || e.country) && (
                  <p className="text-sm text-stone-700">
                    {[
                      e.authority,
                      formatPlace({ country: e.country, province: e.province, cityArea: e.cityArea }, speech.locale),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                )}
                <EventTerms event={e} t={tTerms} locale={locale} />
                <div className="mt-2 space-y-2">
                  {(c.eventClaims[e.id] ?? []).map((q) => (
                    <Quote key={q.id} claim={q} />
                  ))}
                </div>
                <AnnotationThreads threads={viewer.annotations.filter((a) => a.eventId === e.id)} can={viewer.can} />
                {viewer.editEvents && (
                  <EditEventForm
                    caseCode={c.code}
                    label={`${eventLabel(e.type)}, ${formatUncertainDate(e.dateEarliest, e.dateLatest, e.precision, speech)}`}
                    event={{
                      id: e.id,
                      version: String(e.version),
                      type: e.type,
                      dateEarliest: isoDay(e.dateEarliest),
                      dateLatest: isoDay(e.dateLatest),
                      precision: e.precision,
                      dateWording: e.dateWording ?? "",
                      description: e.description,
                      country: e.country ?? "",
                      province: e.province ?? "",
                      cityArea: e.cityArea ?? "",
                      authority: e.authority ?? "",
                      ...Object.fromEntries(EVENT_TERM_FIELDS.map((f) => [f, e[f] ?? ""])),
                    }}
                    terms={terms}
                  />
                )}
                {viewer.editEvents && (
                  <RemoveEventButton
                    eventId={e.id}
                    version={e.version}
                    label={`${eventLabel(e.type)}, ${formatUncertainDate(e.dateEarliest, e.dateLatest, e.precision, speech)}`}
                  />
                )}
                {viewer.can.create && (
                  <AnnotateForm
                    caseCode={c.code}
                    eventId={e.id}
                    targetLabel={`this event (${eventLabel(e.type).toLowerCase()})`}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
        {viewer.editEvents && viewer.whatHappenedSources && (
          <RecordWhatHappenedForm
            caseCode={c.code}
            place={{ country: c.country, province: c.province ?? "", cityArea: c.cityArea ?? "" }}
            sources={viewer.whatHappenedSources}
            terms={terms}
          />
        )}
        {viewer.editEvents && <AddEventForm caseCode={c.code} terms={terms} />}
        {viewer.editEvents && viewer.archivedEvents && viewer.archivedEvents.length > 0 && (
          <ArchivedEvents events={viewer.archivedEvents} eventLabel={eventLabel} />
        )}
      </section>

      {c.actions.length > 0 && (
        <section aria-labelledby="advocacy">
          <h2 id="advocacy" className="text-lg font-semibold">
            Advocacy
          </h2>
          <ul className="mt-2 space-y-2">
            {c.actions.map((a) => (
              <li key={a.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                <p>
                  <strong>{tEnums(`ActionKind.${a.kind}`)}</strong> to {a.contact.name}
                  {a.contact.role ? ` (${a.contact.role})` : ""} — {formatDay(a.date, speech)}
                </p>
                <p>Asked for: {a.askedFor}</p>
                <p>
                  Response: {tEnums(`ActionResponse.${a.response}`)} · Status: {tEnums(`ActionStatus.${a.status}`)}
                  {a.followUpDue ? ` · Follow up by ${formatDay(a.followUpDue, speech)}` : ""}
                </p>
                {a.notes && <p className="text-stone-700">{a.notes}</p>}
                {viewer.editAdvocacy && (
                  <p>
                    <Link
                      href={`/cases/${c.code}/advocacy/${a.id}/edit`}
                      className="underline"
                      aria-label={`Edit ${tEnums(`ActionKind.${a.kind}`).toLowerCase()} to ${a.contact.name} of ${formatDay(a.date, speech)}`}
                    >
                      Edit
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sources">
        <h2 id="sources" className="text-lg font-semibold">
          Sources
        </h2>
        {c.sources.length === 0 ? (
          <p className="mt-2 text-stone-700">No sources attached yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {c.sources.map((s) => (
              <li key={s.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                <p>
                  <Link href={`/sources/${s.id}`} className="font-medium underline" lang={s.language}>
                    {s.title}
                  </Link>
                </p>
                <p>
                  {s.outlet}
                  {s.author ? `, ${s.author}` : ""} — published {formatDay(s.publishedAt, speech)}; captured{" "}
                  {formatDay(s.retrievedAt, speech)}
                </p>
                <p className="break-all font-mono text-xs text-stone-700">SHA-256 {s.sha256}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
