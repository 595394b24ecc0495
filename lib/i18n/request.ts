import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The reader's language, without a locale in the URL (a shared link shows the same records in either
 * language): the switcher's cookie, else the signed-in user's saved choice (read with the session by
 * getActor, which the page does anyway), else Accept-Language, else English. Visitor pages cached in
 * the browser vary on Cookie and Accept-Language (lib/server/cache-control.ts).
 */
async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  try {
    const saved = (await getActor())?.locale;
    if (isLocale(saved)) return saved;
  } catch {
    // The database is unavailable: the error page still needs a language.
  }
  return negotiateLocale((await headers()).get("accept-language"));
}

/**
 * The messages and locale for this request (next-intl, App Router, no locale in the URL).
 * Every user-facing text and every enum and field label lives in lib/i18n/messages/<locale>.json.
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, timeZone: "UTC", messages: (await import(`./messages/${locale}.json`)).default };
});
