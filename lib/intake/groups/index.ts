/**
 * Groups, stated totals, aggregates and events: who was caught, how many, where, when, and what
 * happened next. The steps, each in its own module:
 *   mentions.ts  counted mentions of people in each sentence that says something happened
 *                ("caught", "체포", "face repatriation"), with a provisional role (group, helper, breakdown);
 *   decide.ts    aggregates and second estimates set aside; groups, stated totals and repeats told apart;
 *   places.ts    where each group was caught;
 *   events.ts    what happened to each group, when and where;
 *   status.ts    the status the wording supports;
 *   totals.ts    whether the groups add up to the stated total.
 * A report that says what happened to people but never how many gets one group of unknown size (at
 * least one person, low confidence) and a warning.
 */
import { quantityPatterns } from "../numbers";
import { describeSize, toGroupSize } from "../numbers";
import type { Sentence } from "../text";
import type { Confidence, DraftGroup, Extraction, Proposal, Span, StatedTotal } from "../types";
import { allMatches, q } from "../util";
import { classifyRoles, decide, type Decision } from "./decide";
import { attachEvents, findCues, flagFutureDates } from "./events";
import { mentionsIn } from "./mentions";
import { patterns } from "./patterns";
import { datelinePlace, placeFor, reportPlace } from "./places";
import { riskPassage, statusFor } from "./status";
import { totalCheck } from "./totals";
import type { Cue, Group, GroupContext, Mention } from "./types";

export type { GroupContext };
export { totalCheck };

type Result = Pick<Extraction, "groups" | "statedTotals" | "aggregates" | "totalCheck">;

/** Reads every sentence with an event word or a risk wording for counted mentions. */
function readSentences(ctx: GroupContext) {
  let unitCounter = 0;
  const nextUnit = () => unitCounter++;
  const cuesBySentence = new Map<Sentence, Cue[]>();
  const mentions: Mention[] = [];
  for (const s of ctx.sentences) {
    if (s.text.length > 3000) continue; // not prose: a very long run without a sentence end is not read
    const cues = findCues(ctx.lex, s);
    cuesBySentence.set(s, cues);
    if (cues.length || ctx.lex.riskCue.test(s.text)) mentions.push(...mentionsIn(ctx, s, nextUnit));
  }
  return { cuesBySentence, mentions, nextUnit };
}

/** A mention's part of its sentence: up to the next group phrase (English), or from the previous one (Korean, where dates and places come first). */
function clauseFinder(ctx: GroupContext, mentions: Mention[]) {
  return (m: Mention): Span => {
    const others = mentions.filter(
      (o) => o.sentence === m.sentence && o.unit !== m.unit && o.role !== "helper" && o.role !== "composition",
    );
    if (ctx.lex.datesPrecedeCounts) {
      // A count marked as the topic ("9명은 지난 3일 옌지에서") has its date and place after it; otherwise before ("12일 5명").
      const topic = (x: Mention) => /^\s*(?:은|는)(?![가-힣])/.test(ctx.text.slice(x.span.end, x.span.end + 3));
      const prev = others.filter((o) => o.span.end <= m.span.start).sort((a, b) => b.span.end - a.span.end)[0];
      const next = others.filter((o) => o.span.start >= m.span.end).sort((a, b) => a.span.start - b.span.start)[0];
      if (topic(m)) return { start: m.span.start, end: next?.span.start ?? m.sentence.end };
      return {
        start: prev ? (topic(prev) ? m.span.start : prev.span.end) : m.sentence.start,
        end: next ? m.span.end : m.sentence.end,
      };
    }
    const next =
      others
        .map((o) => o.span.start)
        .filter((x) => x > m.span.start)
        .sort((a, b) => a - b)[0] ?? m.sentence.end;
    const hasPrev = others.some((o) => o.span.start < m.span.start);
    return { start: hasPrev ? m.span.start : m.sentence.start, end: next };
  };
}

/** "Two of the twelve … turned out to be informants": the twelve counted are ten detainees. */
function subtractNotDetainees(ctx: GroupContext, mentions: Mention[]): void {
  const num = ctx.lex.numberSource;
  const re = new RegExp(`(?<![\\w])(?<a>${num})\\s+of\\s+the\\s+(?<b>${num})(?![\\w])`, "gi");
  for (const s of ctx.sentences) {
    if (!ctx.lex.notDetaineeCue.test(s.text)) continue;
    for (const m of allMatches(re, s.text)) {
      const a = ctx.lex.parseNumber(m.groups?.a ?? "");
      const b = ctx.lex.parseNumber(m.groups?.b ?? "");
      if (a === null || b === null || a >= b) continue;
      const target = [...mentions]
        .reverse()
        .find((x) => x.span.start < s.start && x.role === "group" && x.quantity.min === b && x.quantity.max === b);
      if (!target) continue;
      target.quantity = { ...target.quantity, min: b - a, max: b - a, best: b - a };
      target.why += `; ${q(m[0])} were not detainees (${q(s.text.match(ctx.lex.notDetaineeCue)?.[0] ?? "")}), so ${b - a}`;
    }
  }
}

function buildGroups(decision: Decision): Group[] {
  const explicitCount = decision.groups.filter((g) => g.kind === "explicit").length;
  return decision.groups.map((m) => {
    let confidence: Confidence =
      m.kind === "explicit" ? "high" : m.kind === "count" ? (explicitCount ? "medium" : "high") : "medium";
    let why = m.why;
    if (m.quantity.rule === "unknown") confidence = "low";
    if (m.kind === "count" && explicitCount)
      why += "; a count beside the groups the report describes, proposed as another group";
    if (decision.promoted.has(m))
      why += "; stated as a total, and no smaller groups are described, so proposed as the only group";
    if (m.quantity.rule !== "exact" && m.quantity.rule !== "one" && m.quantity.rule !== "unknown")
      why += ` (read as ${describeSize(m.quantity)} under the '${m.quantity.rule}' rule)`;
    return {
      mention: m,
      size: { value: toGroupSize(m.quantity, m.wording), span: m.span, confidence, why },
      place: null,
      events: [],
      own: [m.sentence],
    };
  });
}

/** A report that says what happened to people but never how many: one group of unknown size. */
function unknownGroup(
  ctx: GroupContext,
  cuesBySentence: Map<Sentence, Cue[]>,
  mentions: Mention[],
  nextUnit: () => number,
): Group | null {
  const P = patterns(ctx.lex);
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
      role: "group",
      noun: m.groups?.noun ?? "",
      why: `${q(m[0])} with no number`,
    };
    mentions.push(mention);
    ctx.warnings.push(
      "No group size found: one group of unknown size (at least one person) is proposed; check the report for a number.",
    );
    return {
      mention,
      size: {
        value: toGroupSize(mention.quantity, m[0]),
        span,
        confidence: "low",
        why: `the report says ${q(cues[0].text)} of ${q(m[0])} but gives no number: one group of at least one person`,
      },
      place: null,
      events: [],
      own: [s],
    };
  }
  return null;
}

function totalProposal(t: Mention, groups: Group[], explicitCount: number): Proposal<StatedTotal> {
  const why = t.totalCue
    ? `${q(t.wording)} is stated as a total`
    : `${q(t.wording)} covers the groups the report describes (${groups.map((g) => describeSize(g.size.value)).join(" + ")})`;
  return {
    value: { min: t.quantity.min, max: t.quantity.max, wording: t.qtyWording },
    span: t.span,
    confidence: t.totalCue || explicitCount >= 2 ? "high" : "medium",
    why,
  };
}

export function extractGroups(ctx: GroupContext): Result {
  quantityPatterns(ctx.lex);
  const { cuesBySentence, mentions, nextUnit } = readSentences(ctx);
  const clauseOf = clauseFinder(ctx, mentions);
  classifyRoles(ctx, mentions, clauseOf);
  subtractNotDetainees(ctx, mentions);
  const decision = decide(ctx, mentions, clauseOf);
  const groups = buildGroups(decision);
  const groupOf = new Map<Mention, Group>(groups.map((g) => [g.mention, g]));
  for (const [rep, target] of decision.repeats) groupOf.get(target)?.own.push(rep.sentence);

  // What is said of a helper ("a defector who reached South Korea") is not said of a group.
  // A helper's words run to the end of its clause: a comma, a quotation mark or words pointing back end them.
  const helperWindows = mentions
    .filter((m) => m.role === "helper")
    .map((m) => {
      const rest = ctx.text.slice(m.span.end, m.span.end + 40);
      const stop = /[,;“”"]|며\s|\b(?:and\s+)?(?:they|the\s+group)\b|이들/i.exec(rest);
      return { start: m.span.start, end: m.span.end + (stop ? stop.index : rest.length) };
    });
  for (const [s, cues] of cuesBySentence)
    cuesBySentence.set(
      s,
      cues.filter((c) => !helperWindows.some((h) => c.start >= h.start && c.start < h.end)),
    );

  // A report whose counts are all statistics has no group of unknown size either.
  if (!groups.length && !decision.aggregates.length) {
    const g = unknownGroup(ctx, cuesBySentence, mentions, nextUnit);
    if (g) {
      groups.push(g);
      groupOf.set(g.mention, g);
    }
  }
  if (!groups.length)
    ctx.warnings.push("No arrest, detention, release or repatriation of a group was found: no group is proposed.");
  for (const a of decision.alternatives)
    ctx.warnings.push(
      `${q(a.wording)} reads as another estimate of a group already counted; it is not proposed as a group.`,
    );

  attachEvents({ ctx, cuesBySentence, mentions, decision, groupOf, clauseOf, groups });
  flagFutureDates(ctx, groups);

  // Places after events: sentences that refer back to a group ("The group … in Ningbo") are its own by then.
  const unitsIn = (sp: Span) =>
    new Set(
      mentions
        .filter((m) => m.span.start >= sp.start && m.span.end <= sp.end && (groupOf.has(m) || decision.repeats.has(m)))
        .map((m) => m.unit),
    ).size;
  const hints = {
    report: reportPlace(ctx),
    multiUnit: (sp: Span) => unitsIn(sp) > 1,
    hasGroup: (sp: Span) => unitsIn(sp) > 0,
    totals: decision.totals.map(clauseOf),
    dateline: datelinePlace(ctx),
  };
  for (const g of groups) g.place = placeFor(ctx, g, clauseOf(g.mention), hints);

  const namesAGroup = new Set<Sentence>(
    mentions.filter((m) => groupOf.has(m) || decision.repeats.has(m)).map((m) => m.sentence),
  );
  const risk = riskPassage(ctx, namesAGroup);
  // In a sentence about several groups, a risk wording belongs to the group whose part of the sentence holds it.
  const riskText = (g: Group, s: Sentence) => {
    const others = mentions.filter(
      (m) =>
        m.sentence === s &&
        (groupOf.has(m) || decision.repeats.has(m)) &&
        (groupOf.get(m) ?? groupOf.get(decision.repeats.get(m) as Mention)) !== g,
    );
    if (!others.length) return s.text;
    const mine = mentions.find(
      (m) => m.sentence === s && (groupOf.get(m) ?? groupOf.get(decision.repeats.get(m) as Mention)) === g,
    );
    if (!mine) return "";
    const c = clauseOf(mine);
    // After the last group, a Korean sentence's predicate ("… 5명도 내일 북송될 예정") or words pointing back concern every group.
    const lastEnd = Math.max(
      ...mentions.filter((m) => m.sentence === s && (groupOf.has(m) || decision.repeats.has(m))).map((m) => m.span.end),
    );
    const rest = ctx.text.slice(lastEnd, s.end);
    const shared = ctx.lex.datesPrecedeCounts || ctx.lex.anaphora.test(rest) ? rest : "";
    // Before the first group, an English sentence's lead ("China has ordered the repatriation of 70 …: 62 who …") concerns every group.
    const firstStart = Math.min(
      ...mentions
        .filter((m) => m.sentence === s && (groupOf.has(m) || decision.repeats.has(m)))
        .map((m) => m.span.start),
    );
    const lead = ctx.lex.datesPrecedeCounts ? "" : ctx.text.slice(s.start, firstStart);
    return `${lead} ${ctx.text.slice(c.start, c.end)} ${shared}`;
  };
  const draft: DraftGroup[] = groups.map((g) => ({
    size: g.size,
    place: g.place,
    events: g.events,
    status: statusFor(ctx, g, risk, cuesBySentence, riskText),
  }));
  const explicitCount = decision.groups.filter((g) => g.kind === "explicit").length;
  const statedTotals = decision.totals.map((t) => totalProposal(t, groups, explicitCount));
  const aggregates: Proposal<StatedTotal>[] = decision.aggregates.map((a) => ({
    value: { min: a.quantity.min, max: a.quantity.max, wording: a.qtyWording || a.wording },
    span: a.span,
    confidence: "medium",
    why: a.why,
  }));
  return { groups: draft, statedTotals, aggregates, totalCheck: totalCheck(draft, statedTotals) };
}
