/**
 * Groups, stated totals and events: who was caught, how many, where, when, and what happened next.
 *
 * A report describes groups in a few recognisable ways, tried in this order:
 *  1. explicitly: "Two groups of 10 and nine people", "another group of five people", "a family of
 *     four" (one group per number; high confidence);
 *  2. as a count of people in a sentence that says something happened to them: "Chinese police
 *     arrested 12 North Koreans", "some 30 North Koreans were detained in Shenyang", and a second
 *     count that leaves the noun out: "… and about a dozen in Yanji";
 *  3. as one person: "a North Korean woman was arrested";
 *  4. not at all ("North Korean defectors were arrested"): then one group of unknown size is
 *     proposed (minimum 1, low confidence) and a warning says so.
 * Only sentences with an event word ("caught", "released", "face repatriation") are read for
 * counts, so "Nearly 22,000 North Koreans are known to have defected" is not a group.
 *
 * Totals. A count is a stated total, not another group, when it says so ("a total of 20", "in
 * all"); or when the report also describes groups explicitly and the count covers them all
 * ("at least 24 … were captured", with groups of 10, 9 and 5); or when, of three or more counts,
 * one is the sum of the others. A count with the same size as a group already found ("the 12
 * North Koreans") is the same group mentioned again, unless its place differs.
 *
 * Events. In a sentence, each date phrase goes with the event word nearest before it ("crossed the
 * border … and were caught in China last Wednesday": caught), else the nearest after it ("Four
 * days later, another group … was arrested"). A later sentence with an event word, a date and a
 * word pointing back ("they", "the group", "the women") adds the event to the groups of the last
 * sentence that described groups. Talks between Beijing and Pyongyang about a return concern the
 * report's people as a whole: the event is attached to every group, with medium confidence.
 * Chains ("Four days later") count from the previous event, in the order of the text.
 */
import { describeSize, quantityPatterns, toGroupSize, type Quantity } from "./numbers";
import { findDateMentions, resolveMention, type Anchor } from "./dates";
import type { Lexicon } from "./lexicon";
import { describePlace, findPlaces } from "./place-mentions";
import type { Sentence } from "./text";
import type { CaseStatus, Confidence, DraftEvent, DraftGroup, EventType, GroupPlace, Proposal, Span, StatedTotal, Extraction } from "./types";
import { allMatches, q, weakest } from "./util";

export type GroupContext = {
  text: string;
  lex: Lexicon;
  /** Sentences to read (page furniture already left out). */
  sentences: Sentence[];
  /** True for sentences on the headline lines (used to prefer the body when quoting). */
  isHead: (s: Sentence) => boolean;
  pub: string | null;
  /** Today (YYYY-MM-DD), to flag dates in the future; null when not given. */
  today: string | null;
  warnings: string[];
};

type Kind = "explicit" | "count" | "ellipsis" | "singular" | "unknown";

type Mention = {
  sentence: Sentence;
  /** The passage: the whole group phrase for explicit groups, the count and its noun otherwise. */
  span: Span;
  wording: string;
  /** The quantity alone ("at least 24"). */
  qtyWording: string;
  quantity: Quantity;
  kind: Kind;
  /** Mentions read from one phrase ("groups of 10 and nine") share a unit. */
  unit: number;
  backRef: boolean;
  totalCue: boolean;
  why: string;
};

type Cue = Span & { type: EventType; text: string };

type Group = {
  mention: Mention;
  size: Proposal<ReturnType<typeof toGroupSize>>;
  place: Proposal<GroupPlace> | null;
  events: DraftEvent[];
  /** Sentences about this group: where it was described, mentioned again, or referred back to. */
  own: Sentence[];
};

// --- reading sentences -------------------------------------------------------------------------------

function findCues(lex: Lexicon, s: Sentence): Cue[] {
  const cues: Cue[] = [];
  for (const { type, pattern } of lex.eventCues) {
    for (const m of allMatches(pattern, s.text)) cues.push({ type, start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] });
  }
  return cues.sort((a, b) => a.start - b.start);
}

function isTalks(lex: Lexicon, s: Sentence): boolean {
  const t = lex.talks;
  return t.verb.test(s.text) && t.sideA.test(s.text) && t.sideB.test(s.text) && t.topic.test(s.text);
}

type Patterns = {
  plural: RegExp;
  singular: RegExp;
  count: RegExp;
  person: RegExp;
  qtyGlobal: RegExp;
  ellipsis: RegExp;
  unknown: RegExp;
  totalCue: RegExp;
  totalCueBefore: RegExp;
  backRef: RegExp;
};
const patternCache = new WeakMap<Lexicon, Patterns>();

function patterns(lex: Lexicon): Patterns {
  const cached = patternCache.get(lex);
  if (cached) return cached;
  const Q = quantityPatterns(lex).source;
  const noun = lex.peopleNounSource;
  const built: Patterns = {
    plural: new RegExp(`(?<![\\w])(?:${lex.groupsLeadSource})\\s+(?<list>${Q}(?:\\s*,\\s*${Q}){0,6}(?:,?\\s+(?:and|or)\\s+${Q})?)(?:\\s+(?:${noun}))?`, "gid"),
    singular: new RegExp(`(?<![\\w])(?:${lex.groupLeadSource})(?:\\s+(?<qty>${Q}))?(?:\\s+(?<noun>${noun}|${lex.personNounSource}))?`, "gid"),
    count: new RegExp(`(?<![\\w])(?<qty>${Q})\\s+(?<noun>${noun})`, "gid"),
    person: new RegExp(`(?<![\\w])(?:an?|one)\\s+(?<noun>${lex.personNounSource})`, "gid"),
    qtyGlobal: new RegExp(Q, "gi"),
    ellipsis: new RegExp(`^[^.;]{0,100}?(?:${lex.ellipsisJoinSource})(?<qty>${Q})\\s+(?:(?:more|others?)\\s+)?(?=(?:${lex.placePrepositionSource})[A-Z])`, "id"),
    unknown: new RegExp(`(?<![\\w])(?:(?:the|some|many)\\s+)?(?<noun>${noun})`, "gid"),
    totalCue: new RegExp(`(?:${lex.totalCueSource})`, "i"),
    totalCueBefore: new RegExp(`(?:${lex.totalCueSource})\\s+$`, "i"),
    backRef: /\b(?:the|these|those|all|all\s+the|all\s+of\s+the)\s+$/i,
  };
  patternCache.set(lex, built);
  return built;
}

const attributionCache = new WeakMap<Lexicon, RegExp>();
/** "activists said on Monday": the date of the telling, not of an event. */
function attribution(lex: Lexicon): RegExp {
  let re = attributionCache.get(lex);
  if (!re) attributionCache.set(lex, (re = new RegExp(lex.attributionSource, "i")));
  return re;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function mentionsIn(ctx: GroupContext, s: Sentence, nextUnit: () => number): Mention[] {
  const { lex } = ctx;
  const P = patterns(lex);
  const qp = quantityPatterns(lex);
  const out: Mention[] = [];
  const abs = (a: number, b: number): Span => ({ start: s.start + a, end: s.start + b });
  const free = (span: Span) => !out.some((m) => overlaps(m.span, span));

  // 1. "Two groups of 10 and nine people"
  for (const m of allMatches(P.plural, s.text)) {
    const listAt = m.indices?.groups?.list;
    if (!listAt) continue;
    const unit = nextUnit();
    const span = abs(m.index, m.index + m[0].length);
    for (const qm of allMatches(P.qtyGlobal, m.groups?.list ?? "")) {
      const quantity = qp.parse(qm[0]);
      if (!quantity) continue;
      const what = quantity.numberText ? `${quantity.inWords ? "number word" : "number"} ${q(quantity.numberText)}` : q(qm[0]);
      out.push({ sentence: s, span, wording: m[0], qtyWording: qm[0], quantity, kind: "explicit", unit, backRef: false, totalCue: false, why: `${what} in ${q(m[0])}` });
    }
  }
  // 2. "another group of five people", "a family of four", "a group of North Korean defectors"
  for (const m of allMatches(P.singular, s.text)) {
    const span = abs(m.index, m.index + m[0].length);
    if (!free(span)) continue;
    const qtyText = m.groups?.qty;
    if (!qtyText && !m.groups?.noun) continue;
    const quantity = qtyText ? qp.parse(qtyText) : { min: 1, max: null, best: null, rule: "unknown" as const, numberText: null, inWords: false };
    if (!quantity) continue;
    const what = quantity.numberText ? `${quantity.inWords ? "number word" : "number"} ${q(quantity.numberText)} in ${q(m[0])}` : `${q(m[0])} gives no number`;
    out.push({ sentence: s, span, wording: m[0], qtyWording: qtyText ?? "", quantity, kind: "explicit", unit: nextUnit(), backRef: false, totalCue: false, why: what });
  }
  // 3. "24 North Korean defectors", "some 30 North Koreans", "dozens of refugees"
  for (const m of allMatches(P.count, s.text)) {
    const qtyText = m.groups?.qty ?? "";
    const span = abs(m.index, m.index + m[0].length);
    if (!free(span)) continue;
    const quantity = qp.parse(qtyText);
    if (!quantity) continue;
    const before = s.text.slice(Math.max(0, m.index - 30), m.index);
    const around = s.text.slice(Math.max(0, m.index - 25), Math.min(s.text.length, m.index + m[0].length + 20));
    const backRef = P.backRef.test(before);
    const totalCue = P.totalCue.test(around) || /\ball\s+(?:of\s+the\s+)?$/i.test(before);
    // "A total of 20": the cue belongs to the wording of a total.
    const cueBefore = P.totalCueBefore.exec(before)?.[0] ?? "";
    const wordingStart = m.index - cueBefore.length;
    out.push({ sentence: s, span: cueBefore ? abs(wordingStart, m.index + m[0].length) : span, wording: s.text.slice(wordingStart, m.index + m[0].length), qtyWording: cueBefore + qtyText, quantity, kind: "count", unit: nextUnit(), backRef, totalCue, why: `${quantity.numberText ? `${quantity.inWords ? "number word" : "number"} ${q(quantity.numberText)}` : q(qtyText)} counting ${q(m.groups?.noun ?? "")}` });
  }
  // 4. "a North Korean woman"
  for (const m of allMatches(P.person, s.text)) {
    const span = abs(m.index, m.index + m[0].length);
    if (!free(span)) continue;
    out.push({
      sentence: s,
      span,
      wording: m[0],
      qtyWording: m[0].split(/\s+/)[0],
      quantity: { min: 1, max: 1, best: 1, rule: "one", numberText: null, inWords: true },
      kind: "singular",
      unit: nextUnit(),
      backRef: false,
      totalCue: false,
      why: `one person: ${q(m[0])}`,
    });
  }
  // 5. "… and about a dozen in Yanji": a second count that leaves out its noun, followed by a place.
  for (const first of [...out].filter((m) => m.kind === "count" || (m.kind === "explicit" && m.quantity.numberText))) {
    let from = first.span.end - s.start;
    for (let guard = 0; guard < 5; guard++) {
      P.ellipsis.lastIndex = 0;
      const m = P.ellipsis.exec(s.text.slice(from));
      const at = m?.indices?.groups?.qty;
      if (!m || !at) break;
      const span = abs(from + at[0], from + at[1]);
      const quantity = qp.parse(m.groups?.qty ?? "");
      if (!quantity || !free(span)) break;
      out.push({
        sentence: s,
        span,
        wording: m.groups?.qty ?? "",
        qtyWording: m.groups?.qty ?? "",
        quantity,
        kind: "ellipsis",
        unit: nextUnit(),
        backRef: false,
        totalCue: false,
        why: `${q(m.groups?.qty ?? "")} with its noun left out, after ${q(first.wording)}`,
      });
      from += at[1];
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

// --- groups or totals ------------------------------------------------------------------------------------

const sameSize = (a: Mention, b: Mention) => a.quantity.min === b.quantity.min && a.quantity.max === b.quantity.max;

function firstPlace(ctx: GroupContext, clause: Span): GroupPlace | null {
  return findPlaces(ctx.lex, ctx.text, clause.start, clause.end)[0]?.value ?? null;
}

type Decision = { groups: Mention[]; totals: Mention[]; repeats: Map<Mention, Mention>; promoted: Set<Mention> };

function decide(ctx: GroupContext, mentions: Mention[], clauseOf: (m: Mention) => Span): Decision {
  const explicit = mentions.filter((m) => m.kind === "explicit");
  const others = mentions.filter((m) => m.kind !== "explicit");
  const groups: Mention[] = [...explicit];
  const totals: Mention[] = [];
  const repeats = new Map<Mention, Mention>();
  const promoted = new Set<Mention>();
  const sumExplicit = explicit.reduce((n, m) => n + m.quantity.min, 0);
  const firstExplicit = explicit[0]?.span.start ?? Infinity;
  const placeDiffers = (a: Mention, b: Mention) => {
    const pa = firstPlace(ctx, clauseOf(a));
    const pb = firstPlace(ctx, clauseOf(b));
    return !!pa && !!pb && describePlace(pa) !== describePlace(pb);
  };
  for (const m of others) {
    if (m.totalCue) {
      totals.push(m);
      continue;
    }
    if (explicit.length && m.quantity.min >= sumExplicit && (explicit.length >= 2 || m.span.start < firstExplicit)) {
      totals.push(m);
      continue;
    }
    const same = groups.find((g) => sameSize(g, m) && g.sentence !== m.sentence && !placeDiffers(g, m));
    if (same) {
      repeats.set(m, same);
      continue;
    }
    if (m.backRef) {
      if (groups.length && m.quantity.min >= groups.reduce((n, g) => n + g.quantity.min, 0)) totals.push(m);
      continue;
    }
    groups.push(m);
  }
  // Of three or more counts, one that is the sum of the others is their total.
  if (!explicit.length && groups.length >= 3) {
    const total = groups.find((g) => g.quantity.min === groups.filter((o) => o !== g).reduce((n, o) => n + o.quantity.min, 0));
    if (total) {
      groups.splice(groups.indexOf(total), 1);
      totals.push(total);
    }
  }
  // A total with no groups beside it is the only group the report describes.
  if (!groups.length && totals.length) {
    const only = totals.shift() as Mention;
    groups.push(only);
    promoted.add(only);
  }
  groups.sort((a, b) => a.span.start - b.span.start);
  totals.sort((a, b) => a.span.start - b.span.start);
  return { groups, totals, repeats, promoted };
}

// --- the whole report -----------------------------------------------------------------------------------------

type Result = Pick<Extraction, "groups" | "statedTotals" | "totalCheck">;

export function extractGroups(ctx: GroupContext): Result {
  const { lex, warnings } = ctx;
  let unitCounter = 0;
  const nextUnit = () => unitCounter++;
  const cuesBySentence = new Map<Sentence, Cue[]>();
  const mentions: Mention[] = [];
  const eventSentences = new Set<Sentence>();
  for (const s of ctx.sentences) {
    if (s.text.length > 3000) continue; // not prose: a very long run without a sentence end is not read
    const cues = findCues(lex, s);
    cuesBySentence.set(s, cues);
    if (cues.length || lex.riskCue.test(s.text)) {
      eventSentences.add(s);
      mentions.push(...mentionsIn(ctx, s, nextUnit));
    }
  }

  // Clauses: a mention's part of its sentence, up to the next mention.
  const clauseOf = (m: Mention): Span => {
    const inSentence = mentions.filter((o) => o.sentence === m.sentence && o.unit !== m.unit).map((o) => o.span.start);
    const next = inSentence.filter((x) => x > m.span.start).sort((a, b) => a - b)[0] ?? m.sentence.end;
    const prev = inSentence.filter((x) => x < m.span.start).length ? m.span.start : m.sentence.start;
    return { start: prev, end: next };
  };

  const decision = decide(ctx, mentions, clauseOf);
  const explicitCount = decision.groups.filter((g) => g.kind === "explicit").length;

  const groups: Group[] = decision.groups.map((m) => {
    let confidence: Confidence = m.kind === "explicit" ? "high" : m.kind === "count" ? (explicitCount ? "medium" : "high") : "medium";
    let why = m.why;
    if (m.quantity.rule === "unknown") confidence = "low";
    if (m.kind === "count" && explicitCount) why += "; a count beside the groups the report describes, proposed as another group";
    if (decision.promoted.has(m)) why += "; stated as a total, and no smaller groups are described, so proposed as the only group";
    if (m.quantity.rule !== "exact" && m.quantity.rule !== "one") why += ` (read as ${describeSize(m.quantity)} under the '${m.quantity.rule}' rule)`;
    return { mention: m, size: { value: toGroupSize(m.quantity, m.wording), span: m.span, confidence, why }, place: null, events: [], own: [m.sentence] };
  });
  const groupOf = new Map<Mention, Group>(groups.map((g) => [g.mention, g]));
  for (const [rep, target] of decision.repeats) groupOf.get(target)?.own.push(rep.sentence);

  // A report that says what happened to people but never how many: one group of unknown size.
  if (!groups.length) {
    const P = patterns(lex);
    for (const s of ctx.sentences) {
      const cues = (cuesBySentence.get(s) ?? []).filter((c) => c.type !== "CROSSED_BORDER");
      if (!cues.length) continue;
      const m = allMatches(P.unknown, s.text)[0];
      if (!m) continue;
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      const mention: Mention = {
        sentence: s,
        span,
        wording: m[0],
        qtyWording: "",
        quantity: { min: 1, max: null, best: null, rule: "unknown", numberText: null, inWords: false },
        kind: "unknown",
        unit: nextUnit(),
        backRef: false,
        totalCue: false,
        why: `${q(m[0])} with no number`,
      };
      mentions.push(mention);
      const group: Group = {
        mention,
        size: { value: toGroupSize(mention.quantity, m[0]), span, confidence: "low", why: `the report says ${q(cues[0].text)} of ${q(m[0])} but gives no number: one group of at least one person` },
        place: null,
        events: [],
        own: [s],
      };
      groups.push(group);
      groupOf.set(mention, group);
      warnings.push("No group size found: one group of unknown size (at least one person) is proposed; check the report for a number.");
      break;
    }
  }
  if (!groups.length) warnings.push("No arrest, detention, release or repatriation of a group was found: no group is proposed.");

  // Places.
  const report = reportPlace(ctx);
  for (const g of groups) g.place = placeFor(ctx, g, clauseOf(g.mention), report);

  // Events, in the order of the text.
  const talks: DraftEvent[] = [];
  let anchor: Anchor | null = null;
  let lastUnitGroups: Group[] = [];
  let lastUnitSentence = -2;
  const totalSentences = new Set(decision.totals.map((t) => t.sentence));
  const makeEvents = (s: Sentence, targets: Group[], clause: Span, sentenceWide: boolean, base: Confidence, note: string) => {
    const cues = cuesBySentence.get(s) ?? [];
    if (!cues.length || !targets.length) return;
    let dates = findDateMentions(lex, s.text).map((d) => ({ ...d, start: s.start + d.start, end: s.start + d.end }));
    const inClause = dates.filter((d) => d.start >= clause.start && d.end <= clause.end);
    if (inClause.length || !sentenceWide) dates = inClause;
    for (const d of dates) {
      if (attribution(lex).test(ctx.text.slice(Math.max(s.start, d.start - 60), d.start))) continue;
      const cue = [...cues].reverse().find((c) => c.end <= d.start) ?? cues.find((c) => c.start >= d.end);
      if (!cue) continue;
      const r = resolveMention(d, ctx.pub, anchor);
      if ("unresolved" in r) {
        warnings.push(`${cue.type} (${q(cue.text)}): ${r.unresolved}`);
        continue;
      }
      const confidence = weakest(base, r.confidence);
      for (const g of targets) {
        g.events.push({
          type: cue.type,
          dateEarliest: r.earliest,
          dateLatest: r.latest,
          precision: r.precision,
          dateWording: d.wording,
          span: { start: s.start, end: s.end },
          confidence,
          why: `${q(cue.text)} dated ${q(d.wording)}: ${r.why}${note}`,
        });
      }
      anchor = { earliest: r.earliest, latest: r.latest, precision: r.precision, confidence, wording: d.wording };
    }
  };

  for (const s of ctx.sentences) {
    if (!cuesBySentence.has(s)) continue;
    if (isTalks(lex, s)) {
      for (const d of findDateMentions(lex, s.text)) {
        const r = resolveMention(d, ctx.pub, anchor);
        if ("unresolved" in r) {
          warnings.push(`REPATRIATION_TALKS: ${r.unresolved}`);
          continue;
        }
        const ev: DraftEvent = {
          type: "REPATRIATION_TALKS",
          dateEarliest: r.earliest,
          dateLatest: r.latest,
          precision: r.precision,
          dateWording: d.wording,
          span: { start: s.start, end: s.end },
          confidence: weakest("medium", r.confidence),
          why: `talks between the Chinese and North Korean sides dated ${q(d.wording)} (${r.why}); about the report's people as a whole, so attached to every group`,
        };
        talks.push(ev);
        anchor = { earliest: r.earliest, latest: r.latest, precision: r.precision, confidence: ev.confidence, wording: d.wording };
      }
      continue;
    }
    const here = mentions.filter((m) => m.sentence === s && (groupOf.has(m) || decision.repeats.has(m)));
    if (here.length) {
      const units = [...new Set(here.map((m) => m.unit))];
      const unitGroups: Group[] = [];
      for (const unit of units) {
        const ms = here.filter((m) => m.unit === unit);
        const targets = ms.map((m) => groupOf.get(m) ?? groupOf.get(decision.repeats.get(m) as Mention)).filter((g): g is Group => !!g);
        const repeat = ms.some((m) => decision.repeats.has(m));
        makeEvents(s, targets, clauseOf(ms[0]), true, repeat ? "medium" : "high", repeat ? `; ${q(ms[0].wording)} read as the same group mentioned again` : "");
        unitGroups.push(...targets);
      }
      // Consecutive sentences describing groups form one run; later references back ("the defectors") mean the whole run.
      lastUnitGroups = [...new Set([...(s.index === lastUnitSentence + 1 ? lastUnitGroups : []), ...unitGroups])];
      lastUnitSentence = s.index;
      continue;
    }
    if (totalSentences.has(s)) continue;
    if (lastUnitGroups.length && lex.anaphora.test(s.text)) {
      for (const g of lastUnitGroups) if (!g.own.includes(s)) g.own.push(s);
      makeEvents(s, lastUnitGroups, { start: s.start, end: s.end }, true, "medium", "; the sentence refers back to the group(s) described just before");
    }
  }

  // A group with no dated event of its own takes the date of a stated total that covers it.
  for (const g of groups) {
    if (g.events.length) continue;
    for (const t of decision.totals) {
      const before = g.events.length;
      makeEvents(t.sentence, [g], { start: t.sentence.start, end: t.sentence.end }, true, "medium", `; the date of the stated total ${q(t.qtyWording)}, which covers this group`);
      if (g.events.length > before) break;
    }
  }
  for (const g of groups) g.events.push(...talks.map((e) => ({ ...e })));

  // Dates after publication, or after today.
  for (const g of groups) {
    for (const e of g.events) {
      if (ctx.pub && e.dateEarliest > ctx.pub) {
        e.confidence = "low";
        e.why += `; NOTE: after the publication date ${ctx.pub}`;
      } else if (ctx.today && e.dateEarliest > ctx.today) {
        e.confidence = "low";
        e.why += `; NOTE: after today (${ctx.today})`;
      }
    }
  }
  const flagged = new Set<string>();
  for (const e of groups.flatMap((g) => g.events)) {
    const key = `${e.type}|${e.dateWording}|${e.dateEarliest}`;
    if (flagged.has(key)) continue;
    if (ctx.pub && e.dateEarliest > ctx.pub) warnings.push(`${e.type} "${e.dateWording}" resolves to ${e.dateEarliest}, after the publication date ${ctx.pub}: check the date.`);
    else if (ctx.today && e.dateEarliest > ctx.today) warnings.push(`${e.type} "${e.dateWording}" resolves to ${e.dateEarliest}, which is in the future: check the date.`);
    else continue;
    flagged.add(key);
  }

  const risk = riskPassage(ctx);
  const draft: DraftGroup[] = groups.map((g) => ({ size: g.size, place: g.place, events: g.events, status: statusFor(ctx, g, risk, cuesBySentence) }));

  const statedTotals: Proposal<StatedTotal>[] = decision.totals.map((t) => {
    const why = t.totalCue
      ? `${q(t.wording)} is stated as a total`
      : `${q(t.wording)} covers the groups the report describes (${explicitSizes(groups)})`;
    return { value: { min: t.quantity.min, max: t.quantity.max, wording: t.qtyWording }, span: t.span, confidence: t.totalCue || explicitCount >= 2 ? "high" : "medium", why };
  });

  return { groups: draft, statedTotals, totalCheck: totalCheck(draft, statedTotals) };
}

function explicitSizes(groups: Group[]): string {
  return groups.map((g) => describeSize(g.size.value)).join(" + ");
}

// --- places ----------------------------------------------------------------------------------------------------

type ReportPlace = { value: GroupPlace; span: Span; wording: string } | null;

/** The country the report places people in most often ("in China"), for groups whose own sentences name none. */
function reportPlace(ctx: GroupContext): ReportPlace {
  const counts = new Map<string, { n: number; first: ReportPlace }>();
  for (const s of ctx.sentences) {
    if (s.text.length > 3000) continue;
    for (const p of findPlaces(ctx.lex, ctx.text, s.start, s.end)) {
      const c = counts.get(p.value.country) ?? { n: 0, first: { value: { country: p.value.country, province: null, city: null }, span: { start: p.start, end: p.end }, wording: p.wording } };
      c.n++;
      counts.set(p.value.country, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.first ?? null;
}

function placeFor(ctx: GroupContext, g: Group, clause: Span, report: ReportPlace): Proposal<GroupPlace> | null {
  const own = findPlaces(ctx.lex, ctx.text, clause.start, clause.end)[0];
  if (own) return { value: own.value, span: { start: own.start, end: own.end }, confidence: "high", why: `${q(own.wording)} in the passage that describes the group (${describePlace(own.value)})` };
  const s = g.mention.sentence;
  const inSentence = findPlaces(ctx.lex, ctx.text, s.start, s.end)[0];
  if (inSentence) return { value: inSentence.value, span: { start: inSentence.start, end: inSentence.end }, confidence: "medium", why: `${q(inSentence.wording)} in the same sentence as the group, in another group's part of it` };
  for (const o of g.own.slice(1)) {
    const p = findPlaces(ctx.lex, ctx.text, o.start, o.end)[0];
    if (p) return { value: p.value, span: { start: p.start, end: p.end }, confidence: "medium", why: `${q(p.wording)} in a later sentence about the group` };
  }
  const previous = ctx.sentences.filter((o) => o.paragraph === s.paragraph && o.end <= s.start).reverse();
  for (const o of previous) {
    const p = findPlaces(ctx.lex, ctx.text, o.start, o.end)[0];
    if (p) return { value: p.value, span: { start: p.start, end: p.end }, confidence: "medium", why: `${q(p.wording)} earlier in the same paragraph` };
  }
  if (report) return { value: report.value, span: report.span, confidence: "low", why: `only the country (${report.value.country}): the report places people there most often (first ${q(report.wording)}), but does not say where this group was` };
  return null;
}

// --- status ------------------------------------------------------------------------------------------------------

type RiskPassage = { span: Span; text: string } | null;

/** The first "face repatriation" of the report, preferring the body to the headline. */
function riskPassage(ctx: GroupContext): RiskPassage {
  let head: RiskPassage = null;
  for (const s of ctx.sentences) {
    if (s.text.length > 3000) continue;
    const m = ctx.lex.riskCue.exec(s.text);
    if (!m) continue;
    const found = { span: { start: s.start, end: s.end }, text: m[0] };
    if (!ctx.isHead(s)) return found;
    head ??= found;
  }
  return head;
}

const OUTCOMES: Partial<Record<EventType, CaseStatus>> = { REPATRIATED: "REPATRIATED", RELEASED: "RELEASED", REACHED_SAFETY: "REACHED_SAFETY" };
const HELD: EventType[] = ["ARRESTED", "DETAINED", "TRANSFERRED"];

function statusFor(ctx: GroupContext, g: Group, risk: RiskPassage, cuesBySentence: Map<Sentence, Cue[]>): Proposal<CaseStatus> | null {
  const own = g.events.filter((e) => e.type !== "REPATRIATION_TALKS");
  const outcome = [...own].filter((e) => OUTCOMES[e.type]).sort((a, b) => a.dateLatest.localeCompare(b.dateLatest)).pop();
  if (outcome) return { value: OUTCOMES[outcome.type] as CaseStatus, span: outcome.span, confidence: "high", why: `the group's latest outcome: ${outcome.type} (${q(outcome.dateWording)})` };
  for (const s of g.own) {
    const cue = (cuesBySentence.get(s) ?? []).find((c) => OUTCOMES[c.type]);
    if (cue) return { value: OUTCOMES[cue.type] as CaseStatus, span: { start: s.start, end: s.end }, confidence: "medium", why: `${q(cue.text)} in a sentence about the group, without a date` };
  }
  for (const s of g.own) {
    const m = ctx.lex.riskCue.exec(s.text);
    if (m) return { value: "AT_RISK_OF_REPATRIATION", span: { start: s.start, end: s.end }, confidence: "high", why: `${q(m[0])} said of the group` };
  }
  if (risk) return { value: "AT_RISK_OF_REPATRIATION", span: risk.span, confidence: "medium", why: `${q(risk.text)} said of the report's people as a whole` };
  const talks = g.events.find((e) => e.type === "REPATRIATION_TALKS");
  if (talks) return { value: "AT_RISK_OF_REPATRIATION", span: talks.span, confidence: "medium", why: "talks about their return are reported" };
  const held = own.find((e) => HELD.includes(e.type));
  if (held) return { value: "REPORTED_DETAINED", span: held.span, confidence: "high", why: `${held.type} and nothing since` };
  for (const s of g.own) {
    const cue = (cuesBySentence.get(s) ?? []).find((c) => HELD.includes(c.type));
    if (cue) return { value: "REPORTED_DETAINED", span: { start: s.start, end: s.end }, confidence: "medium", why: `${q(cue.text)}, without a date` };
  }
  return null;
}

// --- total check ---------------------------------------------------------------------------------------------------

export function totalCheck(groups: DraftGroup[], totals: Proposal<StatedTotal>[]): Extraction["totalCheck"] {
  const sizes = groups.map((g) => g.size.value.best ?? g.size.value.min);
  const sum = sizes.reduce((a, b) => a + b, 0);
  const parts = sizes.join(" + ");
  const unknown = groups.some((g) => g.size.value.best === null && g.size.value.max === null);
  if (!totals.length) {
    return { stated: null, sumOfGroups: sum, consistent: null, message: groups.length ? `The report states no total; the groups add up to ${sum}${groups.length > 1 ? ` (${parts})` : ""}.` : "No groups and no stated total." };
  }
  // The strongest claim (highest minimum); on a tie, the open-ended wording ("at least 24").
  const chosen = [...totals].sort((a, b) => b.value.min - a.value.min || (a.value.max === null ? -1 : 0) - (b.value.max === null ? -1 : 0))[0].value;
  const fits = (t: StatedTotal) => sum >= t.min && (t.max === null || sum <= t.max);
  if (!groups.length) return { stated: chosen.min, sumOfGroups: 0, consistent: null, message: `Stated ${describeSize(chosen)}, but no groups were found.` };
  if (unknown) return { stated: chosen.min, sumOfGroups: sum, consistent: null, message: `Stated ${describeSize(chosen)}; a group's size is unknown, so the groups cannot be checked against it.` };
  const bad = totals.filter((t) => !fits(t.value));
  if (!bad.length) return { stated: chosen.min, sumOfGroups: sum, consistent: true, message: `Stated ${describeSize(chosen)} = ${parts}` };
  const b = bad[0].value;
  const direction = sum < b.min ? "short of" : "more than";
  return {
    stated: b.min,
    sumOfGroups: sum,
    consistent: false,
    message: `Stated ${describeSize(b)} ('${b.wording}'), but the groups add up to ${sum} (${parts}), ${direction} the total: a group may be missing or a size misread.`,
  };
}
