"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { setLocaleAction } from "@/lib/actions/locale";

export type LanguageOption = { code: string; name: string };

/** The page to come back to, query string included, so a filtered timeline stays filtered. */
function ReturnTo() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />;
}

/**
 * The language switcher in the header: one button per language, each named in its own language
 * (with its `lang`), the current one marked. A plain form post to a server action, so it works
 * before JavaScript loads; the action sets the cookie, keeps the choice on the account when signed
 * in and comes back to this page.
 */
export function LanguageSwitcher({
  current,
  options,
  label,
}: {
  current: string;
  options: LanguageOption[];
  label: string;
}) {
  const pathname = usePathname();
  return (
    <form
      action={setLocaleAction}
      aria-label={label}
      className="flex items-center gap-1"
      data-testid="language-switcher"
    >
      <Suspense fallback={<input type="hidden" name="returnTo" value={pathname} />}>
        <ReturnTo />
      </Suspense>
      {options.map((option) => (
        <button
          key={option.code}
          type="submit"
          name="locale"
          value={option.code}
          lang={option.code}
          aria-current={option.code === current ? "true" : undefined}
          className="rounded px-2 py-1 hover:bg-stone-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-stone-700 aria-[current=true]:font-semibold aria-[current=true]:underline"
        >
          {option.name}
        </button>
      ))}
    </form>
  );
}
