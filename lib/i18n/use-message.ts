import { useTranslations } from "next-intl";
import { translateMessage, type RootTranslator } from "@/lib/i18n/message-key";

/**
 * Translates messages that arrive as keys (validation messages, form action results) in the reader's
 * language; plain text is shown as it is. For client and synchronous server components.
 */
export function useMessageText(): (text: string) => string {
  const t = useTranslations() as unknown as RootTranslator;
  return (text: string) => translateMessage(t, text);
}
