import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import { translateMessage, type RootTranslator } from "@/lib/i18n/message-key";

/** The languages the API answers in; the first is the default. */
const LOCALES = ["en", "ko"] as const;
type Locale = (typeof LOCALES)[number];

/** A message tree with `over`'s strings laid over `base`'s, so a missing translation falls back to English. */
function overlay(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] =
      typeof value === "object" && value !== null && typeof base[key] === "object" && base[key] !== null
        ? overlay(base[key] as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  return out;
}
const MESSAGES: Record<Locale, Record<string, unknown>> = { en, ko: overlay(en, ko) };

/**
 * The language of an API answer's messages: the NEXT_LOCALE cookie a browser's language switcher sets,
 * else the caller's Accept-Language (the first supported language by preference), else English.
 * Error bodies keep a stable `code` for programs; only `message` follows the language.
 */
export function apiLocale(request: Request): Locale {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  if (cookie && (LOCALES as readonly string[]).includes(cookie)) return cookie as Locale;
  const ranked = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(/q=([\d.]+)/.exec(params.join(";"))?.[1] ?? 1);
      return { lang: tag.trim().toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked.find((r) => (LOCALES as readonly string[]).includes(r.lang))?.lang as Locale) ?? "en";
}

/** Translates a message key (or plain text) for the caller of an API request. */
export function apiMessage(request: Request): (text: string) => string {
  const locale = apiLocale(request);
  const t = createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as RootTranslator;
  return (text) => translateMessage(t, text);
}
