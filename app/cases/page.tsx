import type { Metadata } from "next";
import { termFilterOptions } from "@/lib/data/vocabularies";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { getActor } from "@/lib/auth/session";
import { listOutlets, readCaseQuery, searchCases } from "@/lib/data/case-search";
import { listContactOptions } from "@/lib/data/contacts";
import { can } from "@/lib/auth/permissions";
import { describeFilter, filterToQuery, UI_PAGE_SIZE } from "@/lib/validations/case-filter";
import { FilterForm } from "@/components/timeline/filter-form";
import { ResultsTable } from "@/components/timeline/results-table";
import { TotalsLine } from "@/components/timeline/totals";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cases" };

/** The case list, most recent first, with the timeline's filters (same URL parameters). */
export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await getActor();
  const raw = await searchParams;
  const query = readCaseQuery(actor, raw);
  // Most recent first unless another order was chosen.
  const sort = query.ok && raw.sort ? query.listing.sort : "-date";
  const [outlets, contacts, result, terms] = await Promise.all([
    listOutlets(actor),
    can(actor, "read:advocacy:any") ? listContactOptions(actor) : Promise.resolve(undefined),
    query.ok ? searchCases(actor, query.filter, { sort, page: query.listing.page, pageSize: UI_PAGE_SIZE }) : null,
    termFilterOptions(await getLocale()),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-semibold">Cases</h1>
        {can(actor, "create:case:any") && (
          <Link href="/cases/new" className="rounded bg-stone-900 px-3 py-1 text-sm font-medium text-white">
            Log a case
          </Link>
        )}
        {can(actor, "create:case:any") && (
          <Link href="/cases/log" className="rounded border border-stone-900 px-3 py-1 text-sm font-medium">
            Log an arrest in one pass
          </Link>
        )}
        {can(actor, "create:case:any") && (
          <Link href="/cases/from-report" className="rounded border border-stone-900 px-3 py-1 text-sm font-medium">
            New from report
          </Link>
        )}
        {can(actor, "archive:case:any") && (
          <Link href="/cases/archived" className="text-sm underline">
            Archived cases
          </Link>
        )}
      </div>
      <p className="text-sm text-stone-700">
        {actor ? "The cases you may see." : "Published cases."} Each case is one group of people caught together.
        {query.ok && (
          <>
            {" "}
            <Link
              href={`/timeline${filterToQuery(query.filter) ? `?${filterToQuery(query.filter)}` : ""}`}
              className="underline"
            >
              Chart and export these on the timeline
            </Link>
            .
          </>
        )}
      </p>
      <details open={Object.keys(raw).some((k) => k !== "page" && k !== "sort") || !query.ok}>
        <summary className="cursor-pointer text-sm font-medium">Filters</summary>
        <div className="mt-2">
          <FilterForm
            action="/cases"
            raw={raw}
            errors={query.ok ? {} : query.errors}
            outlets={outlets}
            contacts={contacts}
            terms={terms}
            sort={raw.sort ? sort : undefined}
          />
        </div>
      </details>
      {query.ok && result && (
        <>
          <TotalsLine totals={result.totals} filterText={describeFilter(query.filter)} />
          <ResultsTable
            path="/cases"
            filter={query.filter}
            items={result.items}
            sort={sort}
            page={result.page}
            pageCount={result.pageCount}
            showVisibility={Boolean(actor)}
            defaultSort="-date"
          />
        </>
      )}
    </div>
  );
}
