/**
 * Where a group was caught: the first place in the passage that describes it, else in its sentence,
 * in a later sentence about it, earlier in its paragraph, and last the country the report places
 * people in most often (low confidence). Two places joined by "and" ("in Changchun and Yanji", "in
 * Shandong and Yunnan provinces") give what they share: the province, or only the country.
 */
import { describePlace, findPlaces, type PlaceMention } from "../place-mentions";
import type { GroupPlace, Proposal, Span } from "../types";
import { q } from "../util";
import type { Group, GroupContext } from "./types";

export type ReportPlace = { value: GroupPlace; span: Span; wording: string } | null;

/** The country the report places people in most often ("in China"), for groups whose own sentences name none. */
export function reportPlace(ctx: GroupContext): ReportPlace {
  const counts = new Map<string, { n: number; first: ReportPlace }>();
  for (const s of ctx.sentences) {
    if (s.text.length > 3000) continue;
    for (const p of findPlaces(ctx.lex, ctx.text, s.start, s.end)) {
      const c = counts.get(p.value.country) ?? {
        n: 0,
        first: {
          value: { country: p.value.country, province: null, city: null },
          span: { start: p.start, end: p.end },
          wording: p.wording,
        },
      };
      c.n++;
      counts.set(p.value.country, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.first ?? null;
}

const JOIN = /^\s*(?:and|or|및|과|와|·|,)\s*(?:the\s+(?:nearby\s+)?(?:border\s+)?(?:city|town|county)\s+of\s+)?$/;

/** The first place of a passage; two places joined by "and" give what they have in common. */
function placeIn(
  ctx: GroupContext,
  span: Span,
  near?: Span,
): { mention: PlaceMention; value: GroupPlace; joined: boolean; end: number } | null {
  const list = findPlaces(ctx.lex, ctx.text, span.start, span.end);
  // Korean puts the place right before or after the count ("선양에 있는 탈북자 10명"): the nearest one.
  const dist = (p: PlaceMention) => (near ? Math.min(Math.abs(p.start - near.end), Math.abs(near.start - p.end)) : 0);
  if (near && ctx.lex.datesPrecedeCounts) list.sort((a, b) => dist(a) - dist(b));
  const first = list[0];
  if (!first) return null;
  const second = list[1];
  if (
    second &&
    JOIN.test(ctx.text.slice(first.end, second.start)) &&
    describePlace(second.value) !== describePlace(first.value)
  ) {
    const a = first.value;
    const b = second.value;
    if (a.country !== b.country) return { mention: first, value: a, joined: false, end: first.end };
    const province = a.province && a.province === b.province ? a.province : null;
    return { mention: first, value: { country: a.country, province, city: null }, joined: true, end: second.end };
  }
  return { mention: first, value: first.value, joined: false, end: first.end };
}

const SPECIFICITY = (v: GroupPlace) => (v.city ? 2 : v.province ? 1 : 0);

export type PlaceHints = {
  report: ReportPlace;
  multiUnit: (s: Span) => boolean;
  hasGroup: (s: Span) => boolean;
  totals: Span[];
  dateline: { value: GroupPlace; span: Span; wording: string } | null;
};

export function placeFor(ctx: GroupContext, g: Group, clause: Span, hints: PlaceHints): Proposal<GroupPlace> | null {
  const { report } = hints;
  const found = (
    p: NonNullable<ReturnType<typeof placeIn>>,
    confidence: "high" | "medium",
    where: string,
  ): Proposal<GroupPlace> => {
    const end = p.end;
    const wording = ctx.text.slice(p.mention.start, end);
    return {
      value: p.value,
      span: { start: p.mention.start, end },
      confidence,
      why: `${q(wording)} ${where} (${describePlace(p.value)})${p.joined ? "; two places named together: what they have in common" : ""}`,
    };
  };
  const s = g.mention.sentence;
  // Earlier sentences that count other groups name their places, not this one's.
  const previous = ctx.sentences
    .filter((o) => o.paragraph === s.paragraph && o.end <= s.start && !hints.multiUnit(o) && !hints.hasGroup(o))
    .reverse();
  // In a later sentence about the group, only a place near the words about it ("The group … in Ningbo"), not a source's ("works … in Yanji").
  const near = (o: Span): Span => {
    const t = ctx.text.slice(o.start, o.end);
    const at = [
      ctx.lex.anaphora.exec(t)?.index,
      ...ctx.lex.eventCues.map((c) => {
        c.pattern.lastIndex = 0;
        return c.pattern.exec(t)?.index;
      }),
    ].filter((x): x is number => x !== undefined);
    for (const c of ctx.lex.eventCues) c.pattern.lastIndex = 0;
    if (!at.length) return o;
    const from = Math.min(...at);
    return { start: o.start + Math.max(0, from - 20), end: Math.min(o.end, o.start + from + 100) };
  };
  // Where to look, most telling first; the most specific place found wins (a city over "China").
  const tries: Array<{ span: Span; confidence: "high" | "medium"; where: string }> = [
    { span: clause, confidence: "high", where: "in the passage that describes the group" },
    // Another group's part of the sentence names that group's place, not this one's.
    ...(hints.multiUnit(s)
      ? []
      : [{ span: s as Span, confidence: "medium" as const, where: "in the same sentence as the group" }]),
    ...g.own
      .slice(1)
      .map((o) => ({ span: near(o), confidence: "medium" as const, where: "in a later sentence about the group" })),
    ...previous.map((o) => ({
      span: o as Span,
      confidence: "medium" as const,
      where: "earlier in the same paragraph",
    })),
  ];
  let best: Proposal<GroupPlace> | null = null;
  for (const t of tries) {
    const p = placeIn(ctx, t.span, g.mention.span);
    if (!p) continue;
    if (!best || SPECIFICITY(p.value) > SPECIFICITY(best.value)) best = found(p, t.confidence, t.where);
    if (best && SPECIFICITY(best.value) === 2) break;
  }
  if (best) return best;
  for (const t of hints.totals) {
    const p = placeIn(ctx, t);
    if (p && SPECIFICITY(p.value) > 0) return found(p, "medium", "with the stated total that covers the group");
  }
  const own = [clause, ...g.own].map((x) => ctx.text.slice(x.start, x.end)).join(" ");
  if (hints.dateline && /\b(?:the|this)\s+(?:city|capital)\b|\bhere\b/i.test(own))
    return {
      value: hints.dateline.value,
      span: hints.dateline.span,
      confidence: "low",
      why: `the dateline ${q(hints.dateline.wording)}: the report says 'the city' without naming it`,
    };
  if (report)
    return {
      value: report.value,
      span: report.span,
      confidence: "low",
      why: `only the country (${report.value.country}): the report places people there most often (first ${q(report.wording)}), but does not say where this group was`,
    };
  return null;
}

/** The city of a dateline ("BEIJING —", "SHENYANG, China (Kyodo) —"), when the report has one. */
export function datelinePlace(ctx: GroupContext): PlaceHints["dateline"] {
  // "SHENYANG, China (Kyodo) —", "BEIJING —", and a wire's own style "Beijing (AsiaNews) –".
  const m =
    /^\s*([A-Z][A-Z '’-]{2,30})(?=,|\s+\(|\s+[—–-]{1,2})/m.exec(ctx.text.slice(0, 1500)) ??
    /^\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=\s*\((?:AsiaNews|AP|AFP|Reuters|Yonhap|Kyodo|dpa|Xinhua|UPI|VOA|RFA)\))/m.exec(
      ctx.text.slice(0, 1500),
    );
  if (!m) return null;
  const name = m[1].trim();
  const hit = findPlaces(ctx.lex, `in ${name.charAt(0)}${name.slice(1).toLowerCase()}`, 0, name.length + 3)[0];
  if (!hit || hit.value.country === "KR" || hit.value.country === "KP") return null;
  return {
    value: hit.value,
    span: { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length },
    wording: name,
  };
}
