/**
 * Group sizes: how a report's wording ("some 30", "at least two dozen", "more than 20") becomes
 * a minimum, a maximum and a best estimate.
 *
 * The rules are the same in every language; only the words differ (the lexicon maps "at least" to
 * `atLeast`). Totals and charts count the minimum (the design's conservative figure), so the
 * minimum is never more than the report supports. `best` is the report's own figure where it gives
 * one as an estimate, and null where it only gives a bound.
 *
 * | wording (rule)                                        | min        | max        | best |
 * |-------------------------------------------------------|------------|------------|------|
 * | "24", "nine", "a dozen", "two dozen" (exact)          | N          | N          | N    |
 * | "a North Korean woman" (one)                          | 1          | 1          | 1    |
 * | "at least N", "no fewer than N", "N or more" (atLeast)| N          | null       | N    |
 * | "more than N", "over N", "upwards of N" (moreThan)    | N+1        | null       | null |
 * | "about/around/some/roughly/an estimated N" (about)    | ⌊0.85·N⌋   | ⌈1.15·N⌉   | N    |
 * | "nearly/almost/close to N" (nearly)                   | ⌊0.85·N⌋   | N−1        | null |
 * | "up to N", "as many as N" (upTo)                      | 1          | N          | null |
 * | "fewer than/less than/under N" (fewerThan)            | 1          | N−1        | null |
 * | "between N and M", "N to M", "N-M" (range)            | N          | M          | null |
 * | "dozens of", "scores of" (dozens)                     | 24         | null       | null |
 * | "hundreds of" (hundreds)                              | 200        | null       | null |
 * | "several" (several)                                   | 3          | null       | null |
 * | "a few", "a handful of" (few)                         | 2          | null       | null |
 * | "a number of", no number at all (unknown)             | 1          | null       | null |
 *
 * So "about a dozen" is 10–14, best 12; "some 30" is 25–35, best 30; "more than 20" is 21 or more.
 * Every minimum is at least 1 and every maximum at least the minimum.
 */
import type { Lexicon, SizeRule } from "./lexicon";
import type { GroupSize } from "./types";

export type SizeBounds = { min: number; max: number | null; best: number | null };

export function sizeFrom(rule: SizeRule, n: number | null, hi: number | null = null): SizeBounds {
  const N = n ?? 0;
  const bounds = ((): SizeBounds => {
    switch (rule) {
      case "exact":
        return { min: N, max: N, best: N };
      case "one":
        return { min: 1, max: 1, best: 1 };
      case "atLeast":
        return { min: N, max: null, best: N };
      case "moreThan":
        return { min: N + 1, max: null, best: null };
      case "about":
        return { min: Math.floor(0.85 * N), max: Math.ceil(1.15 * N), best: N };
      case "nearly":
        return { min: Math.floor(0.85 * N), max: N - 1, best: null };
      case "upTo":
        return { min: 1, max: N, best: null };
      case "fewerThan":
        return { min: 1, max: N - 1, best: null };
      case "range":
        return { min: Math.min(N, hi ?? N), max: Math.max(N, hi ?? N), best: null };
      case "dozens":
        return { min: 24, max: null, best: null };
      case "hundreds":
        return { min: 200, max: null, best: null };
      case "several":
        return { min: 3, max: null, best: null };
      case "few":
        return { min: 2, max: null, best: null };
      case "unknown":
        return { min: 1, max: null, best: null };
    }
  })();
  const min = Math.max(1, bounds.min);
  const max = bounds.max === null ? null : Math.max(min, bounds.max);
  return { min, max, best: bounds.best };
}

/** "24", "at least 24", "10–14 (about 12)": a size in a few words, for messages. */
export function describeSize(s: { min: number; max: number | null; best?: number | null }): string {
  if (s.max === null) return `at least ${s.min.toLocaleString("en")}`;
  if (s.max === s.min) return s.min.toLocaleString("en");
  const range = `${s.min.toLocaleString("en")}–${s.max.toLocaleString("en")}`;
  return s.best != null ? `${range} (about ${s.best.toLocaleString("en")})` : range;
}

const strip = (source: string) => source.replace(/\(\?<[A-Za-z0-9]+>/g, "(?:");

export type Quantity = SizeBounds & {
  rule: SizeRule;
  /** The number as written ("nine", "10"), or null for "several", "dozens of". */
  numberText: string | null;
  /** True when the number is written in words. */
  inWords: boolean;
};

export type QuantityPatterns = {
  /** Regex source, without capture groups, for one quantity: "at least 24", "about a dozen", "10 to 12", "several". */
  source: string;
  /** Reads a quantity matched by `source`. */
  parse(text: string): Quantity | null;
};

const cache = new WeakMap<Lexicon, QuantityPatterns>();

/** The quantity patterns of a lexicon (built once per lexicon). */
export function quantityPatterns(lex: Lexicon): QuantityPatterns {
  const cached = cache.get(lex);
  if (cached) return cached;
  if (lex.quantity) {
    cache.set(lex, lex.quantity);
    return lex.quantity;
  }
  const num = lex.numberSource;
  const approx = lex.approximators.map((a) => a.source).join("|");
  const vague = lex.vagueQuantities.map((v) => v.source).join("|");
  const source = `(?:(?:(?:${approx})\\s+)?(?:${strip(lex.rangeSource(num))}|${num}(?:\\s+${lex.orMoreSource})?)|(?:${vague})(?![\\w]))`;
  const full = new RegExp(
    `^(?:(?<approx>${approx})\\s+)?(?:${lex.rangeSource(num)}|(?<num>${num})(?<orMore>\\s+${lex.orMoreSource})?)$`,
    "i",
  );
  const vagueOnly = lex.vagueQuantities.map((v) => ({ re: new RegExp(`^(?:${v.source})$`, "i"), rule: v.rule }));
  const approxRules = lex.approximators.map((a) => ({ re: new RegExp(`^(?:${a.source})$`, "i"), rule: a.rule }));

  const parse = (raw: string): Quantity | null => {
    const text = raw.trim();
    for (const v of vagueOnly)
      if (v.re.test(text)) return { ...sizeFrom(v.rule, null), rule: v.rule, numberText: null, inWords: true };
    const m = full.exec(text);
    if (!m?.groups) return null;
    const g = m.groups;
    const lo = g.lo ?? g.lo2 ?? g.lo3;
    const hi = g.hi ?? g.hi2 ?? g.hi3;
    if (lo && hi) {
      const a = lex.parseNumber(lo);
      const b = lex.parseNumber(hi);
      if (a === null || b === null) return null;
      return { ...sizeFrom("range", a, b), rule: "range", numberText: `${lo}–${hi}`, inWords: /[a-z]/i.test(lo + hi) };
    }
    const n = g.num ? lex.parseNumber(g.num) : null;
    if (n === null || !g.num) return null;
    let rule: SizeRule = "exact";
    if (g.approx) rule = approxRules.find((a) => a.re.test(g.approx.replace(/\s+/g, " ")))?.rule ?? "about";
    else if (g.orMore) rule = "atLeast";
    return { ...sizeFrom(rule, n), rule, numberText: g.num, inWords: /[a-z]/i.test(g.num) };
  };
  const built = { source, parse };
  cache.set(lex, built);
  return built;
}

export function toGroupSize(q: SizeBounds, wording: string): GroupSize {
  return { min: q.min, max: q.max, best: q.best, wording };
}
