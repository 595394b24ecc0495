"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { sameOriginPath } from "@/lib/auth/safe-redirect";
import { saveUserLocale } from "@/lib/data/preferences";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "@/lib/i18n/locales";
import { setLocaleSchema } from "@/lib/validations/locale";
import { noteActionStarted } from "@/lib/server/request-context";
import { connectionFailureReason } from "@/lib/server/db-availability";

/**
 * The language switcher (works without JavaScript: a plain form post). Sets the language cookie,
 * keeps the choice on the account when signed in, and returns to the page it was posted from, query
 * string included. Visitors may use it: it changes nothing but their own cookie. An unknown language
 * changes nothing.
 */
export async function setLocaleAction(previous: unknown, formData?: unknown): Promise<void> {
  noteActionStarted();
  const form = formData instanceof FormData ? formData : previous instanceof FormData ? previous : new FormData();
  const parsed = setLocaleSchema.safeParse(
    Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")),
  );
  // Only a path on this app: anything naming another origin returns to the dashboard.
  const back = sameOriginPath(form.get("returnTo"), "http://app.invalid");
  if (parsed.success) {
    const { locale } = parsed.data;
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
      sameSite: "lax",
      httpOnly: true,
    });
    try {
      const actor = await getActor();
      if (actor) await saveUserLocale(actor, locale);
    } catch (error) {
      // The cookie alone still switches the language when the database is away.
      if (!connectionFailureReason(error)) throw error;
    }
  }
  redirect(back);
}
