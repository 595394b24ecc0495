import type { Totals } from "@/lib/data/case-search";
import { COUNTING_RULE } from "@/lib/validations/case-filter";

/** "At least N people in G groups", with the best estimate beside it and the rule that counts them. */
export function TotalsLine({ totals, filterText }: { totals: Totals; filterText: string }) {
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
        <strong>
          At least {totals.peopleAtLeast.toLocaleString("en")} {totals.peopleAtLeast === 1 ? "person" : "people"}
        </strong>{" "}
        in {totals.groups.toLocaleString("en")} {totals.groups === 1 ? "group" : "groups"}
        <span className="text-stone-700"> (best estimate {totals.peopleBest.toLocaleString("en")})</span>
      </p>
      <p className="text-xs text-stone-700">Filter: {filterText}.</p>
      <p className="text-xs text-stone-600">{COUNTING_RULE}</p>
    </section>
  );
}
