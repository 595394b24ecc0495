import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";
import { getActor } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MainNav } from "@/components/layout/main-nav";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { LOCALES, localeName } from "@/lib/i18n/locales";
import { can, type Permission } from "@/lib/auth/permissions";

export const metadata: Metadata = {
  title: { default: "Refoulement Watch", template: "%s · Refoulement Watch" },
  description: "A sourced, auditable record of North Koreans detained in China and at risk of forced return.",
};

/** The main navigation, each link shown to those with its permission (pages check it again). */
const NAV: { href: string; label: string; permission?: Permission }[] = [
  { href: "/", label: "dashboard" },
  { href: "/cases", label: "cases" },
  { href: "/timeline", label: "timeline" },
  { href: "/map", label: "map" },
  { href: "/annotations", label: "annotations", permission: "read:annotation:any" },
  { href: "/contacts", label: "contacts", permission: "read:advocacy:any" },
  { href: "/follow-ups", label: "followUps", permission: "read:advocacy:any" },
  { href: "/import", label: "import", permission: "import:case:any" },
  { href: "/admin/users", label: "users", permission: "manage:user:any" },
  { href: "/admin/audit", label: "audit", permission: "read:audit:any" },
  { href: "/admin/export", label: "fullExport", permission: "export:all:any" },
  { href: "/admin/vocabularies", label: "vocabularies", permission: "manage:vocabulary:any" },
  { href: "/account", label: "account", permission: "manage:api-token:own" },
];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <NextIntlClientProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
          >
            Skip to content
          </a>
          <header className="border-b border-stone-300 bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
              <Link href="/" className="text-lg font-semibold tracking-tight">
                Refoulement Watch
              </Link>
              <MainNav
                items={NAV.filter((item) => !item.permission || can(actor, item.permission)).map((item) => ({
                  href: item.href,
                  label: t(`links.${item.label}`),
                }))}
              />
              <div className="flex flex-wrap items-center gap-3 text-sm md:ml-auto">
                <LanguageSwitcher
                  current={locale}
                  label={t("language")}
                  options={LOCALES.map((code) => ({ code, name: localeName(code) }))}
                />
              </div>
              <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="session-state">
                {actor ? (
                  <>
                    <span>
                      Signed in as <strong>{actor.name}</strong>{" "}
                      <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs uppercase tracking-wide">
                        {actor.role.toLowerCase()}
                      </span>
                    </span>
                    <SignOutButton />
                  </>
                ) : (
                  <Link href="/login" className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
                    Sign in
                  </Link>
                )}
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto max-w-6xl px-4 py-6 text-xs text-stone-600">
            Figures are conservative: group totals add up each group&apos;s minimum reported size. Every figure links to
            the passage it comes from.
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
