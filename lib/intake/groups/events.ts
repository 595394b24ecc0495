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

type Pending = { g: Group; cue: Cue; s: Sentence; base: Confidence; note: string; place: GroupPlace | null; unconfirmed: boolean };

/** Where an event took place: the place named with its event word, if any. */
function eventPlace(ctx: GroupContext, s: Sentence, cue: Cue): GroupPlace | null {
  if (!PLACED.includes(cue.type)) return null;
  if (ctx.lex.placePrecedesEvent) {
    const list = findPlaces(ctx.lex, ctx.text, Math.max(s.start, cue.start - 40), cue.start, false);
    return list[list.length - 1]?.value ?? null;
  }
  const list = findPlaces(ctx.lex, ctx.text, cue.type === "REACHED_SAFETY" ? cue.start : cue.end, Math.min(s.end, cue.end + 90), false);
  return list[0]?.value ?? null;
}

export function attachEvents(d: Deps): void {
  const { ctx, cuesBySentence, mentions, decision, groupOf, clauseOf, groups } = d;
  const { lex, warnings } = ctx;
  const P = patterns(lex);
  const talks: DraftEvent[] = [];
  const pending: Pending[] = [];
  let anchor: Anchor | null = null;
  let lastUnitGroups: Group[] = [];
  let lastUnitSentence = -2;
  const totalSentences = new Set(decision.totals.map((t) => t.sentence));

  const isAttribution = (s: Sentence, dStart: number, dEnd: number) =>
    P.attribution.test(ctx.text.slice(Math.max(s.start, dStart - 60), dStart)) || (P.attributionAfter?.test(ctx.text.slice(dEnd, Math.min(s.end, dEnd + 30))) ?? false);

  const makeEvents = (s: Sentence, targets: Group[], clause: Span, sentenceWide: boolean, base: Confidence, note: string, onlyArrests = false) => {
    const cues = (cuesBySentence.get(s) ?? []).filter((c) => !onlyArrests || ARREST.includes(c.type));
    if (!cues.length || !targets.length) return;
    const doubt = lex.doubtCue.test(s.text);
    const unconfirmed = lex.unconfirmedCue.test(s.text);
    let dates = findDateMentions(lex, s.text)
      .map((x) => ({ ...x, start: s.start + x.start, end: s.start + x.end }))
      .filter((x) => !isAttribution(s, x.start, x.end));
    const inClause = dates.filter((x) => x.start >= clause.start && x.end <= clause.end);
    // A date outside the clause still counts when the whole sentence has only that one ("X and Y were caught on Aug. 2").
    if (inClause.length || (!sentenceWide && dates.length !== 1)) dates = inClause;
    const used = new Set<Cue>();
    for (const dm of dates) {
      const before = [...cues].reverse().find((c) => c.end <= dm.start);
      // "protested on Friday after police dragged him away": a date before "after" is not that event's.
      const after = cues.find((c) => c.start >= dm.end && !/\bafter\b/i.test(ctx.text.slice(dm.end, c.start)));
      const cue = lex.datesPrecedeCounts ? (after ?? before) : (before ?? after);
      if (!cue) continue;
      if (doubt && OUTCOME.includes(cue.type)) continue;
      const r = resolveMention(dm, ctx.pub, anchor);
      if ("unresolved" in r) {
        warnings.push(`${cue.type} (${q(cue.text)}): ${r.unresolved}`);
        continue;
      }
      used.add(cue);
      const confidence = unconfirmed ? "low" : weakest(base, r.confidence);
      const place = eventPlace(ctx, s, cue);
      for (const g of targets) {
        g.events.push({
          type: cue.type,
          dateEarliest: r.earliest,
          dateLatest: r.latest,
          precision: r.precision,
          dateWording: dm.wording,
          span: { start: s.start, end: s.end },
          place,
          confidence,
          why: `${q(cue.text)} dated ${q(dm.wording)}: ${r.why}${note}${unconfirmed ? "; the report says this is not confirmed" : ""}`,
        });
      }
      anchor = { earliest: r.earliest, latest: r.latest, precision: r.precision, confidence, wording: dm.wording };
    }
    // Outcomes with no date of their own, in the clause of these groups.
    for (const cue of cues) {
      if (onlyArrests || used.has(cue) || !OUTCOME.includes(cue.type) || doubt) continue;
      if (!sentenceWide && (cue.start < clause.start || cue.end > clause.end)) continue;
      const place = eventPlace(ctx, s, cue);
      for (const g of targets) pending.push({ g, cue, s, base, note, place, unconfirmed });
    }
  };

  for (const s of ctx.sentences) {
    if (!cuesBySentence.has(s)) continue;
    if (isTalks(lex, s)) {
      for (const dm of findDateMentions(lex, s.text)) {
        const r = resolveMention(dm, ctx.pub, anchor);
        if ("unresolved" in r) {
          warnings.push(`REPATRIATION_TALKS: ${r.unresolved}`);
          continue;
        }
        const ev: DraftEvent = {
          type: "REPATRIATION_TALKS",
          dateEarliest: r.earliest,
          dateLatest: r.latest,
          precision: r.precision,
          dateWording: dm.wording,
          span: { start: s.start, end: s.end },
          place: null,
          confidence: weakest("medium", r.confidence),
          why: `talks between the Chinese and North Korean sides dated ${q(dm.wording)} (${r.why}); about the report's people as a whole, so attached to every group`,
        };
        talks.push(ev);
        anchor = { earliest: r.earliest, latest: r.latest, precision: r.precision, confidence: ev.confidence, wording: dm.wording };
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
        makeEvents(s, targets, clauseOf(ms[0]), units.length === 1, repeat ? "medium" : "high", repeat ? `; ${q(ms[0].wording)} read as the same group mentioned again` : "");
        unitGroups.push(...targets);
      }
      // "… 20명, 9명이 잡혔고 … 이들은 투먼으로 이송돼": words pointing back after the last group concern them all.
      if (units.length > 1) {
        const lastEnd = Math.max(...here.map((m) => m.span.end));
        const rest = ctx.text.slice(lastEnd, s.end);
        const ana = lex.anaphora.exec(rest);
        if (ana) makeEvents(s, [...new Set(unitGroups)], { start: lastEnd + ana.index, end: s.end }, false, "medium", "; the words point back at every group of the sentence");
      }
      // Consecutive sentences describing groups form one run; later references back ("the defectors") mean the whole run.
      lastUnitGroups = [...new Set([...(s.index === lastUnitSentence + 1 ? lastUnitGroups : []), ...unitGroups])];
      lastUnitSentence = s.index;
      continue;
    }
    if (totalSentences.has(s)) continue;
    // A sentence that only counts statistics ("Nearly 40 … in separate incidents") says nothing of these groups.
    if (mentions.some((m) => m.sentence === s && (m.role === "aggregate" || m.role === "alternative"))) continue;
    if (lastUnitGroups.length && lex.anaphora.test(s.text)) {
      for (const g of lastUnitGroups) if (!g.own.includes(s)) g.own.push(s);
      makeEvents(s, lastUnitGroups, { start: s.start, end: s.end }, true, "medium", "; the sentence refers back to the group(s) described just before");
    }
  }

  // A group whose own sentences date no arrest takes the arrest date of a stated total that covers it
  // (an arrest dated only in a sentence pointing back, "Since learning of the arrests on July 16", comes after).
  for (const g of groups) {
    const ownSentences = new Set(mentions.filter((m) => groupOf.get(m) === g || decision.repeats.get(m) === g.mention).map((m) => m.sentence.start));
    if (g.events.some((e) => ARREST.includes(e.type) && ownSentences.has(e.span.start))) continue;
    for (const t of decision.totals) {
      const kept = g.events;
      g.events = [];
      makeEvents(t.sentence, [g], { start: t.sentence.start, end: t.sentence.end }, true, "medium", `; the date of the stated total ${q(t.qtyWording)}, which covers this group`, true);
      const added = g.events;
      g.events = [...added, ...kept];
      if (added.length) break;
    }
  }

  // Outcomes without a date: between the group's arrest (or a year before publication) and publication.
  for (const p of pending) {
    if (!ctx.pub) continue;
    // A dated event of the same kind, from any sentence, is the same event told with its date.
    if (p.g.events.some((e) => e.type === p.cue.type)) continue;
    const arrest = p.g.events.filter((e) => ARREST.includes(e.type)).map((e) => e.dateEarliest).sort()[0];
    const earliest = arrest && arrest <= ctx.pub ? arrest : addDays(ctx.pub, -365);
    p.g.events.push({
      type: p.cue.type,
      dateEarliest: earliest,
      dateLatest: ctx.pub,
      precision: precisionOfLength(earliest, ctx.pub),
      dateWording: "",
      span: { start: p.s.start, end: p.s.end },
      place: p.place,
      confidence: p.unconfirmed ? "low" : weakest(p.base, "medium"),
      why: `${q(p.cue.text)} with no date given: some time between ${arrest ? "the arrest" : "a year before publication"} (${earliest}) and publication (${ctx.pub})${p.note}${p.unconfirmed ? "; the report says this is not confirmed" : ""}`,
    });
  }
  for (const g of groups) g.events.push(...talks.map((e) => ({ ...e })));
  for (const g of groups) g.events = dedupe(g.events);
}

/** The same event told twice: identical, or the same kind with one range inside the other (the wider goes). */
function dedupe(events: DraftEvent[]): DraftEvent[] {
  const out: DraftEvent[] = [];
  for (const e of events) {
    if (out.some((o) => o.type === e.type && o.dateEarliest === e.dateEarliest && o.dateLatest === e.dateLatest && o.span.start === e.span.start)) continue;
    if (OUTCOME.includes(e.type)) {
      const wider = out.findIndex((o) => o.type === e.type && o.dateEarliest <= e.dateEarliest && e.dateLatest <= o.dateLatest);
      if (wider >= 0) {
        out[wider] = e;
        continue;
      }
      if (out.some((o) => o.type === e.type && e.dateEarliest <= o.dateEarliest && o.dateLatest <= e.dateLatest)) continue;
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
    if (ctx.pub && e.dateEarliest > ctx.pub) ctx.warnings.push(`${e.type} "${e.dateWording}" resolves to ${e.dateEarliest}, after the publication date ${ctx.pub}: check the date.`);
    else if (ctx.today && e.dateEarliest > ctx.today) ctx.warnings.push(`${e.type} "${e.dateWording}" resolves to ${e.dateEarliest}, which is in the future: check the date.`);
    else continue;
    flagged.add(key);
  }
}
