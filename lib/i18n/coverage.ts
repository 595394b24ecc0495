/**
 * How much of the interface each language covers (npm run i18n:keys, and a unit test that wants
 * 100%): every key of the English file, and in another language, a key counts as translated when it
 * is present and differs from the English text, or is on the allow-list of texts that read the same
 * in every language (codes, symbols, placeholders only).
 */
export type MessageTree = { [key: string]: string | MessageTree };

/** Keys whose text is the same in every language. */
export const SAME_IN_EVERY_LANGUAGE = new Set([
  "history.back",
  "importPage.countryPlaceholder",
  "validation.logCase.passageProblem",
  "vocabularies.coordinates",
]);

/** The flat "a.b.c" → text of a message file. */
export function flattenMessages(tree: MessageTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flattenMessages(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

export type Coverage = { locale: string; translated: number; total: number; missing: string[]; untranslated: string[] };

/** The coverage of `messages` against the English file. */
export function coverage(locale: string, english: MessageTree, messages: MessageTree): Coverage {
  const en = flattenMessages(english);
  const own = flattenMessages(messages);
  const missing: string[] = [];
  const untranslated: string[] = [];
  for (const [key, text] of en) {
    const translation = own.get(key);
    if (translation === undefined) missing.push(key);
    else if (locale !== "en" && translation === text && !SAME_IN_EVERY_LANGUAGE.has(key)) untranslated.push(key);
  }
  return { locale, translated: en.size - missing.length - untranslated.length, total: en.size, missing, untranslated };
}

/** "ko: 524/524 (100%)" */
export function coverageLine(c: Coverage): string {
  const share = c.total === 0 ? 100 : Math.floor((c.translated / c.total) * 1000) / 10;
  return `${c.locale}: ${c.translated}/${c.total} (${share}%)`;
}
