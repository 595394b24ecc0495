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
      const c = counts.get(p.value.country) ?? { n: 0, first: { value: { country: p.value.country, province: null, city: null }, span: { start: p.start, end: p.end }, wording: p.wording } };
      c.n++;
      counts.set(p.value.country, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.first ?? null;
}

const JOIN = /^\s*(?:and|or|및|과|와|·|,)\s*$/;

/** The first place of a passage; two places joined by "and" give what they have in common. */
function placeIn(ctx: GroupContext, span: Span): { mention: PlaceMention; value: GroupPlace; joined: boolean } | null {
  const list = findPlaces(ctx.lex, ctx.text, span.start, span.end);
  const first = list[0];
  if (!first) return null;
  const second = list[1];
  if (second && JOIN.test(ctx.text.slice(first.end, second.start)) && describePlace(second.value) !== describePlace(first.value)) {
    const a = first.value;
    const b = second.value;
    if (a.country !== b.country) return { mention: first, value: a, joined: false };
    const province = a.province && a.province === b.province ? a.province : null;
    return { mention: first, value: { country: a.country, province, city: null }, joined: true };
  }
  return { mention: first, value: first.value, joined: false };
}

export function placeFor(ctx: GroupContext, g: Group, clause: Span, report: ReportPlace): Proposal<GroupPlace> | null {
  const found = (p: NonNullable<ReturnType<typeof placeIn>>, confidence: "high" | "medium", where: string): Proposal<GroupPlace> => {
    const end = p.joined ? findPlaces(ctx.lex, ctx.text, p.mention.start, ctx.text.length)[1]?.end ?? p.mention.end : p.mention.end;
    const wording = ctx.text.slice(p.mention.start, end);
    return { value: p.value, span: { start: p.mention.start, end }, confidence, why: `${q(wording)} ${where} (${describePlace(p.value)})${p.joined ? "; two places named together: what they have in common" : ""}` };
  };
  const own = placeIn(ctx, clause);
  if (own) return found(own, "high", "in the passage that describes the group");
  const s = g.mention.sentence;
  const inSentence = placeIn(ctx, s);
  if (inSentence) return found(inSentence, "medium", "in the same sentence as the group, in another group's part of it");
  for (const o of g.own.slice(1)) {
    const p = placeIn(ctx, o);
    if (p) return found(p, "medium", "in a later sentence about the group");
  }
  const previous = ctx.sentences.filter((o) => o.paragraph === s.paragraph && o.end <= s.start).reverse();
  for (const o of previous) {
    const p = placeIn(ctx, o);
    if (p) return found(p, "medium", "earlier in the same paragraph");
  }
  if (report) return { value: report.value, span: report.span, confidence: "low", why: `only the country (${report.value.country}): the report places people there most often (first ${q(report.wording)}), but does not say where this group was` };
  return null;
}
