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
import type { AppealValue, PersonValue, Proposal, Span } from "./types";
import { allMatches, q } from "./util";

type Ctx = { text: string; lex: Lexicon; sentences: Sentence[]; people?: Proposal<PersonValue>[] };

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

/** Two addressees joined in Korean ("A과 B에게") are two appeals; English "X and Y" stays one. */
function splitAddressees(to: string | null): (string | null)[] {
  if (!to || !/[가-힣]/.test(to)) return [to];
  return to
    .split(/(?<=[가-힣])(?:과|와)\s+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * Who asked, when the shape does not say or says it by a short form: the person named in the sentence
 * before the verb ("Rep. Park … began a hunger strike, urging Beijing"), a surname and title resolved
 * to the full name ("박 의원" → 박선영), or the words that open the sentence ("The U.S. State Department
 * on Tuesday again urged").
 */
const NOT_AN_ASKER =
  /^(?:[Ii]t|[Tt]hey|[Hh]e|[Ss]he|[Tt]his|[Tt]hat|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Beijing|Seoul|Shenyang)$/;

function resolveAsker(ctx: Ctx, s: Sentence, at: number, by: string | null): string | null {
  const people = ctx.people ?? [];
  const named = (p: Proposal<PersonValue>) =>
    p.value.organisation ? `${p.value.name} (${p.value.organisation})` : p.value.name;
  const person = people.find((p) => p.span && p.span.start >= s.start && p.span.start < s.start + at);
  // A person named in the sentence before the verb is who asked ("Kunio Takahashi, a minister …, went to … and demanded").
  let who: string | null = person ? named(person) : by && !NOT_AN_ASKER.test(by) ? by : null;
  if (!who) {
    const opening =
      /^((?:The\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})\s+(?:on\s+\w+day\s+)?(?:again\s+|also\s+|repeatedly\s+|has\s+|had\s+)*(?:urged|called|asked|demanded|appealed|pressed|pleaded)/.exec(
        s.text,
      );
    if (opening && !NOT_AN_ASKER.test(opening[1])) who = opening[1];
  }
  if (!who) {
    const topic = /^([가-힣A-Za-z·.\s]{2,30}?)(?:은|는)\s/.exec(s.text);
    if (topic) who = topic[1].trim();
  }
  // "박 의원": the person of that surname and title named earlier.
  const short = who ? /^([가-힣])\s*(의원|대표|장관|대변인|교수|목사|특사)$/.exec(who) : null;
  if (short) {
    const full = people.find((p) => p.value.name.startsWith(short[1]) && (p.value.role ?? "").includes(short[2]));
    if (full) return named(full);
  }
  return who;
}

export function extractAppeals(ctx: Ctx): Proposal<AppealValue>[] {
  const { lex } = ctx;
  const out: Array<Proposal<AppealValue> & { span: Span }> = [];
  for (const s of ctx.sentences) {
    if (s.text.length > 1500) continue;
    const taken: Span[] = [];
    for (const { pattern, confidence, shape } of lex.appealPatterns) {
      const matches = pattern.global
        ? allMatches(pattern, s.text)
        : [pattern.exec(s.text)].filter((m): m is RegExpExecArray => !!m);
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
        by = resolveAsker(ctx, s, m.index, by);
        const via = clean(g.via);
        taken.push({ start, end });
        // "반기문 유엔 사무총장과 로버트 킹 … 특사에게": one appeal to each.
        for (const to of splitAddressees(clean(g.to))) {
          const value: AppealValue = {
            askedFor,
            by: by && via ? `${by}, through ${via}` : by,
            to,
            count: leadingCount(lex, by),
          };
          out.push({
            value,
            span: { start, end },
            confidence,
            why: `the shape ${q(shape)}: ${value.by ? `${q(value.by)} asked` : "someone asked"} ${value.to ? q(value.to) : "someone"} to ${q(askedFor)}${value.count !== null ? `; ${value.count} people asked` : ""}`,
          });
        }
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
