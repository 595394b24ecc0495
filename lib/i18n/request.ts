import { getRequestConfig } from "next-intl/server";

/**
 * The messages and locale for this request (next-intl, App Router, no locale in the URL).
 * Every user-facing text and every enum and field label lives in lib/i18n/messages/<locale>.json.
 */
export default getRequestConfig(async () => {
  const locale = "en";
  return { locale, timeZone: "UTC", messages: (await import(`./messages/${locale}.json`)).default };
});
