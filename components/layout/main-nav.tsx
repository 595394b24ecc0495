"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

export type NavItem = { href: string; label: string };

/** True when `pathname` is the page of `href` or one below it ("/cases/CN-…" is under Cases). */
function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main navigation: a row of links on wide screens, a "Menu" disclosure on small ones (a row of
 * ten links made signed-in pages 585–693 px wide on a 390 px phone). The disclosure is a native
 * <details>, so it opens with Enter or Space and works before JavaScript loads; Escape closes it and
 * returns focus to its button, and it closes itself when a link in it is followed.
 */
export function MainNav({ items }: { items: NavItem[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  const links = (className: string) =>
    items.map((item) => (
      <li key={item.href}>
        <Link href={item.href} className={className} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}>
          {item.label}
        </Link>
      </li>
    ));
  return (
    <>
      <nav aria-label={t("label")} className="hidden text-sm md:block">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {links("hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline")}
        </ul>
      </nav>
      <details
        ref={menu}
        className="relative ml-auto md:hidden"
        data-testid="compact-menu"
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !menu.current?.open) return;
          menu.current.open = false;
          menu.current.querySelector("summary")?.focus();
        }}
      >
        <summary className="cursor-pointer list-none rounded border border-stone-400 px-3 py-1 text-sm hover:bg-stone-100 [&::-webkit-details-marker]:hidden">
          {t("menu")}
        </summary>
        <nav
          aria-label={t("label")}
          className="absolute right-0 top-full z-20 mt-1 w-56 max-w-[calc(100vw-2rem)] rounded border border-stone-300 bg-white p-2 text-sm shadow-lg"
        >
          <ul className="flex flex-col">
            {links("block rounded px-2 py-2 hover:bg-stone-100 aria-[current=page]:font-semibold")}
          </ul>
        </nav>
      </details>
    </>
  );
}
