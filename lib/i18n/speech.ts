import { getLocale, getTranslations } from "next-intl/server";
import type { Speech } from "@/lib/format/display";

/** The reader's language for the formatters of lib/format/display.ts, in a server component or action. */
export async function getSpeech(): Promise<Speech> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("format")]);
  return { locale, t: (key, values) => t(key as Parameters<typeof t>[0], values) };
}
