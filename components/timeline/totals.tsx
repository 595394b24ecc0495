import { useTranslations } from "next-intl";
import type { Totals } from "@/lib/data/case-search";
import type { CompositionTotals } from "@/lib/data/composition";
import { COUNTING_RULE } from "@/lib/validations/case-filter";

/** "At least N people in G groups", with the best estimate beside it and the rule that counts them. */
export function TotalsLine({
  totals,
  filterText,
  composition,
}: {
  totals: Totals;
  filterText: string;
  /** Women and children among them, where the sources say; left out when no group says. */
  composition?: CompositionTotals;
}) {
  const t = useTranslations("format");
  const tComposition = useTranslations("composition");
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
      {composition && (composition.women.groupsKnown > 0 || composition.children.groupsKnown > 0) && (
        <p data-testid="totals-composition">
          {tComposition("totals", { women: composition.women.atLeast, children: composition.children.atLeast })}
        </p>
      )}
      <p className="text-xs text-stone-700">Filter: {filterText}.</p>
      <p className="text-xs text-stone-600">{COUNTING_RULE}</p>
    </section>
  );
}
