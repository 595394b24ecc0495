/**
 * Counted mentions of people in one sentence, in the ways a report names a group (tried in this order,
 * a later way never overlapping an earlier one):
 *  1. a running total: "That brings the number … to 34", "34명으로 늘었다";
 *  2. explicitly: "Two groups of 10 and nine people", "10명과 9명으로 이뤄진 일행", "another group of
 *     five people", "a family of four", "일가족 4명"; groups whose sizes are not given: "in three groups";
 *  3. a count and its noun: "Chinese police arrested 12 North Koreans", "탈북민 15명";
 *  4. a count whose noun is understood: "another five", "three others", "the 65", "more than 20 were
 *     arrested", "Others were sent back";
 *  5. one person: "a North Korean woman";
 *  6. a second count that leaves out its noun and is followed by a place: "… and about a dozen in Yanji".
 * Each mention gets a provisional role from its own words: a helper ("six Chinese guides", "활동가 6명",
 * "a defector who reached South Korea"), a breakdown of a group ("13 women and two children"), or a
 * group. Roles that depend on the rest of the sentence (aggregates, second estimates) are set later.
 */
import type { Lexicon } from "../lexicon";
import { quantityPatterns, type Quantity } from "../numbers";
import type { Sentence } from "../text";
import type { Span } from "../types";
import { allMatches, q } from "../util";
import { patterns } from "./patterns";
import type { GroupContext, Kind, Mention, Role } from "./types";

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const UNKNOWN: Quantity = { min: 1, max: null, best: null, rule: "unknown", numberText: null, inWords: false };

function what(quantity: Quantity, raw: string): string {
  return quantity.numberText ? `${quantity.inWords ? "number word" : "number"} ${q(quantity.numberText)}` : q(raw);
}

function nounRole(lex: Lexicon, noun: string, after: string): Role {
  const n = noun.trim();
  if (n && lex.helperNoun.test(n)) return "helper";
  if (lex.helperAfter.test(after)) return "helper";
  if ((n && lex.compositionNoun.test(n)) || lex.compositionAfter.test(after)) return "composition";
  return "group";
}

type Reader = {
  ctx: GroupContext;
  s: Sentence;
  out: Mention[];
  nextUnit: () => number;
  P: ReturnType<typeof patterns>;
  qp: ReturnType<typeof quantityPatterns>;
};
type NewMention = Omit<Mention, "sentence" | "unit" | "backRef" | "totalCue" | "role" | "noun"> &
  Partial<Pick<Mention, "unit" | "backRef" | "totalCue" | "role" | "noun">>;

const abs = (r: Reader, a: number, b: number): Span => ({ start: r.s.start + a, end: r.s.start + b });
const free = (r: Reader, span: Span) => !r.out.some((m) => overlaps(m.span, span));
const after = (r: Reader, span: Span) => r.ctx.text.slice(span.end, Math.min(r.s.end, span.end + 60));
const push = (r: Reader, m: NewMention) =>
  r.out.push({
    sentence: r.s,
    unit: m.unit ?? r.nextUnit(),
    backRef: false,
    totalCue: false,
    role: "group",
    noun: "",
    ...m,
  });

/** 1. "That brings the number … to 34", "34명으로 늘었다". */
function runningTotals(r: Reader): void {
  for (const m of allMatches(r.P.runningTotal, r.s.text)) {
    const at = m.indices?.groups?.qty;
    const raw = m.groups?.qty ?? "";
    const quantity = r.qp.parse(raw);
    if (!at || !quantity) continue;
    push(r, {
      span: abs(r, at[0], at[1]),
      wording: m[0],
      qtyWording: raw,
      quantity,
      kind: "count",
      totalCue: true,
      role: "runningTotal",
      why: `${what(quantity, raw)} in ${q(m[0])}, a running total`,
    });
  }
}

/** 2. "Two groups of 10 and nine people", "another group of five", "일가족 4명", "in three groups". */
function explicitGroups(r: Reader): void {
  const { P, qp, s } = r;
  for (const m of allMatches(P.plural, s.text)) {
    const list = m.groups?.list;
    const span = abs(r, m.index, m.index + m[0].length);
    if (!list || !free(r, span)) continue;
    const unit = r.nextUnit();
    for (const qm of allMatches(P.qtyGlobal, list)) {
      const quantity = qp.parse(qm[0]);
      if (quantity)
        push(r, {
          span,
          wording: m[0],
          qtyWording: qm[0],
          quantity,
          kind: "explicit",
          unit,
          why: `${what(quantity, qm[0])} in ${q(m[0])}`,
        });
    }
  }
  for (const m of allMatches(P.singular, s.text)) {
    const span = abs(r, m.index, m.index + m[0].length);
    const qtyText = m.groups?.qty ?? m.groups?.qty2;
    if (!free(r, span) || (!qtyText && !m.groups?.noun)) continue;
    const quantity = qtyText ? qp.parse(qtyText) : UNKNOWN;
    if (!quantity) continue;
    push(r, {
      span,
      wording: m[0],
      qtyWording: qtyText ?? "",
      quantity,
      kind: "explicit",
      why: quantity.numberText ? `${what(quantity, qtyText ?? "")} in ${q(m[0])}` : `${q(m[0])} gives no number`,
    });
  }
  for (const m of allMatches(P.unsized, s.text)) {
    const span = abs(r, m.index, m.index + m[0].length);
    if (!free(r, span)) continue;
    const n =
      r.ctx.lex.parseNumber(m.groups?.n ?? "") ??
      { two: 2, three: 3, four: 4, five: 5 }[(m.groups?.n ?? "").toLowerCase()] ??
      0;
    const unit = r.nextUnit();
    for (let i = 0; i < Math.min(n, 6); i++)
      push(r, {
        span,
        wording: m[0],
        qtyWording: "",
        quantity: UNKNOWN,
        kind: "unsized",
        unit,
        why: `${q(m[0])}: ${n} groups whose sizes are not given`,
      });
  }
}

/** 3. "Chinese police arrested 12 North Koreans", "탈북민 15명", "활동가 6명" (a helper). */
function counts(r: Reader): void {
  const { P, qp, s, ctx } = r;
  for (const m of allMatches(P.count, s.text)) {
    const qtyText = m.groups?.qty ?? "";
    const qtyAt = m.indices?.groups?.qty;
    const noun = m.groups?.noun ?? "";
    if (!qtyAt || !free(r, abs(r, qtyAt[0], qtyAt[1]))) continue;
    const quantity = qp.parse(qtyText);
    if (!quantity) continue;
    const span = abs(r, m.index, m.index + m[0].length);
    const before = s.text.slice(Math.max(0, m.index - 30), m.index);
    const around = s.text.slice(Math.max(0, m.index - 25), Math.min(s.text.length, m.index + m[0].length + 20));
    const cueBefore = P.totalCueBefore.exec(before)?.[0] ?? "";
    const start = m.index - cueBefore.length;
    push(r, {
      span: cueBefore ? abs(r, start, m.index + m[0].length) : span,
      wording: s.text.slice(start, m.index + m[0].length),
      qtyWording: cueBefore + qtyText,
      quantity,
      kind: "count",
      noun,
      backRef: P.backRef.test(before),
      totalCue: P.totalCue.test(around) || /\ball\s+(?:of\s+the\s+)?$/i.test(before) || noun === "등",
      role: nounRole(ctx.lex, noun, after(r, span)),
      why: `${what(quantity, qtyText)}${noun ? ` counting ${q(noun)}` : ""}`,
    });
  }
}

/** 4. "another five", "three others", "the 65", "more than 20 were arrested", "Others were sent back". */
function bareCounts(r: Reader): void {
  for (const m of allMatches(r.P.bare, r.s.text)) {
    const g = m.groups ?? {};
    const key = (["qty", "qty2", "qty3", "qty4", "qty5", "qty6"] as const).find((k) => g[k]);
    const at = key ? m.indices?.groups?.[key] : m.indices?.groups?.others;
    if (!at) continue;
    const raw = key ? g[key] : g.others;
    const span = abs(r, at[0], at[1]);
    const quantity = key ? r.qp.parse(raw) : UNKNOWN;
    if (!free(r, span) || !quantity) continue;
    push(r, {
      span,
      wording: r.s.text.slice(m.index, m.index + m[0].length).trim() || raw,
      qtyWording: raw,
      quantity,
      kind: "bare",
      backRef: key === "qty3",
      why: key
        ? `${what(quantity, raw)} with its noun understood (${q(m[0].trim())})`
        : `${q(raw)}: more people, no number`,
    });
  }
}

/** 5. "a North Korean woman" (a helper when the words after say so: "a defector who reached South Korea"). */
function persons(r: Reader): void {
  for (const m of allMatches(r.P.person, r.s.text)) {
    const span = abs(r, m.index, m.index + m[0].length);
    if (!free(r, span)) continue;
    push(r, {
      span,
      wording: m[0],
      qtyWording: m[0].split(/\s+/)[0],
      quantity: { min: 1, max: 1, best: 1, rule: "one", numberText: null, inWords: true },
      kind: "singular",
      noun: m.groups?.noun ?? "",
      role: nounRole(r.ctx.lex, "", after(r, span)),
      why: `one person: ${q(m[0])}`,
    });
  }
}

/** 6. "… and about a dozen in Yanji": a second count that leaves out its noun and is followed by a place. */
function ellipses(r: Reader): void {
  const { P, qp, s } = r;
  for (const first of [...r.out].filter(
    (m) => m.kind === "count" || m.kind === "bare" || (m.kind === "explicit" && m.quantity.numberText),
  )) {
    let from = first.span.end - s.start;
    for (let guard = 0; guard < 5; guard++) {
      P.ellipsis.lastIndex = 0;
      const m = P.ellipsis.exec(s.text.slice(from));
      const at = m?.indices?.groups?.qty;
      if (!m || !at) break;
      const span = abs(r, from + at[0], from + at[1]);
      const quantity = qp.parse(m.groups?.qty ?? "");
      if (!quantity || !free(r, span)) break;
      push(r, {
        span,
        wording: m.groups?.qty ?? "",
        qtyWording: m.groups?.qty ?? "",
        quantity,
        kind: "ellipsis" as Kind,
        why: `${q(m.groups?.qty ?? "")} with its noun left out, after ${q(first.wording)}`,
      });
      from += at[1];
    }
  }
}

/** The counted mentions of one sentence, in text order. */
export function mentionsIn(ctx: GroupContext, s: Sentence, nextUnit: () => number): Mention[] {
  const r: Reader = { ctx, s, out: [], nextUnit, P: patterns(ctx.lex), qp: quantityPatterns(ctx.lex) };
  runningTotals(r);
  explicitGroups(r);
  counts(r);
  bareCounts(r);
  persons(r);
  ellipses(r);
  return r.out.sort((a, b) => a.span.start - b.span.start);
}
