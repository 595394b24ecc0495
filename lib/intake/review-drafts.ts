/**
 * The review screen's data, without React: the extractor's proposals turned into editable drafts, and
 * the drafts turned into the save payload that lib/validations/intake.ts checks. Pure functions, so
 * the mapping is tested (review-drafts.test.ts) and the component only renders and edits.
 *
 * Imports types only: the browser bundle of the review screen must not pull in the extractor or its
 * gazetteer (the extractor runs in the server action).
 */
import type { IntakeProposal } from "./proposal";
import type { Confidence, DraftEvent, DraftGroup, GroupPlace, Span } from "./types";
import { countryName } from "@/lib/format/display";

export type EventDraft = {
  include: boolean;
  type: string;
  dateEarliest: string;
  dateLatest: string;
  precision: string;
  dateWording: string;
  country: string;
  province: string;
  cityArea: string;
  quote: string;
  span: Span;
  confidence: Confidence;
  why: string;
};
export type CaseDraft = {
  include: boolean;
  mergeInto: string;
  title: string;
  sizeMin: string;
  sizeMax: string;
  sizeBest: string;
  sizeWording: string;
  country: string;
  province: string;
  cityArea: string;
  status: string;
  sizeQuote: string;
  sizeSpan: Span | null;
  placeSpan: Span | null;
  confidence: Confidence;
  why: string;
  events: EventDraft[];
};
export type PersonDraft = {
  include: boolean;
  existingId: string;
  name: string;
  kind: string;
  role: string;
  organisation: string;
  quote: string;
  span: Span | null;
  confidence: Confidence;
  why: string;
};
export type AppealDraft = {
  include: boolean;
  to: string;
  date: string;
  askedFor: string;
  quote: string;
  span: Span | null;
  confidence: Confidence;
  why: string;
};
/** A statistic over a period or many places: never a case; the reviewer may keep it as a note on the saved cases. */
export type AggregateDraft = { keep: boolean; wording: string; quote: string; span: Span | null; why: string };
export type SourceDraft = {
  outlet: string;
  title: string;
  author: string;
  language: string;
  publishedAt: string;
  url: string;
};
export type ReviewDrafts = {
  cases: CaseDraft[];
  people: PersonDraft[];
  appeals: AppealDraft[];
  aggregates: AggregateDraft[];
  source: SourceDraft;
};

/** The passage a span points at, or "". */
export const passage = (text: string, span: Span | null | undefined) => (span ? text.slice(span.start, span.end) : "");

/** "8 Feb 2012". */
export const dayLabel = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

/** "Yanji, Jilin, China", or "an unknown place". */
export function placeLabel(place: GroupPlace | null | undefined): string {
  if (!place) return "an unknown place";
  return [place.city, place.province !== place.city ? place.province : null, countryName(place.country)]
    .filter(Boolean)
    .join(", ");
}

/** A case title from its size, place and first dated event: "Group of 10 caught in Shenyang, Liaoning, China, 8 Feb 2012". */
export function caseTitle(g: DraftGroup): string {
  const first = g.events[0];
  const size = `${g.size.value.min}${g.size.value.max === null ? "+" : ""}`;
  return `Group of ${size} caught in ${placeLabel(g.place?.value)}${first ? `, ${dayLabel(first.dateEarliest)}` : ""}`;
}

function eventDraft(text: string, e: DraftEvent): EventDraft {
  return {
    include: true,
    type: e.type,
    dateEarliest: e.dateEarliest,
    dateLatest: e.dateLatest,
    precision: e.precision,
    dateWording: e.dateWording,
    country: e.place?.country ?? "",
    province: e.place?.province ?? "",
    cityArea: e.place?.city ?? "",
    quote: passage(text, e.span),
    span: e.span,
    confidence: e.confidence,
    why: e.why,
  };
}

function caseDraft(text: string, g: DraftGroup): CaseDraft {
  const place = g.place?.value;
  return {
    include: true,
    mergeInto: "",
    title: caseTitle(g),
    sizeMin: String(g.size.value.min),
    sizeMax: g.size.value.max === null ? "" : String(g.size.value.max),
    sizeBest: g.size.value.best === null ? "" : String(g.size.value.best),
    sizeWording: g.size.value.wording,
    country: place?.country ?? "CN",
    province: place?.province ?? "",
    cityArea: place?.city ?? "",
    status: g.status?.value ?? "",
    sizeQuote: passage(text, g.size.span),
    sizeSpan: g.size.span,
    placeSpan: g.place?.span ?? null,
    confidence: g.size.confidence,
    why: g.size.why,
    events: g.events.map((e) => eventDraft(text, e)),
  };
}

/** The drafts as the review starts them: the extractor's proposals, all kept, editable; aggregates not kept. */
export function initialDrafts(p: IntakeProposal): ReviewDrafts {
  const x = p.extraction;
  const s = x.source;
  return {
    cases: x.groups.map((g) => caseDraft(p.text, g)),
    people: x.people.map((pp, i) => ({
      include: true,
      existingId: p.contactMatches[i] ?? "",
      name: pp.value.name,
      kind: pp.value.kind,
      role: pp.value.role ?? "",
      organisation: pp.value.organisation ?? "",
      quote: passage(p.text, pp.span),
      span: pp.span,
      confidence: pp.confidence,
      why: pp.why,
    })),
    appeals: x.appeals.map((a) => ({
      include: true,
      to: "",
      date: x.publishedAt ?? "",
      askedFor: a.value.askedFor,
      quote: passage(p.text, a.span),
      span: a.span,
      confidence: a.confidence,
      why: a.why,
    })),
    aggregates: (x.aggregates ?? []).map((a) => ({
      keep: false,
      wording: a.value.wording,
      quote: passage(p.text, a.span),
      span: a.span,
      why: a.why,
    })),
    source: {
      outlet: p.input.outlet ?? s.outlet?.value ?? "",
      title: s.title?.value ?? "",
      author: s.author?.value ?? "",
      language: s.language.value,
      publishedAt: p.input.publishedAt ?? s.publishedAt?.value ?? "",
      url: p.input.url ?? "",
    },
  };
}

const num = (v: string) => (v.trim() === "" ? undefined : Number(v));
const orUndefined = (v: string) => v || undefined;

/** What kept aggregates add to each saved case's summary: the report's own words, marked as a statistic. */
export function aggregateSummary(aggregates: AggregateDraft[]): string {
  const kept = aggregates.filter((a) => a.keep);
  return kept.map((a) => `Reported alongside, as a statistic and not this group: “${a.quote || a.wording}”`).join("\n");
}

function contactsPayload(drafts: ReviewDrafts, proposal: IntakeProposal) {
  const contacts: object[] = [];
  const contactIndexFor = new Map<string, number>();
  drafts.people.forEach((p, i) => {
    if (!p.include) return;
    contactIndexFor.set(`p:${i}`, contacts.length);
    contacts.push({
      existingId: orUndefined(p.existingId),
      name: p.name,
      kind: p.kind,
      role: orUndefined(p.role),
      organisation: orUndefined(p.organisation),
      quote: orUndefined(p.quote),
    });
  });
  for (const a of drafts.appeals) {
    if (!a.include || !a.to.startsWith("c:") || contactIndexFor.has(a.to)) continue;
    const existing = proposal.contacts.find((c) => `c:${c.id}` === a.to);
    contactIndexFor.set(a.to, contacts.length);
    contacts.push({ existingId: existing?.id, name: existing?.name ?? "", kind: "NGO" });
  }
  return { contacts, contactIndexFor };
}

/**
 * The save payload (the shape lib/validations/intake.ts checks) and, for mapping server errors back to
 * what the user sees, the index of each kept case and kept event among all drafts.
 */
export function reviewPayload(
  drafts: ReviewDrafts,
  proposal: IntakeProposal,
): { payload: string; caseIndex: number[]; eventIndex: number[][] } {
  const keptCases = drafts.cases.map((c, i) => ({ c, i })).filter(({ c }) => c.include);
  const { contacts, contactIndexFor } = contactsPayload(drafts, proposal);
  const actions = drafts.appeals
    .filter((a) => a.include && a.to)
    .map((a) => ({
      caseIndexes: keptCases.map((_, k) => k),
      contactIndex: contactIndexFor.get(a.to) ?? -1,
      kind: "APPEAL",
      date: a.date,
      askedFor: a.askedFor,
      quote: orUndefined(a.quote),
    }));
  const summary = aggregateSummary(drafts.aggregates);
  const body = {
    source: { ...drafts.source, text: proposal.text },
    cases: keptCases.map(({ c }) => ({
      mergeInto: orUndefined(c.mergeInto),
      title: c.title,
      summary,
      sizeMin: num(c.sizeMin),
      sizeMax: num(c.sizeMax),
      sizeBest: num(c.sizeBest),
      sizeWording: c.sizeWording,
      country: c.country,
      province: c.province,
      cityArea: c.cityArea,
      verification: "UNVERIFIED",
      priority: "NORMAL",
      visibility: "INTERNAL",
      tags: [],
      status: orUndefined(c.status),
      sizeQuote: orUndefined(c.sizeQuote),
      events: c.events
        .filter((e) => e.include)
        .map((e) => ({
          type: e.type,
          dateEarliest: e.dateEarliest,
          dateLatest: e.dateLatest,
          precision: e.precision,
          dateWording: e.dateWording,
          description: "",
          country: orUndefined(e.country),
          province: orUndefined(e.province),
          cityArea: orUndefined(e.cityArea),
          quote: orUndefined(e.quote),
        })),
    })),
    contacts,
    actions,
  };
  return {
    payload: JSON.stringify(body),
    caseIndex: keptCases.map(({ i }) => i),
    eventIndex: keptCases.map(({ c }) =>
      c.events
        .map((e, j) => ({ e, j }))
        .filter(({ e }) => e.include)
        .map(({ j }) => j),
    ),
  };
}

/** Server error paths ("cases.0.events.1.dateLatest") keyed by what the user sees ("case-2-event-3-dateLatest"). */
export function errorsByField(
  errors: Record<string, string> | undefined,
  caseIndex: number[],
  eventIndex: number[][],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors ?? {})) {
    const parts = path.split(".");
    if (parts[0] === "cases" && parts.length >= 3) {
      const c = caseIndex[Number(parts[1])];
      if (parts[2] === "events" && parts.length >= 5)
        out[`case-${c}-event-${eventIndex[Number(parts[1])]?.[Number(parts[3])]}-${parts[4]}`] = message;
      else out[`case-${c}-${parts[2]}`] = message;
    } else out[path.replaceAll(".", "-")] = message;
  }
  return out;
}

/** One value the reviewer changed: where it is in the drafts ("cases", 0, "title") and what it became. */
export type ReviewEdit = { path: (string | number)[]; value: unknown };

const isNode = (v: unknown): v is Record<string | number, unknown> => typeof v === "object" && v !== null;

/** What the reviewer changed: every value that differs from the drafts as first proposed. */
export function reviewEdits(base: ReviewDrafts, current: ReviewDrafts): ReviewEdit[] {
  const edits: ReviewEdit[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    if (isNode(a) && isNode(b) && Array.isArray(a) === Array.isArray(b)) {
      const keys = Array.isArray(b) ? b.map((_, i) => i) : Object.keys(b);
      for (const k of keys) walk(a[k], b[k], [...path, k]);
      return;
    }
    if (a !== b) edits.push({ path, value: b });
  };
  walk(base, current, []);
  return edits;
}

/**
 * A new proposal of the same report (say, read against a corrected publication date) with the
 * reviewer's edits carried over: each edit lands where the same item still exists; the rest of the
 * new proposal (such as dates re-read against the new date) is kept as proposed.
 */
export function withEdits(drafts: ReviewDrafts, edits: ReviewEdit[]): { drafts: ReviewDrafts; kept: number } {
  const next = structuredClone(drafts);
  let kept = 0;
  for (const { path, value } of edits) {
    let node: unknown = next;
    for (const k of path.slice(0, -1)) node = isNode(node) ? node[k] : undefined;
    const last = path.at(-1);
    if (!isNode(node) || last === undefined || !(last in node)) continue;
    const old = node[last];
    if (isNode(old) !== isNode(value)) continue;
    node[last] = value;
    kept++;
  }
  return { drafts: next, kept };
}
