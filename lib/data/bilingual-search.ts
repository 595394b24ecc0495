import { Prisma } from "@/lib/generated/prisma/client";
import { placeNameVariants } from "@/lib/geo/place-names";
import { hangulBigrams, hangulWords, hasHangul, likeContains } from "@/lib/i18n/text-lang";

/**
 * Text search in Korean and English (docs/decisions/016). PostgreSQL has no Korean stemmer, so Korean
 * text is indexed by its adjacent-syllable pairs (rw_hangul_bigrams, a GIN index per text: migration
 * 20261202170000_bilingual_records): a query word's pairs find the candidates through the index, and a
 * LIKE on the same row keeps only those that have the word itself. A two-syllable word (선양), the
 * commonest length of a Korean noun, is one pair: pg_trgm needs three characters to use its index.
 * Place names are expanded through the gazetteer both ways: 선양 also finds cases filed in Shenyang and
 * texts that say Shenyang or 심양; Shenyang also finds Korean texts that say 선양.
 *
 * The SQL expressions here must stay exactly those of the migration's indexes, or the planner cannot use them.
 */

/** Every text of a case, both languages, as the bigram index is built (alias x). */
const CASE_TEXT = Prisma.sql`((((((x."title")::text || ' '::text) || (x."summary")::text) || ' '::text) || (COALESCE(x."titleAlt", ''::character varying))::text) || ' '::text) || (x."summaryAlt")::text`;
/** The case's own English-search text (the existing index, migration 20261128083537). */
const CASE_EN = Prisma.sql`to_tsvector('english'::regconfig, (((x."title")::text || ' '::text) || (x."summary")::text))`;
/** The case's other-language forms, for English words in a Korean-first case. */
const CASE_ALT_EN = Prisma.sql`to_tsvector('english'::regconfig, (((COALESCE(x."titleAlt", ''::character varying))::text || ' '::text) || (x."summaryAlt")::text))`;
const SOURCE_EN = Prisma.sql`to_tsvector('english'::regconfig, s."text")`;

/** A tsquery of a Hangul word's syllable pairs, all required. Only Hangul syllables reach it, so quoting is safe. */
const pairsQuery = (word: string) =>
  Prisma.sql`${hangulBigrams(word)
    .map((b) => `'${b}'`)
    .join(" & ")}::tsquery`;

/** A Hangul word in a text: through the bigram index, checked by LIKE; one syllable by LIKE alone. */
function hangulIn(text: Prisma.Sql, word: string): Prisma.Sql {
  const like = Prisma.sql`${text} LIKE ${likeContains(word)}`;
  if ([...word].length < 2) return like;
  return Prisma.sql`rw_hangul_bigrams(${text}) @@ ${pairsQuery(word)} AND ${like}`;
}

/** Korean particles a search word may carry ("선양에서", "단둥의"): a place name is tried without them. */
const PARTICLE = /(에서는|에서|에게|으로|로|에|의|은|는|이|가|을|를|와|과)$/u;

export type SearchTerm = {
  /** As typed. */
  word: string;
  hangul: boolean;
  /** The place it names in English and Korean (both empty when it names no known place). */
  places: { english: string[]; korean: string[] };
};

/** A query as terms, each of which a matching text must have (in one of its forms). */
export function searchTerms(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const raw of q.split(/\s+/)) {
    const token = raw.replace(/^[-+"'(]+|["')]+$/g, "");
    if (!token || /^or$/i.test(token)) continue;
    for (const word of hasHangul(token) ? hangulWords(token) : [token]) {
      let places = placeNameVariants(word);
      if (!places.english.length && hasHangul(word) && PARTICLE.test(word))
        places = placeNameVariants(word.replace(PARTICLE, ""));
      terms.push({ word, hangul: hasHangul(word), places });
    }
  }
  return terms;
}

/** True when a query needs the two-language search: Hangul in it, or a place name to expand. */
export function needsBilingualSearch(q: string): boolean {
  return searchTerms(q).some((t) => t.hangul || t.places.english.length > 0);
}

/*
 * Each way a term can match is its own SELECT, served by one index, and a term's ways are UNIONed: as
 * one WHERE "a OR b OR c", the planner would combine the indexes but then re-evaluate the whole OR on
 * every candidate row, recomputing rw_hangul_bigrams per row (npm run bench, 2,000 cases: 94 ms → see
 * decision 016 for the figures at 100,000). Terms are INTERSECTed: a match has all of them.
 */
const caseArm = (where: Prisma.Sql) => Prisma.sql`SELECT x."id" FROM "Case" x WHERE ${where}`;

function caseTermSql(t: SearchTerm): Prisma.Sql {
  const arms: Prisma.Sql[] = [];
  if (t.hangul) arms.push(caseArm(hangulIn(CASE_TEXT, t.word)));
  else {
    arms.push(caseArm(Prisma.sql`${CASE_EN} @@ plainto_tsquery('english', ${t.word})`));
    arms.push(caseArm(Prisma.sql`${CASE_ALT_EN} @@ plainto_tsquery('english', ${t.word})`));
  }
  if (t.places.english.length) {
    const lower = t.places.english.map((n) => n.toLowerCase());
    arms.push(caseArm(Prisma.sql`lower((x."cityArea")::text) = ANY(${lower}::text[])`));
    arms.push(caseArm(Prisma.sql`lower((x."province")::text) = ANY(${lower}::text[])`));
    // A Korean place name also finds English texts that name the place (an English word already does).
    if (t.hangul)
      for (const name of t.places.english)
        arms.push(caseArm(Prisma.sql`${CASE_EN} @@ plainto_tsquery('english', ${name})`));
  }
  for (const ko of t.places.korean) if (ko !== t.word) arms.push(caseArm(hangulIn(CASE_TEXT, ko)));
  return Prisma.sql`(${Prisma.join(arms, " UNION ")})`;
}

const sourceArm = (where: Prisma.Sql) =>
  Prisma.sql`SELECT s."id" FROM "Source" s WHERE s."deletedAt" IS NULL AND ${where}`;

function sourceTermSql(t: SearchTerm): Prisma.Sql {
  const arms: Prisma.Sql[] = [];
  if (t.hangul) arms.push(sourceArm(hangulIn(Prisma.sql`s."text"`, t.word)));
  else arms.push(sourceArm(Prisma.sql`${SOURCE_EN} @@ plainto_tsquery('english', ${t.word})`));
  if (t.hangul)
    for (const name of t.places.english)
      arms.push(sourceArm(Prisma.sql`${SOURCE_EN} @@ plainto_tsquery('english', ${name})`));
  for (const ko of t.places.korean) if (ko !== t.word) arms.push(sourceArm(hangulIn(Prisma.sql`s."text"`, ko)));
  return Prisma.sql`(${Prisma.join(arms, " UNION ")})`;
}

/**
 * The ids of the cases whose own text (either language) has every term, or one of whose sources'
 * text has every term: a UNION of two index-served sets, as the English search does.
 */
export function bilingualMatchSql(q: string): Prisma.Sql | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return Prisma.sql`SELECT m."id" FROM (${Prisma.join(terms.map(caseTermSql), " INTERSECT ")}) m
      UNION
      SELECT sc."caseId" FROM "SourceClaim" sc
      WHERE sc."deletedAt" IS NULL AND sc."sourceId" IN (${Prisma.join(terms.map(sourceTermSql), " INTERSECT ")})`;
}
