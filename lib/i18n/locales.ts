/**
 * The languages the interface speaks. Adding one is a message file (lib/i18n/messages/<code>.json,
 * a copy of en.json translated) and its code here; nothing else in the code names a language.
 * A unit test checks that this list and the message files agree.
 */
export const LOCALES = ["en", "ko"] as const;

export type Locale = (typeof LOCALES)[number];

/** The language of a reader who asked for none the app speaks, and the one every key is written in first. */
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that keeps a reader's choice (next-intl's name for it). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** A year: the choice is the reader's, not the session's. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Whether `value` is a code of a language the interface speaks. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A language's name in that language ("한국어", "English"), from the runtime's CLDR data. */
export function localeName(locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
}

/**
 * The best supported language for an Accept-Language header (RFC 9110 §12.5.4): ranges by
 * descending q (ties keep their order), q=0 refuses a language, "ko-KR" matches "ko", "*" matches
 * the default. Anything unreadable is skipped; never throws.
 */
export function negotiateLocale(
  header: string | null | undefined,
  supported: readonly Locale[] = LOCALES,
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  if (!header || header.length > 4096) return fallback;
  const ranges: { tag: string; q: number; order: number }[] = [];
  header.split(",").forEach((part, order) => {
    const [rawTag, ...params] = part.split(";");
    const tag = rawTag.trim().toLowerCase();
    if (!/^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
      if (m) q = Math.min(1, Number(m[1]));
      else if (/^\s*q\s*=/i.test(param)) q = -1; // an unreadable weight: ignore the range
    }
    if (q > 0) ranges.push({ tag, q, order });
  });
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  const refused = new Set(
    header
      .split(",")
      .filter((part) => /;\s*q\s*=\s*0(?:\.0{0,3})?\s*$/i.test(part))
      .map((part) => part.split(";")[0].trim().toLowerCase()),
  );
  for (const { tag } of ranges) {
    if (tag === "*") {
      const open = [fallback, ...supported].find((l) => !refused.has(l));
      if (open) return open;
      continue;
    }
    const primary = tag.split("-")[0];
    const match = supported.find((l) => l.toLowerCase() === tag) ?? supported.find((l) => l.toLowerCase() === primary);
    if (match) return match;
  }
  return fallback;
}
