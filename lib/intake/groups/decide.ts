/**
 * Which counted mentions are groups, which are stated totals, which are aggregates, and which repeat a
 * group already found.
 *
 * - Helpers are dropped; a breakdown ("13 women and two children") is dropped when the report counts
 *   the group itself, and otherwise summed into one group.
 * - Aggregates (a statistic over a period or many places: "At least 100 … since April", a clause that
 *   names three or more places) and second estimates ("put the number at 50 to 60") are never groups.
 * - A count is a stated total when it says so ("a total of 20", "in all", "brings the number to 34");
 *   when the report also describes groups explicitly and the count covers them all; or when it is the
 *   sum of two or more groups, all the others or a run of those that follow it ("24 … 9 … 10 … 5").
 * - A count with the same size as a group found in another sentence ("the 12 North Koreans") is that
 *   group mentioned again, unless its place differs; "another five" and "three others" never are.
 */
import { findDateMentions } from "../dates";
import { findPlaces } from "../place-mentions";
import type { GroupPlace, Span } from "../types";
import { q } from "../util";
import type { GroupContext, Mention } from "./types";

export type Decision = {
  groups: Mention[];
  totals: Mention[];
  aggregates: Mention[];
  alternatives: Mention[];
  repeats: Map<Mention, Mention>;
  promoted: Set<Mention>;
};

const sameSize = (a: Mention, b: Mention) => a.quantity.min === b.quantity.min && a.quantity.max === b.quantity.max;

function firstPlace(ctx: GroupContext, clause: Span, near: Span): GroupPlace | null {
  const list = findPlaces(ctx.lex, ctx.text, clause.start, clause.end);
  // Korean puts a group's place right next to its count ("선양에 있는 탈북자 10명").
  if (ctx.lex.datesPrecedeCounts)
    list.sort(
      (a, b) =>
        Math.min(Math.abs(a.start - near.end), Math.abs(near.start - a.end)) -
        Math.min(Math.abs(b.start - near.end), Math.abs(near.start - b.end)),
    );
  return list[0]?.value ?? null;
}

/** True when a passage dates something to the day ("on April 26", "지난 21일"). */
function hasDay(ctx: GroupContext, span: Span): boolean {
  return findDateMentions(ctx.lex, ctx.text.slice(span.start, span.end)).some((d) =>
    d.parts.some(
      (p) =>
        (p.kind === "absolute" && p.day !== null) ||
        ["dayOfMonth", "weekday", "yesterday", "today", "daysAgo"].includes(p.kind),
    ),
  );
}

/** Sets the roles that depend on the words around a mention: aggregate, second estimate. */
export function classifyRoles(ctx: GroupContext, mentions: Mention[], clauseOf: (m: Mention) => Span): void {
  const { lex, text } = ctx;
  for (const m of mentions) {
    if (m.role !== "group") continue;
    const clause = clauseOf(m);
    const clauseText = text.slice(clause.start, clause.end);
    const sentenceWide = lex.datesPrecedeCounts ? m.sentence.text : "";
    if (lex.aggregateCue.test(clauseText) || (sentenceWide && lex.aggregateCue.test(sentenceWide))) {
      m.role = "aggregate";
      m.why += `; ${q(clauseText.match(lex.aggregateCue)?.[0] ?? sentenceWide.match(lex.aggregateCue)?.[0] ?? "")}: a count over a period or many places`;
      continue;
    }
    // Hundreds of people told with no day of their own ("some 600 … last October", "200여 명 … 이달 초")
    // are a statistic over a period, beside the report's groups.
    if (
      m.quantity.min >= 100 &&
      mentions.some((o) => o !== m && (o.role === "group" || o.role === "composition") && o.quantity.min < 100) &&
      !hasDay(ctx, clause)
    ) {
      m.role = "aggregate";
      m.why += "; hundreds of people with no day of their own, beside smaller groups: a statistic over a period";
      continue;
    }
    // "the other 15 either fled or were caught, and it is not clear how many were taken": not known to be held.
    if ((m.kind === "bare" || m.kind === "ellipsis") && lex.doubtCue.test(clauseText)) {
      m.role = "alternative";
      m.why += `; ${q(clauseText.match(lex.doubtCue)?.[0] ?? "")}: the report does not say they were caught`;
      continue;
    }
    const before = text.slice(Math.max(m.sentence.start, m.span.start - 60), m.span.start);
    if (lex.alternativeCue.test(before) || lex.alternativeCue.test(clauseText)) {
      m.role = "alternative";
      m.why += "; another estimate of a group already counted";
    }
  }
}

/** A breakdown's counts summed into one mention, per sentence, when the report never counts the group itself. */
function compositionGroups(mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions.filter((x) => x.role === "composition"))
    bySentence.set(m.sentence.index, [...(bySentence.get(m.sentence.index) ?? []), m]);
  for (const parts of bySentence.values()) {
    const first = parts[0];
    if (parts.length === 1) {
      first.role = "group";
      first.why += "; the report counts the group only by who is in it";
      continue;
    }
    const last = parts[parts.length - 1];
    const min = parts.reduce((n, p) => n + p.quantity.min, 0);
    const max = parts.every((p) => p.quantity.max !== null)
      ? parts.reduce((n, p) => n + (p.quantity.max as number), 0)
      : null;
    const exact = parts.every((p) => p.quantity.rule === "exact" || p.quantity.rule === "one");
    out.push({
      ...first,
      span: { start: first.span.start, end: last.span.end },
      wording: first.sentence.text.slice(first.span.start - first.sentence.start, last.span.end - first.sentence.start),
      quantity: {
        min,
        max,
        best: exact ? min : null,
        rule: exact ? "exact" : "atLeast",
        numberText: String(min),
        inWords: false,
      },
      role: "group",
      why: `${parts.map((p) => q(p.wording)).join(" + ")} added up: the report counts the group only by who is in it`,
    });
  }
  return out;
}

/** True when some run of ≥ 2 groups right after `i` (or all the others) adds up to its size. */
function sumOfOthers(groups: Mention[], i: number): boolean {
  const target = groups[i].quantity.min;
  const others = groups.filter((_, k) => k !== i);
  if (
    others.length >= 2 &&
    others.reduce((n, o) => n + o.quantity.min, 0) === target &&
    others.every((o) => o.quantity.max === o.quantity.min)
  )
    return true;
  let sum = 0;
  for (let k = i + 1; k < groups.length; k++) {
    if (groups[k].quantity.max !== groups[k].quantity.min) return false;
    sum += groups[k].quantity.min;
    if (sum === target && k - i >= 2) return true;
    if (sum > target) return false;
  }
  return false;
}

export function decide(ctx: GroupContext, all: Mention[], clauseOf: (m: Mention) => Span): Decision {
  if (!all.some((m) => m.role === "group")) all.push(...compositionGroups(all));
  const live = all
    .filter((m) => m.role === "group" || m.role === "runningTotal")
    .sort((a, b) => a.span.start - b.span.start);
  const explicit = live.filter((m) => m.kind === "explicit" || m.kind === "unsized");
  const others = live.filter((m) => m.kind !== "explicit" && m.kind !== "unsized");
  const groups: Mention[] = [...explicit];
  const totals: Mention[] = [];
  const repeats = new Map<Mention, Mention>();
  const promoted = new Set<Mention>();
  const sumExplicit = explicit.reduce((n, m) => n + m.quantity.min, 0);
  const firstExplicit = explicit[0]?.span.start ?? Infinity;
  const placeDiffers = (a: Mention, b: Mention) => {
    const pa = firstPlace(ctx, clauseOf(a), a.span);
    const pb = firstPlace(ctx, clauseOf(b), b.span);
    if (!pa || !pb) return false;
    // Compatible places (China, and Zhengzhou in China) are the same place told more or less precisely.
    return (
      pa.country !== pb.country ||
      (!!pa.province && !!pb.province && pa.province !== pb.province) ||
      (!!pa.city && !!pb.city && pa.city !== pb.city)
    );
  };
  for (const m of others) {
    if (m.role === "runningTotal" || m.totalCue) {
      totals.push(m);
      continue;
    }
    // A count covering every explicit group: with two or more of them, or (one) when it heads the report.
    if (
      explicit.length &&
      m.kind !== "bare" &&
      m.quantity.min >= sumExplicit &&
      (explicit.length >= 2 || (m.span.start < firstExplicit && ctx.isHead(m.sentence)))
    ) {
      totals.push(m);
      continue;
    }
    const isNew = m.kind === "bare" && !m.backRef;
    const same = isNew
      ? undefined
      : groups.find((g) => sameSize(g, m) && g.sentence !== m.sentence && !placeDiffers(g, m));
    if (same) {
      repeats.set(m, same);
      continue;
    }
    if (m.backRef) {
      // "A group of North Korean defectors … The 20 defectors": the number the group was missing.
      const unsized = groups.find(
        (g) => g.kind === "explicit" && g.quantity.rule === "unknown" && g.span.start < m.span.start,
      );
      if (unsized) {
        Object.assign(unsized, {
          span: m.span,
          wording: m.wording,
          qtyWording: m.qtyWording,
          quantity: m.quantity,
          why: `${unsized.why}; ${q(m.wording)} later gives its size`,
        });
        repeats.set(m, unsized);
        continue;
      }
      if (groups.length && m.quantity.min >= groups.reduce((n, g) => n + g.quantity.min, 0)) totals.push(m);
      continue;
    }
    groups.push(m);
  }
  groups.sort((a, b) => a.span.start - b.span.start);
  // A count that is the sum of other groups is their total.
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (
      g.kind === "explicit" ||
      g.kind === "unsized" ||
      (g.quantity.max !== g.quantity.min && g.quantity.best === null)
    )
      continue;
    if (sumOfOthers(groups, i)) {
      totals.push(g);
      groups.splice(i, 1);
      i--;
      // "All fifteen are held in Yanji": mentions of that count again are the total again.
      for (const [rep, target] of [...repeats]) {
        if (target !== g) continue;
        repeats.delete(rep);
        totals.push(rep);
      }
    }
  }
  // "Several North Koreans have been arrested" beside groups with numbers: the umbrella over them.
  if (groups.some((g) => g.quantity.numberText)) {
    for (const g of [...groups]) {
      if (g.kind === "count" && !g.quantity.numberText && g.quantity.best === null) {
        groups.splice(groups.indexOf(g), 1);
        totals.push({ ...g, why: `${g.why}; no number, beside groups that have one: what they add up to` });
      }
    }
  }
  // A total with no groups beside it is the only group the report describes.
  if (!groups.length && totals.length) {
    const only = totals.find((t) => t.role !== "runningTotal") ?? totals[0];
    totals.splice(totals.indexOf(only), 1);
    groups.push(only);
    promoted.add(only);
  }
  totals.sort((a, b) => a.span.start - b.span.start);
  return {
    groups,
    totals,
    aggregates: all.filter((m) => m.role === "aggregate"),
    alternatives: all.filter((m) => m.role === "alternative"),
    repeats,
    promoted,
  };
}
