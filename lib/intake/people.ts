/**
 * People quoted or named, with their role and organisation, as advocacy contacts to propose.
 *
 * Only names in a recognisable frame are taken, so that "Foreign Ministry" or "Korea Herald" are
 * never proposed as people:
 *  - a title before the name: "Rep. Park Sun-young of the minority Liberty Forward Party";
 *  - the name, a role between commas, a speech verb: "Byun Chul-hwan, director of the ministry’s
 *    Northeast Asia Division 2, told The Korea Herald";
 *  - a speech verb, the name, a role: "said Nam Chang-hee, political science professor at Inha
 *    University";
 *  - an organisation and role before the name: "Human Rights Watch researcher Phil Robertson said".
 * The role is split from the organisation at "at/of/with" before a capitalised name ("professor at
 * Inha University"); "the ministry" is resolved to the last ministry named before it. The kind of
 * contact comes from the title, else from words in the role and organisation (lexicon.kindRules).
 */
import type { Lexicon } from "./lexicon";
import type { Sentence } from "./text";
import type { Confidence, ContactKind, PersonValue, Proposal } from "./types";
import { allMatches, q } from "./util";

type Ctx = { text: string; lex: Lexicon; sentences: Sentence[] };

type Frames = {
  titled: RegExp;
  apposBefore: RegExp;
  apposAfter: RegExp;
  rolePrefix: RegExp;
  apposRole: RegExp;
  nameOf: RegExp;
  roleFor: RegExp;
};
const cache = new WeakMap<Lexicon, Frames>();

function frames(lex: Lexicon): Frames {
  const cached = cache.get(lex);
  if (cached) return cached;
  const NAME = lex.nameSource;
  const SPEECH = lex.speechVerbSource;
  const built: Frames = {
    titled: new RegExp(
      `(?<![\\w])(?<title>${lex.titleSource})\\s+(?<name>${NAME})(?:\\s+of\\s+(?:the\\s+)?${lex.partyQualifierSource}(?<org>${lex.organisationSource})|,\\s+(?<appos>[^,;“”"]{3,160}?),)?`,
      "gd",
    ),
    apposBefore: new RegExp(`(?<![\\w])(?<name>${NAME}),\\s+(?<role>[^,;“”"]{3,160}?),\\s+${SPEECH}\\b`, "gd"),
    apposAfter: new RegExp(`\\b${SPEECH}\\s+(?<name>${NAME}),\\s+(?<role>[^,;“”"]{3,160}?)(?=\\s*(?:[.,;]|$))`, "gd"),
    // "Kunio Takahashi, a minister at the Japanese Embassy in Beijing, went …": a role noun between commas.
    apposRole: new RegExp(
      `(?<![\\w])(?<name>${NAME}),\\s+(?<role>(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?${lex.roleNounSource}\\b[^,;“”"]{0,120}?),`,
      "gd",
    ),
    // "a spokeswoman for the Chinese foreign ministry, Hua Chunying, said": the role first, the name between commas.
    roleFor: new RegExp(
      `(?<![\\w])(?:an?\\s+|the\\s+)?(?<role>${lex.roleNounSource}\\s+(?:for|of|at)\\s+(?:the\\s+)?[^,;“”"]{3,60}?),\\s+(?<name>${NAME}),\\s+${SPEECH}\\b`,
      "gd",
    ),
    // "Kwon Na-hyun of an activist group for defectors said": the organisation after "of", then a speech verb.
    nameOf: new RegExp(
      `(?<![\\w])(?<name>${NAME})\\s+of\\s+(?<role>(?:an?|the)\\s+[^,;“”"]{3,80}?)\\s+${SPEECH}\\b`,
      "gd",
    ),
    rolePrefix: new RegExp(
      `(?<![\\w])(?<org>(?:[A-Z][\\w’'.-]*\\s+){1,5})?(?<role>(?:(?:senior|chief|deputy|vice|former|[Pp]rime)\\s+)?(?:${lex.roleNounSource}|Minister|Spokesman|Spokeswoman|Secretary))\\s+(?<name>${NAME})\\s+${SPEECH}\\b`,
      "gd",
    ),
  };
  cache.set(lex, built);
  return built;
}

function validName(lex: Lexicon, name: string): boolean {
  return !lex.nameStopwords.has(name) && name.split(/\s+/).every((t) => !lex.nameStopwords.has(t.split("-")[0]));
}

function tidy(s: string | null | undefined): string | null {
  const t = (s ?? "")
    .replace(/\s+/g, " ")
    .replace(/^(?:an?|the)\s+/i, "")
    .replace(/[\s,.;:]+$/, "")
    .trim();
  return t || null;
}

/** "the ministry" in a role: the last ministry named before `before`. */
function resolveBackReference(ctx: Ctx, role: string, before: number): { org: string; note: string } | null {
  for (const ref of ctx.lex.backReferences) {
    if (!ref.pattern.test(role)) continue;
    const found = allMatches(ref.antecedent, ctx.text.slice(0, before)).pop();
    if (found)
      return {
        org: found[0].replace(/^The\s+/, "").trim(),
        note: `${q(role.match(ref.pattern)?.[0] ?? "")} read as ${q(found[0].trim())}, named earlier`,
      };
  }
  return null;
}

function classify(lex: Lexicon, role: string | null, org: string | null): ContactKind | null {
  const words = `${role ?? ""} ${org ?? ""}`;
  return lex.kindRules.find((r) => r.pattern.test(words))?.kind ?? null;
}

export function extractPeople(ctx: Ctx): Proposal<PersonValue>[] {
  const { lex } = ctx;
  const F = frames(lex);
  const found: Array<{ start: number; proposal: Proposal<PersonValue> }> = [];
  const seen = new Set<string>();

  const add = (
    start: number,
    end: number,
    name: string,
    role: string | null,
    org: string | null,
    titleKind: ContactKind | null,
    how: string,
    note: string | null,
  ) => {
    if (!validName(lex, name) || seen.has(name)) return;
    seen.add(name);
    const classified = titleKind ?? classify(lex, role, org);
    const kind: ContactKind = classified ?? "OTHER";
    let confidence: Confidence = classified ? "high" : "medium";
    if (note) confidence = "medium";
    const kindWhy = titleKind
      ? "the title"
      : classified
        ? `the words ${q(`${role ?? ""} ${org ?? ""}`.trim())}`
        : "nothing in the role (kind OTHER)";
    found.push({
      start,
      proposal: {
        value: { name, role, organisation: org, kind },
        span: { start, end },
        confidence,
        why: `${how}; kind ${kind} from ${kindWhy}${note ? `; ${note}` : ""}`,
      },
    });
  };

  const splitRole = (
    roleText: string,
    at: number,
  ): { role: string | null; org: string | null; note: string | null } => {
    const m = lex.roleOrgSplit.exec(roleText);
    if (m?.groups?.org) return { role: tidy(m.groups.role), org: tidy(m.groups.org), note: null };
    const back = resolveBackReference(ctx, roleText, at);
    return { role: tidy(roleText), org: back?.org ?? null, note: back?.note ?? null };
  };

  for (const s of ctx.sentences) {
    if (s.text.length > 3000) continue;
    if (lex.personFrames) {
      // Languages whose names do not fit the English shapes read whole-name frames instead.
      for (const { pattern, how } of lex.personFrames) {
        for (const m of allMatches(pattern, s.text)) {
          const g = m.groups ?? {};
          const nameAt = m.indices?.groups?.name;
          if (!nameAt || !g.name) continue;
          add(
            s.start + m.index,
            s.start + m.index + m[0].length,
            g.name.trim(),
            tidy(g.role),
            tidy(g.org),
            null,
            how,
            null,
          );
        }
      }
      continue;
    }
    for (const m of allMatches(F.titled, s.text)) {
      const g = m.groups ?? {};
      const title = lex.personTitles[(g.title ?? "").toLowerCase().replace(/\.$/, "")] ?? { role: null, kind: null };
      const nameAt = m.indices?.groups?.name;
      if (!nameAt || !g.name) continue;
      let role = title.role;
      let org = tidy(g.org);
      let note: string | null = null;
      if (g.appos) {
        const split = splitRole(g.appos, s.start + m.index);
        role = split.role ?? role;
        org = split.org ?? org;
        note = split.note;
      }
      const end = s.start + m.index + m[0].length - (g.appos ? 1 : 0);
      add(
        s.start + m.index,
        end,
        g.name,
        role,
        org,
        title.kind,
        `title ${q(g.title ?? "")} before the name${g.org ? `, organisation after 'of'` : ""}`,
        note,
      );
    }
    for (const [re, how] of [
      [F.apposBefore, "name, role between commas, then a speech verb"],
      [F.apposAfter, "speech verb, name, then the role"],
      [F.apposRole, "name, then a role noun between commas"],
      [F.nameOf, "name, 'of' an organisation, then a speech verb"],
      [F.roleFor, "a role for an organisation, then the name between commas"],
    ] as const) {
      for (const m of allMatches(re, s.text)) {
        const g = m.groups ?? {};
        const nameAt = m.indices?.groups?.name;
        const roleAt = m.indices?.groups?.role;
        if (!nameAt || !roleAt || !g.name || !g.role) continue;
        const split = splitRole(g.role, s.start + nameAt[0]);
        add(s.start + nameAt[0], s.start + roleAt[1], g.name, split.role, split.org, null, how, split.note);
      }
    }
    for (const m of allMatches(F.rolePrefix, s.text)) {
      const g = m.groups ?? {};
      const nameAt = m.indices?.groups?.name;
      if (!nameAt || !g.name) continue;
      const org = tidy(g.org);
      if (org && !validOrg(org)) continue;
      add(
        s.start + m.index,
        s.start + nameAt[1],
        g.name,
        tidy(g.role),
        org,
        null,
        "organisation and role before the name, then a speech verb",
        null,
      );
    }
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.proposal);
}

/** A capitalised prefix that starts a sentence ("But researcher …") is not an organisation. */
function validOrg(org: string): boolean {
  return !/^(?:But|And|In|On|At|The|A|An|As|When|While|However|Meanwhile|According)$/.test(org.split(/\s+/)[0]);
}
