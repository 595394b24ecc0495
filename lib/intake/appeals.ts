/**
 * Appeals: who asked whom for what ("Ten of the defectors have requested through an activist
 * group that Seoul’s state human rights watchdog help save them").
 *
 * Two shapes, from the lexicon: "<who> requested (through <via>) that <whom> <help …>", read from
 * a whole sentence (high confidence), and "<who> urged / called on <whom> to <…>" anywhere in a
 * sentence (medium: the asker is taken from the words just before the verb, when they name people
 * such as "activists"). A number at the start of the asker ("Ten of the defectors") is the count of
 * people who asked.
 */
import type { Lexicon } from "./lexicon";
import type { Sentence } from "./text";
import type { AppealValue, Proposal, Span } from "./types";
import { allMatches, q } from "./util";

type Ctx = { text: string; lex: Lexicon; sentences: Sentence[] };

function clean(s: string | undefined | null): string | null {
  const t = (s ?? "")
    .replace(/\s+/g, " ")
    // "…, activists said": the attribution is not part of what was asked.
    .replace(/,\s*(?:[\w’'-]+\s+){0,4}(?:said|says|told|according\s+to)\b.*$/i, "")
    .replace(/[\s,.;:]+$/, "")
    .trim();
  return t || null;
}

function leadingCount(lex: Lexicon, by: string | null): number | null {
  if (!by) return null;
  const m = new RegExp(`^(?:${lex.numberSource})`, "i").exec(by);
  return m ? lex.parseNumber(m[0]) : null;
}

export function extractAppeals(ctx: Ctx): Proposal<AppealValue>[] {
  const { lex } = ctx;
  const out: Array<Proposal<AppealValue> & { span: Span }> = [];
  for (const s of ctx.sentences) {
    if (s.text.length > 1500) continue;
    const taken: Span[] = [];
    for (const { pattern, confidence, shape } of lex.appealPatterns) {
      const matches = pattern.global ? allMatches(pattern, s.text) : [pattern.exec(s.text)].filter((m): m is RegExpExecArray => !!m);
      for (const m of matches) {
        const g = m.groups ?? {};
        let start = s.start + m.index;
        const end = s.start + m.index + m[0].length;
        if (taken.some((t) => start < t.end && t.start < end)) continue;
        let by = clean(g.by);
        if (!g.by) {
          const before = s.text.slice(Math.max(0, m.index - 60), m.index);
          const who = lex.appellantNoun.exec(before);
          if (who?.groups?.by) {
            by = clean(who.groups.by);
            start = s.start + m.index - (before.length - who.index);
          }
        }
        const askedFor = clean(g.ask);
        if (!askedFor || !lex.appealTopic.test(`${g.to ?? ""} ${askedFor}`)) continue;
        const via = clean(g.via);
        const value: AppealValue = { askedFor, by: by && via ? `${by}, through ${via}` : by, to: clean(g.to), count: leadingCount(lex, by) };
        taken.push({ start, end });
        out.push({
          value,
          span: { start, end },
          confidence,
          why: `the shape ${q(shape)}: ${value.by ? `${q(value.by)} asked` : "someone asked"} ${value.to ? q(value.to) : "someone"} to ${q(askedFor)}${value.count !== null ? `; ${value.count} people asked` : ""}`,
        });
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
