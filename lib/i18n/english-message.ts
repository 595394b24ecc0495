import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en.json";
import { translateMessage, type RootTranslator } from "@/lib/i18n/message-key";

// Kept apart from message-key.ts so that client components translating keys do not bundle en.json twice.
const english = createTranslator({ locale: "en", messages: en }) as unknown as RootTranslator;

/**
 * The English text of a message key, for what is written down once rather than shown to one reader
 * (an import's stored dry-run report) and for tests that read the English wording.
 */
export function englishMessage(text: string): string {
  return translateMessage(english, text);
}
