import { useLocale, useTranslations } from "next-intl";
import type { Speech } from "@/lib/format/display";

/** The reader's language for the formatters of lib/format/display.ts, in a client or synchronous server component. */
export function useSpeech(): Speech {
  const locale = useLocale();
  const t = useTranslations("format");
  return { locale, t: (key, values) => t(key as Parameters<typeof t>[0], values) };
}
