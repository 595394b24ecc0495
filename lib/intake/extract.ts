/**
 * The report extractor: a pasted news report in, proposals for a reviewer out.
 *
 * Pure and deterministic: no database, no network, no clock (opts.now only flags dates in the
 * future), no hosted AI. It runs the same in the browser and on the server, and the same text with
 * the same options always gives the same proposals. Every proposal points at its passage (offsets
 * into `text` exactly as passed in) and says how sure it is and why; nothing is saved here: the
 * review screen shows the proposals and the user decides.
 *
 * The steps, each in its own module:
 *   text.ts         lines, paragraphs, sentences (offsets into the original text)
 *   source-meta.ts  headline, byline, outlet, publication date, language
 *   groups/         groups, their sizes (numbers.ts), places (place-mentions.ts, gazetteer.ts),
 *                   events (dates.ts) and statuses; stated totals, aggregates, and whether the
 *                   groups add up to the totals
 *   people.ts       people quoted or named, with role, organisation and kind of contact
 *   appeals.ts      who asked whom for what
 * Language-specific words and patterns live in a Lexicon (lexicon.ts): English is lexicon-en.ts, Korean
 * lexicon-ko.ts, chosen by the detected language (source-meta.ts).
 *
 * It never throws: input too long, binary or empty gives an empty extraction with a warning
 * (input.ts refuses such input before it gets here, with a message next to the field).
 */
import { extractAppeals } from "./appeals";
import { extractGroups } from "./groups/index";
import type { Lexicon } from "./lexicon";
import { lexiconEn } from "./lexicon-en";
import { lexiconKo } from "./lexicon-ko";
import { extractPeople } from "./people";
import { detectLanguage, sourceMeta } from "./source-meta";
import { MAX_REPORT_CHARS, notTextReason, splitLines, splitSentences } from "./text";
import type { Extraction, ExtractOptions } from "./types";

export type * from "./types";

export { MAX_REPORT_CHARS };

const LEXICONS: Record<string, Lexicon> = { en: lexiconEn, ko: lexiconKo };

/** The lexicon for a language; English for any language without one yet (and a warning says so). */
export function lexiconFor(language: string): Lexicon {
  return LEXICONS[language] ?? lexiconEn;
}

function empty(warning: string, language = "en"): Extraction {
  return {
    source: {
      title: null,
      author: null,
      outlet: null,
      publishedAt: null,
      language: { value: language, span: null, confidence: "low", why: "nothing was read" },
    },
    publishedAt: null,
    groups: [],
    statedTotals: [],
    aggregates: [],
    totalCheck: { stated: null, sumOfGroups: 0, consistent: null, message: "Nothing was read." },
    people: [],
    appeals: [],
    warnings: [warning],
  };
}

function todayOf(now: Date | undefined): string | null {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return null;
  return now.toISOString().slice(0, 10);
}

function run(text: string, opts: ExtractOptions): Extraction {
  if (text.length > MAX_REPORT_CHARS) {
    return empty(
      `The text is ${text.length.toLocaleString("en")} characters long; the extractor reads at most ${MAX_REPORT_CHARS.toLocaleString("en")}. Nothing was extracted: paste the article alone.`,
    );
  }
  const notText = notTextReason(text);
  if (notText) return empty(`This does not look like text (${notText}). Nothing was extracted.`);
  if (!text.trim()) return empty("The text is empty. Nothing was extracted.");

  const warnings: string[] = [];
  const language = detectLanguage(text);
  const lex = lexiconFor(language.value);
  if (language.value !== lex.language)
    warnings.push(
      `The report looks like it is in '${language.value}'; there are rules only for English and Korean, so little or nothing may be found.`,
    );
  const lines = splitLines(text);
  const meta = sourceMeta(text, lines, lex, language, opts, warnings);
  const pub = meta.publishedAtValue;
  const today = todayOf(opts.now);
  if (pub && today && pub > today)
    warnings.push(`The publication date ${pub} is in the future (today is ${today}): check it.`);

  const body = lines.filter((l) => !lex.clutterLine.test(l.text));
  const sentences = splitSentences(text, body, lex.abbreviations);
  if (sentences.some((s) => s.text.length > 3000))
    warnings.push("Some passages run for more than 3,000 characters without a sentence end; they were not read.");
  const isHead = (s: { line: number }) => meta.headLines.has(s.line);

  const { groups, statedTotals, aggregates, totalCheck } = extractGroups({
    text,
    lex,
    sentences,
    isHead,
    pub,
    today,
    warnings,
  });
  const people = extractPeople({ text, lex, sentences });
  const appeals = extractAppeals({ text, lex, sentences, people });

  return {
    source: {
      title: meta.title,
      author: meta.author,
      outlet: meta.outlet,
      publishedAt: meta.publishedAt,
      language: meta.language,
    },
    publishedAt: pub,
    publishedAtCandidate: meta.publishedAtCandidate,
    groups,
    statedTotals,
    aggregates,
    totalCheck,
    people,
    appeals,
    warnings: [...new Set(warnings)],
  };
}

/**
 * Proposals for a pasted report. `publishedAt` (YYYY-MM-DD) is the reference for relative dates;
 * without it, a dateline in the text is used if there is one.
 */
export function extractReport(text: string, opts: ExtractOptions = {}): Extraction {
  const input = typeof text === "string" ? text : "";
  const options: ExtractOptions = opts && typeof opts === "object" ? opts : {};
  if (options.publishedAt !== undefined && typeof options.publishedAt !== "string")
    return extractReport(input, { ...options, publishedAt: undefined });
  try {
    return run(input, options);
  } catch (error) {
    // A last safety net: a rule that fails on some input must not take the review screen down.
    return empty(
      `The extractor could not read this text (${error instanceof Error ? error.message : "unknown error"}); enter the details by hand.`,
    );
  }
}
