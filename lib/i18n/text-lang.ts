/**
 * Records in two languages (docs/decisions/016): which language a text is written in, and which of a
 * record's two forms a reader sees. Pure functions: safe in the browser and in SQL-building code.
 */

/** The languages a record's own text can be written in. */
export const RECORD_LANGS = ["ko", "en"] as const;
export type RecordLang = (typeof RECORD_LANGS)[number];

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const LETTER = /\p{L}/u;

/**
 * The language a text is written in, from its letters: "ko" when at least a fifth of its letters are
 * Hangul (a Korean report quotes English names, an English one rarely has any Hangul), else "en".
 * `fallback` is returned for a text with no letters at all.
 */
export function detectLang(text: string, fallback: RecordLang = "en"): RecordLang {
  let letters = 0;
  let hangul = 0;
  for (const ch of text) {
    if (HANGUL.test(ch)) {
      hangul++;
      letters++;
    } else if (LETTER.test(ch)) letters++;
  }
  if (letters === 0) return fallback;
  return hangul * 5 >= letters ? "ko" : "en";
}

/** A form's language choice: "ko"/"en" as chosen, or detected from the texts when left on "auto". */
export function resolveLang(choice: string | null | undefined, ...texts: (string | null | undefined)[]): RecordLang {
  if (choice === "ko" || choice === "en") return choice;
  return detectLang(texts.filter(Boolean).join(" "));
}

/** The other of the two record languages. */
export const otherLang = (lang: RecordLang): RecordLang => (lang === "ko" ? "en" : "ko");

/** The reader's locale as a record language: Korean readers read "ko", every other locale "en". */
export const readerLang = (locale: string): RecordLang => (locale.toLowerCase().startsWith("ko") ? "ko" : "en");

export type Shown = {
  /** The text to show first. */
  text: string;
  lang: RecordLang;
  /** The other language's form, to show beside it; null when there is none. */
  other: { text: string; lang: RecordLang } | null;
  /** True when the reader's language has no form and `text` is the other language's (say so). */
  fallback: boolean;
};

/**
 * Which form of a two-language text a reader sees: theirs when written, with the other beside it;
 * else the one there is, marked as a fallback. Never blank while either form has text.
 */
export function pickText(
  original: string,
  originalLang: string,
  alt: string | null | undefined,
  locale: string,
): Shown {
  const want = readerLang(locale);
  const own: RecordLang = originalLang === "ko" ? "ko" : "en";
  const altText = alt?.trim() ? alt : "";
  const forms: { text: string; lang: RecordLang }[] = [];
  if (original.trim()) forms.push({ text: original, lang: own });
  if (altText) forms.push({ text: altText, lang: otherLang(own) });
  if (forms.length === 0) return { text: "", lang: own, other: null, fallback: false };
  const mine = forms.find((f) => f.lang === want);
  if (mine) {
    const other = forms.find((f) => f !== mine) ?? null;
    return { text: mine.text, lang: mine.lang, other, fallback: false };
  }
  return { text: forms[0].text, lang: forms[0].lang, other: null, fallback: true };
}

const HANGUL_RUN = /[\uac00-\ud7af]+/gu;

/** True when a search query has Hangul in it (the Korean search path: decision 016). */
export const hasHangul = (text: string): boolean => HANGUL.test(text);

/** The Hangul syllable runs of a query, each as a word to find ("탈북민 체포" → ["탈북민", "체포"]). */
export function hangulWords(query: string): string[] {
  return [...new Set(query.match(HANGUL_RUN) ?? [])];
}

/**
 * The adjacent-syllable pairs of a Hangul word ("탈북민" → ["탈북", "북민"]): the tokens of the bigram
 * index (rw_hangul_bigrams in the migration), which must split text exactly the same way.
 * A one-syllable word has none.
 */
export function hangulBigrams(word: string): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return [...new Set(out)];
}

/** The LIKE pattern matching `text` anywhere, with LIKE's wildcards and escape taken literally. */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
