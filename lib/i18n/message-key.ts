/**
 * Messages that travel as keys: code shared by the browser and the server (zod schemas in lib/validations,
 * form action results) says which message it means, not its English words, and the place that shows it
 * translates it in the reader's language. A key may carry parameters, written like a query string
 * ("validation.tooLong?label=validation.label.title&max=300"); a parameter whose value is itself a key
 * (a field's name in a sentence) is translated first. Text that is not a known key is shown as it is.
 */

type Params = Record<string, string | number>;

/** A translator of the whole message tree (useTranslations() / getTranslations() without a namespace). */
export type RootTranslator = {
  (key: string, values?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
};

const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

/** The message `key`, with its parameters. */
export function messageKey(key: string, params?: Params): string {
  if (!params || Object.keys(params).length === 0) return key;
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${key}?${query.toString()}`;
}

/** The key and parameters of a message written by messageKey, or null for plain text. */
export function parseMessageKey(text: string): { key: string; params: Record<string, string> } | null {
  const at = text.indexOf("?");
  const key = at === -1 ? text : text.slice(0, at);
  if (!KEY.test(key)) return null;
  const params: Record<string, string> = {};
  if (at !== -1) for (const [k, v] of new URLSearchParams(text.slice(at + 1))) params[k] = v;
  return { key, params };
}

/** The text of a message in the translator's language; plain text, and keys it does not know, come back as they are. */
export function translateMessage(t: RootTranslator, text: string): string {
  const parsed = parseMessageKey(text);
  if (!parsed || !t.has(parsed.key)) return text;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(parsed.params)) {
    const inner = parseMessageKey(value);
    if (inner && t.has(inner.key)) values[name] = translateMessage(t, value);
    else if (/^-?\d+(\.\d+)?$/.test(value)) values[name] = Number(value);
    else values[name] = value;
  }
  return t(parsed.key, values);
}
