/**
 * Events: what happened to each group, when and where.
 *
 * Event words are the lexicon's ("were caught", "moved to", "handed over to North Korean
 * authorities", "체포", "이송", "북송됐다"); one that is a prospect ("will be repatriated", "is to be
 * moved", "북송될 예정") is not an event (the group's status says it is at risk instead). In a sentence,
 * each date phrase goes with the event word nearest before it, else after it (in Korean, where the date
 * comes first, the nearest after it). A transfer, return, release or arrival with no date of its own is
 * still proposed, dated from the group's arrest (or a year before publication) to publication, with a
 * reason that says so. "It is not clear whether …" keeps a sentence's outcomes from being proposed;
 * "unconfirmed" proposes them with low confidence. A transfer or return takes the place named with
 * it ("moved to a detention center in Tumen", "투먼으로 이송").
 *
 * A later sentence with an event word and a word pointing back ("they", "the group", "이들") adds its
 * events to the groups of the last sentence that described groups. Talks between Beijing and
 * Pyongyang concern the report's people as a whole and go to every group. Chains ("Four days later",
 * "나흘 뒤") count from the previous dated event, in the order of the text.
 */
import { addDays, findDateMentions, precisionOfLength, resolveMention, type Anchor } from "../dates";
import type { Lexicon } from "../lexicon";
import { findPlaces } from "../place-mentions";
import type { Sentence } from "../text";
import type { Confidence, DraftEvent, EventType, GroupPlace, Span } from "../types";
import { allMatches, q, weakest } from "../util";
import type { Decision } from "./decide";
import { patterns } from "./patterns";
import type { Cue, Group, GroupContext, Mention } from "./types";

/** Event words of a sentence, prospects left out. */
export function findCues(lex: Lexicon, s: Sentence): Cue[] {
  const cues: Cue[] = [];
  for (const { type, pattern } of lex.eventCues) {
    for (const m of allMatches(pattern, s.text)) {
      const before = s.text.slice(Math.max(0, m.index - 30), m.index);
      const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (lex.prospectBefore.test(before) || lex.prospectAfter.test(after)) continue;
      cues.push({ type, start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

export function isTalks(lex: Lexicon, s: Sentence): boolean {
  const t = lex.talks;
  return t.verb.test(s.text) && t.sideA.test(s.text) && t.sideB.test(s.text) && t.topic.test(s.text);
}

const OUTCOME: EventType[] = ["TRANSFERRED", "REPATRIATED", "RELEASED", "REACHED_SAFETY"];
const PLACED: EventType[] = ["TRANSFERRED", "REPATRIATED", "REACHED_SAFETY"];
const ARREST: EventType[] = ["ARRESTED", "DETAINED"];

type Deps = {
  ctx: GroupContext;
  cuesBySentence: Map<Sentence, Cue[]>;
  mentions: Mention[];
  decision: Decision;
  groupOf: Map<Mention, Group>;
  clauseOf: (m: Mention) => Span;
  groups: Group[];
};

type Pending = {
  g: Group;
  cue: Cue;
  s: Sentence;
  base: Confidence;
  note: string;
  place: GroupPlace | null;
  unconfirmed: boolean;
};

/** Where an event took place: the place named with its event word, if any. */
function eventPlace(ctx: GroupContext, s: Sentence, cue: Cue): GroupPlace | null {
  if (!PLACED.includes(cue.type)) return null;
  if (ctx.lex.placePrecedesEvent) {
    const list = findPlaces(ctx.lex, ctx.text, Math.max(s.start, cue.start - 40), cue.start, false);
    return list[list.length - 1]?.value ?? null;
  }
  const list = findPlaces(
    ctx.lex,
    ctx.text,
    cue.type === "REACHED_SAFETY" ? cue.start : cue.end,
    Math.min(s.end, cue.end + 90),
    false,
  );
  return list[0]?.value ?? null;
}

/** What the reading of events carries from sentence to sentence. */
type State = Deps & {
  /** The previous dated event, for chains ("four days later"). */
  anchor: Anchor | null;
  /** Outcomes without a date, resolved once every group's arrest is known. */
  pending: Pending[];
  talks: DraftEvent[];
  /** The groups of the last run of sentences that described groups, for words pointing back. */
  lastUnitGroups: Group[];
  lastUnitSentence: number;
};

type Target = {
  s: Sentence;
  groups: Group[];
  clause: Span;
  sentenceWide: boolean;
  base: Confidence;
  note: string;
  onlyArrests?: boolean;
};

function isAttribution(st: State, s: Sentence, dStart: number, dEnd: number): boolean {
  const P = patterns(st.ctx.lex);
  const text = st.ctx.text;
  return (
    P.attribution.test(text.slice(Math.max(s.start, dStart - 60), dStart)) ||
    (P.attributionAfter?.test(text.slice(dEnd, Math.min(s.end, dEnd + 30))) ?? false)
  );
}

/** The date mentions a target reads: those in its clause, or the sentence's only one. */
function datesFor(st: State, t: Target) {
  const { s, clause, sentenceWide } = t;
  const dates = findDateMentions(st.ctx.lex, s.text)
    .map((x) => ({ ...x, start: s.start + x.start, end: s.start + x.end }))
    .filter((x) => !isAttribution(st, s, x.start, x.end));
  const inClause = dates.filter((x) => x.start >= clause.start && x.end <= clause.end);
  // A date outside the clause still counts when the whole sentence has only that one ("X and Y were caught on Aug. 2").
  return inClause.length || (!sentenceWide && dates.length !== 1) ? inClause : dates;
}

/** The event word a date goes with: the nearest before it (after it in Korean); never across "after". */
function cueFor(st: State, cues: Cue[], dm: { start: number; end: number }): Cue | undefined {
  const before = [...cues].reverse().find((c) => c.end <= dm.start);
  // "protested on Friday after police dragged him away": a date before "after" is not that event's.
  const after = cues.find((c) => c.start >= dm.end && !/\bafter\b/i.test(st.ctx.text.slice(dm.end, c.start)));
  return st.ctx.lex.datesPrecedeCounts ? (after ?? before) : (before ?? after);
}

/** Events of one sentence for some groups: each dated one now, undated outcomes for later. */
function makeEvents(st: State, t: Target): void {
  const { ctx } = st;
  const { lex } = ctx;
  const { s, groups: targets, base, note } = t;
  // Dates go with their nearest event word among all of them ("sent back all 31 it arrested last month": the arrest's date), then only the kinds asked for are kept.
  const allCues = st.cuesBySentence.get(s) ?? [];
  const cues = allCues.filter((c) => !t.onlyArrests || ARREST.includes(c.type));
  if (!cues.length || !targets.length) return;
  const doubt = lex.doubtCue.test(s.text);
  const unconfirmed = lex.unconfirmedCue.test(s.text);
  const used = new Set<Cue>();
  for (const dm of datesFor(st, t)) {
    const cue = cueFor(st, allCues, dm);
    if (!cue || !cues.includes(cue) || (doubt && OUTCOME.includes(cue.type))) continue;
    const r = resolveMention(dm, ctx.pub, st.anchor);
    if ("unresolved" in r) {
      ctx.warnings.push(`${cue.type} (${q(cue.text)}): ${r.unresolved}`);
      continue;
    }
    used.add(cue);
    const confidence = unconfirmed ? "low" : weakest(base, r.confidence);
    const place = eventPlace(ctx, s, cue);
    const why = `${q(cue.text)} dated ${q(dm.wording)}: ${r.why}${note}${unconfirmed ? "; the report says this is not confirmed" : ""}`;
    for (const g of targets)
      g.events.push({
        type: cue.type,
        dateEarliest: r.earliest,
        dateLatest: r.latest,
        precision: r.precision,
        dateWording: dm.wording,
        span: { start: s.start, end: s.end },
        place,
        confidence,
        why,
      });
    st.anchor = { earliest: r.earliest, latest: r.latest, precision: r.precision, confidence, wording: dm.wording };
  }
  // Outcomes with no date of their own, in the clause of these groups.
  for (const cue of cues) {
    if (t.onlyArrests || used.has(cue) || !OUTCOME.includes(cue.type) || doubt) continue;
    if (!t.sentenceWide && (cue.start < t.clause.start || cue.end > t.clause.end)) continue;
    const place = eventPlace(ctx, s, cue);
    for (const g of targets) st.pending.push({ g, cue, s, base, note, place, unconfirmed });
  }
}

/** Talks between the two governments: dated, for every group. */
function talksIn(st: State, s: Sentence): void {
  for (const dm of findDateMentions(st.ctx.lex, s.text)) {
    const r = resolveMention(dm, st.ctx.pub, st.anchor);
    if ("unresolved" in r) {
      st.ctx.warnings.push(`REPATRIATION_TALKS: ${r.unresolved}`);
      continue;
    }
    const confidence = weakest("medium", r.confidence);
    st.talks.push({
      type: "REPATRIATION_TALKS",
      dateEarliest: r.earliest,
      dateLatest: r.latest,
      precision: r.precision,
      dateWording: dm.wording,
      span: { start: s.start, end: s.end },
      place: null,
      confidence,
      why: `talks between the Chinese and North Korean sides dated ${q(dm.wording)} (${r.why}); about the report's people as a whole, so attached to every group`,
    });
    st.anchor = { earliest: r.earliest, latest: r.latest, precision: r.precision, confidence, wording: dm.wording };
  }
}

/** A sentence that names groups: each unit's events from its clause; words pointing back after the last concern all. */
function groupSentence(st: State, s: Sentence, here: Mention[]): void {
  const { groupOf, decision, clauseOf } = st;
  const units = [...new Set(here.map((m) => m.unit))];
  const unitGroups: Group[] = [];
  for (const unit of units) {
    const ms = here.filter((m) => m.unit === unit);
    const groups = ms
      .map((m) => groupOf.get(m) ?? groupOf.get(decision.repeats.get(m) as Mention))
      .filter((g): g is Group => !!g);
    const repeat = ms.some((m) => decision.repeats.has(m));
    makeEvents(st, {
      s,
      groups,
      clause: clauseOf(ms[0]),
      sentenceWide: units.length === 1,
      base: repeat ? "medium" : "high",
      note: repeat ? `; ${q(ms[0].wording)} read as the same group mentioned again` : "",
    });
    unitGroups.push(...groups);
  }
  // "… 20명, 9명이 잡혔고 … 이들은 투먼으로 이송돼": words pointing back after the last group concern them all.
  if (units.length > 1) {
    const lastEnd = Math.max(...here.map((m) => m.span.end));
    const ana = st.ctx.lex.anaphora.exec(st.ctx.text.slice(lastEnd, s.end));
    if (ana)
      makeEvents(st, {
        s,
        groups: [...new Set(unitGroups)],
        clause: { start: lastEnd + ana.index, end: s.end },
        sentenceWide: false,
        base: "medium",
        note: "; the words point back at every group of the sentence",
      });
  }
  // Consecutive sentences describing groups form one run; later references back ("the defectors") mean the whole run.
  st.lastUnitGroups = [...new Set([...(s.index === st.lastUnitSentence + 1 ? st.lastUnitGroups : []), ...unitGroups])];
  st.lastUnitSentence = s.index;
}

/** A sentence that points back ("They were moved to …", "이들은 …"): its events go to the last run of groups. */
function pointingBack(st: State, s: Sentence): void {
  const { mentions, ctx } = st;
  // A sentence that only counts statistics ("Nearly 40 … in separate incidents") says nothing of these groups.
  if (mentions.some((m) => m.sentence === s && (m.role === "aggregate" || m.role === "alternative"))) return;
  if (!st.lastUnitGroups.length || !ctx.lex.anaphora.test(s.text)) return;
  for (const g of st.lastUnitGroups) if (!g.own.includes(s)) g.own.push(s);
  makeEvents(st, {
    s,
    groups: st.lastUnitGroups,
    clause: { start: s.start, end: s.end },
    sentenceWide: true,
    base: "medium",
    note: "; the sentence refers back to the group(s) described just before",
  });
}

/**
 * The sentences that speak of a stated total: its own, and later sentences of its paragraph that point
 * back at it ("The arrests took place on July 15 and 17", "They were returned in secret …"), up to the
 * first sentence that describes a group.
 */
function totalRun(st: State, t: Mention): Sentence[] {
  const groupSentences = new Set(
    st.mentions.filter((m) => st.groupOf.has(m) || st.decision.repeats.has(m)).map((m) => m.sentence),
  );
  const run = [t.sentence];
  for (const s of st.ctx.sentences) {
    if (s.index <= t.sentence.index) continue;
    if (s.paragraph !== t.sentence.paragraph || groupSentences.has(s)) break;
    if (st.ctx.lex.anaphora.test(s.text)) run.push(s);
  }
  return run;
}

/** Every sentence about the stated totals, in text order, without repeats. */
function totalSentencesRun(st: State): Sentence[] {
  const seen = new Set<Sentence>();
  for (const t of st.decision.totals) for (const s of totalRun(st, t)) seen.add(s);
  return [...seen].sort((a, b) => a.start - b.start);
}

/**
 * A group whose own sentences date no arrest takes the arrest date of a stated total that covers it
 * (an arrest dated only in a sentence pointing back, "Since learning of the arrests on July 16", comes after).
 */
function arrestsFromTotals(st: State, run: Sentence[]): void {
  const { groups, mentions, groupOf, decision } = st;
  for (const g of groups) {
    const ownSentences = new Set(
      mentions
        .filter((m) => groupOf.get(m) === g || decision.repeats.get(m) === g.mention)
        .map((m) => m.sentence.start),
    );
    if (g.events.some((e) => ARREST.includes(e.type) && ownSentences.has(e.span.start))) continue;
    // Of the run's dated arrests ("arrested last month", "between Feb. 8 and 12"), the most precise.
    let best: DraftEvent[] = [];
    const length = (e: DraftEvent) => Date.parse(e.dateLatest) - Date.parse(e.dateEarliest);
    for (const s of run) {
      const kept = g.events;
      g.events = [];
      makeEvents(st, {
        s,
        groups: [g],
        clause: { start: s.start, end: s.end },
        sentenceWide: true,
        base: "medium",
        note: "; said of the stated total, which covers this group",
        onlyArrests: true,
      });
      const added = g.events;
      g.events = kept;
      if (added.length && (!best.length || length(added[0]) < length(best[0]))) best = added;
    }
    g.events = [...best, ...g.events];
  }
}

/** Outcomes without a date: between the group's arrest (or a year before publication) and publication. */
function undatedOutcomes(st: State): void {
  const pub = st.ctx.pub;
  if (!pub) return;
  for (const p of st.pending) {
    // A dated event of the same kind, from any sentence, is the same event told with its date.
    if (p.g.events.some((e) => e.type === p.cue.type)) continue;
    const arrest = p.g.events
      .filter((e) => ARREST.includes(e.type))
      .map((e) => e.dateEarliest)
      .sort()[0];
    const earliest = arrest && arrest <= pub ? arrest : addDays(pub, -365);
    p.g.events.push({
      type: p.cue.type,
      dateEarliest: earliest,
      dateLatest: pub,
      precision: precisionOfLength(earliest, pub),
      dateWording: "",
      span: { start: p.s.start, end: p.s.end },
      place: p.place,
      confidence: p.unconfirmed ? "low" : weakest(p.base, "medium"),
      why: `${q(p.cue.text)} with no date given: some time between ${arrest ? "the arrest" : "a year before publication"} (${earliest}) and publication (${pub})${p.note}${p.unconfirmed ? "; the report says this is not confirmed" : ""}`,
    });
  }
}

/** Reads every sentence in order and gives each group its events. */
export function attachEvents(d: Deps): void {
  const st: State = { ...d, anchor: null, pending: [], talks: [], lastUnitGroups: [], lastUnitSentence: -2 };
  const totalSentences = new Set(d.decision.totals.map((t) => t.sentence));
  for (const s of d.ctx.sentences) {
    if (!d.cuesBySentence.has(s)) continue;
    if (isTalks(d.ctx.lex, s)) {
      talksIn(st, s);
      continue;
    }
    const here = d.mentions.filter((m) => m.sentence === s && (d.groupOf.has(m) || d.decision.repeats.has(m)));
    if (here.length) groupSentence(st, s, here);
    else if (!totalSentences.has(s)) pointingBack(st, s);
  }
  const run = totalSentencesRun(st);
  arrestsFromTotals(st, run);
  undatedOutcomes(st);
  for (const g of d.groups) g.events = dedupe([...g.events, ...st.talks.map((e) => ({ ...e }))]);
}

/** The same event told twice: identical, or the same kind with one range inside the other (the wider goes). */
function dedupe(events: DraftEvent[]): DraftEvent[] {
  const out: DraftEvent[] = [];
  for (const e of events) {
    if (
      out.some(
        (o) =>
          o.type === e.type &&
          o.dateEarliest === e.dateEarliest &&
          o.dateLatest === e.dateLatest &&
          o.span.start === e.span.start,
      )
    )
      continue;
    if (OUTCOME.includes(e.type)) {
      const wider = out.findIndex(
        (o) => o.type === e.type && o.dateEarliest <= e.dateEarliest && e.dateLatest <= o.dateLatest,
      );
      if (wider >= 0) {
        out[wider] = e;
        continue;
      }
      if (out.some((o) => o.type === e.type && e.dateEarliest <= o.dateEarliest && o.dateLatest <= e.dateLatest))
        continue;
    }
    out.push(e);
  }
  return out;
}

/** Dates after publication or after today are kept, flagged and made low-confidence. */
export function flagFutureDates(ctx: GroupContext, groups: Group[]): void {
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
    if (ctx.pub && e.dateEarliest > ctx.pub)
      ctx.warnings.push(
        `${e.type} "${e.dateWording}" resolves to ${e.dateEarliest}, after the publication date ${ctx.pub}: check the date.`,
      );
    else if (ctx.today && e.dateEarliest > ctx.today)
      ctx.warnings.push(
        `${e.type} "${e.dateWording}" resolves to ${e.dateEarliest}, which is in the future: check the date.`,
      );
    else continue;
    flagged.add(key);
  }
}
