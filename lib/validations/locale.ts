import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** The language switcher's form: the chosen language and the page to return to (checked as same-origin later). */
export const setLocaleSchema = z.object({
  locale: z.enum(LOCALES),
  returnTo: z.string().max(2000).optional().default("/"),
});

export type SetLocaleInput = z.infer<typeof setLocaleSchema>;
