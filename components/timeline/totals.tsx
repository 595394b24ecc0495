import { useTranslations } from "next-intl";
import type { Totals } from "@/lib/data/case-search";
import { COUNTING_RULE } from "@/lib/validations/case-filter";

/** "At least N people in G groups", with the best estimate beside it and the rule that counts them. */
export function TotalsLine({ totals, filterText }: { totals: Totals; filterText: string }) {
  const t = useTranslations("format");
  return (
    <section
      aria-labelledby="totals-heading"
      className="rounded border border-stone-300 bg-white p-3"
      data-testid="totals"
    >
      <h2 id="totals-heading" className="sr-only">
        Totals
      </h2>
      <p className="text-lg">
        {t.rich("totals", {
          people: totals.peopleAtLeast,
          groups: totals.groups,
          best: totals.peopleBest,
          strong: (chunks) => <strong>{chunks}</strong>,
          estimate: (chunks) => <span className="text-stone-700">{chunks}</span>,
        })}
      </p>
      <p className="text-xs text-stone-700">Filter: {filterText}.</p>
      <p className="text-xs text-stone-600">{COUNTING_RULE}</p>
    </section>
  );
}
