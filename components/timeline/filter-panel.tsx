"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * The timeline's filters behind a button on small screens, so a phone shows totals, chart and rows
 * first; from the `lg` breakpoint the button hides and the filters always show in their side column.
 * A button with aria-expanded (not <details>) because <details> cannot be held open by CSS on wide
 * screens in every browser.
 */
export function FilterPanel({
  active,
  startOpen,
  children,
}: {
  /** How many filters are set, shown on the button. */
  active: number;
  /** Open from the start, e.g. when a filter could not be read and its message must be seen. */
  startOpen: boolean;
  children: React.ReactNode;
}) {
  const t = useTranslations("filterPanel");
  const [open, setOpen] = useState(startOpen);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="w-full rounded border border-stone-400 bg-white px-3 py-2 text-left text-sm font-medium lg:hidden"
      >
        {t("button")}
        <span className="font-normal text-stone-700"> {active === 0 ? t("none") : t("active", { count: active })}</span>
      </button>
      <div id={id} className={open ? "mt-3 lg:mt-0" : "hidden lg:block"} data-testid="filter-panel">
        {children}
      </div>
    </div>
  );
}
