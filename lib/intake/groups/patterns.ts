/** The compiled regexes of a lexicon's group phrases, built once per lexicon. */
import type { Lexicon } from "../lexicon";
import { quantityPatterns } from "../numbers";

export type Patterns = {
  plural: RegExp;
  singular: RegExp;
  count: RegExp;
  bare: RegExp;
  person: RegExp;
  unsized: RegExp;
  unknown: RegExp;
  qtyGlobal: RegExp;
  ellipsis: RegExp;
  totalCue: RegExp;
  totalCueBefore: RegExp;
  runningTotal: RegExp;
  backRef: RegExp;
  attribution: RegExp;
  attributionAfter: RegExp | null;
};

const cache = new WeakMap<Lexicon, Patterns>();

export function patterns(lex: Lexicon): Patterns {
  const cached = cache.get(lex);
  if (cached) return cached;
  const Q = quantityPatterns(lex).source;
  const g = lex.groupPatterns(Q);
  const built: Patterns = {
    plural: new RegExp(g.plural, "gid"),
    singular: new RegExp(g.singular, "gid"),
    count: new RegExp(g.count, "gid"),
    bare: new RegExp(g.bare, "gid"),
    person: new RegExp(g.person, "gid"),
    unsized: new RegExp(g.unsizedGroups, "gid"),
    unknown: new RegExp(g.unknown, "gid"),
    qtyGlobal: new RegExp(Q, "gi"),
    ellipsis: new RegExp(
      `^[^.;]{0,100}?(?:${lex.ellipsisJoinSource})(?<qty>${Q})\\s+(?:(?:more|others?)\\s+)?(?=(?:${lex.placePrepositionSource || "(?!)"})[A-Z])`,
      "id",
    ),
    totalCue: new RegExp(`(?:${lex.totalCueSource})`, "i"),
    totalCueBefore: new RegExp(`(?:${lex.totalCueSource})\\s+$`, "i"),
    runningTotal: new RegExp(lex.runningTotalSource, "gid"),
    backRef: /\b(?:the|these|those|all|all\s+the|all\s+of\s+the)\s+$/i,
    attribution: new RegExp(lex.attributionSource, "i"),
    attributionAfter: lex.attributionAfterSource ? new RegExp(lex.attributionAfterSource) : null,
  };
  cache.set(lex, built);
  return built;
}
