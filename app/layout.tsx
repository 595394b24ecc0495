import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import "./globals.css";
import { getActor } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = {
  title: { default: "Refoulement Watch", template: "%s · Refoulement Watch" },
  description: "A sourced, auditable record of North Koreans detained in China and at risk of forced return.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  const locale = await getLocale();
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
              <nav aria-label="Main" className="flex gap-4 text-sm">
                <Link href="/" className="hover:underline">
                  Dashboard
                </Link>
                <Link href="/cases" className="hover:underline">
                  Cases
                </Link>
                <Link href="/timeline" className="hover:underline">
                  Timeline
                </Link>
                <Link href="/map" className="hover:underline">
                  Map
                </Link>
                {can(actor, "read:annotation:any") && (
                  <Link href="/annotations" className="hover:underline">
                    Open annotations
                  </Link>
                )}
                {can(actor, "read:advocacy:any") && (
                  <Link href="/contacts" className="hover:underline">
                    Contacts
                  </Link>
                )}
                {can(actor, "read:advocacy:any") && (
                  <Link href="/follow-ups" className="hover:underline">
                    Follow-ups
                  </Link>
                )}
                {can(actor, "manage:user:any") && (
                  <Link href="/admin/users" className="hover:underline">
                    Users
                  </Link>
                )}
                {can(actor, "read:audit:any") && (
                  <Link href="/admin/audit" className="hover:underline">
                    Audit log
                  </Link>
                )}
                {can(actor, "manage:api-token:own") && (
                  <Link href="/account" className="hover:underline">
                    Account
                  </Link>
                )}
              </nav>
              <div className="ml-auto flex items-center gap-3 text-sm" data-testid="session-state">
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
