import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import {
  chartCases,
  defaultChartUnit,
  listOutlets,
  countCaseComposition,
  readCaseQuery,
  searchCases,
} from "@/lib/data/case-search";
import { listContactOptions } from "@/lib/data/contacts";
import { listSavedViews } from "@/lib/data/saved-views";
import { termFilterOptions } from "@/lib/data/vocabularies";
import { getLocale } from "next-intl/server";
import { SaveViewForm } from "@/components/account/save-view-form";
import { can } from "@/lib/auth/permissions";
import { CHART_UNITS, describeFilter, filterToQuery, UI_PAGE_SIZE } from "@/lib/validations/case-filter";
import { FilterForm } from "@/components/timeline/filter-form";
import { FilterPanel } from "@/components/timeline/filter-panel";
import { ResultsTable } from "@/components/timeline/results-table";
import { TimelineChart } from "@/components/timeline/timeline-chart";
import { TotalsLine } from "@/components/timeline/totals";
import { EXPORT_PROFILES, PROFILE_LABEL } from "@/lib/export/profiles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Timeline" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Filter, count, chart and export the cases a reader may see. The URL holds the whole view. */
export default async function TimelinePage({ searchParams }: Props) {
  const actor = await getActor();
  const t = await getTranslations("timelinePage");
  const raw = await searchParams;
  const query = readCaseQuery(actor, raw);
  const canFilterContacts = can(actor, "read:advocacy:any");
  const locale = await getLocale();
  const formOptions = () =>
    Promise.all([
      listOutlets(actor),
      canFilterContacts ? listContactOptions(actor) : Promise.resolve(undefined),
      termFilterOptions(locale),
    ] as const);
  const form = (
    [outlets, contacts, terms]: Awaited<ReturnType<typeof formOptions>>,
    errors: Record<string, string>,
    listing?: { sort?: string; by?: string; active: number },
  ) => (
    // Results first on a phone (filters behind a button); beside the results from the lg breakpoint.
    <div className="lg:col-start-1 lg:row-start-1">
      <FilterPanel active={listing?.active ?? 0} startOpen={Object.keys(errors).length > 0}>
        <FilterForm
          action="/timeline"
          raw={raw}
          errors={errors}
          outlets={outlets}
          contacts={contacts}
          terms={terms}
          sort={listing?.sort}
          by={listing?.by}
          column
        />
      </FilterPanel>
    </div>
  );

  if (!query.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="lg:grid lg:grid-cols-[19rem_minmax(0,1fr)] lg:gap-6">
          {form(await formOptions(), query.errors)}
        </div>
      </div>
    );
  }
  const { filter, listing } = query;
  const unit = listing.by ?? defaultChartUnit(filter);
  // One URL per view: a submitted form (with its empty fields) lands on the canonical address. This
  // comes before any query: the redirect costs no SQL (npm run bench:http).
  const canonical = filterToQuery(filter, {
    sort: listing.sort === "date" ? undefined : listing.sort,
    page: listing.page > 1 ? listing.page : undefined,
    by: listing.by,
  });
  const given = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) =>
      Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]],
    ),
  ).toString();
  if (given !== canonical) redirect(canonical ? `/timeline?${canonical}` : "/timeline");

  const canSave = can(actor, "manage:saved-view:own");
  const [options, result, composition, cells, savedViews] = await Promise.all([
    formOptions(),
    searchCases(actor, filter, { ...listing, pageSize: UI_PAGE_SIZE }),
    countCaseComposition(actor, filter),
    chartCases(actor, filter, unit),
    canSave ? listSavedViews(actor) : Promise.resolve([]),
  ]);
  const filterQuery = filterToQuery(filter);
  const withFilter = (path: string, extra = "") => `${path}?${[filterQuery, extra].filter(Boolean).join("&")}`;
  const sortParam = listing.sort === "date" ? undefined : listing.sort;
  const activeFilters = new Set(new URLSearchParams(filterQuery).keys()).size;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{t("intro", { signedIn: actor ? "yes" : "no" })}</p>
      </div>
      <div className="space-y-6 lg:grid lg:grid-cols-[19rem_minmax(0,1fr)] lg:grid-rows-[auto_1fr] lg:gap-6 lg:space-y-0">
        {form(options, {}, { sort: sortParam, by: listing.by, active: activeFilters })}
        <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <TotalsLine totals={result.totals} composition={composition} filterText={describeFilter(filter)} />
          <nav aria-label={t("getView")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href={withFilter("/timeline/export", "format=csv")} className="underline" download>
              {t("exportCsv")}
            </a>
            <a href={withFilter("/timeline/export", "format=csv&provenance=header")} className="underline" download>
              {t("exportCsvProvenance")}
            </a>
            <a href={withFilter("/timeline/export", "format=json")} className="underline" download>
              {t("exportJson")}
            </a>
            {EXPORT_PROFILES.map((profile) => (
              <a
                key={profile}
                href={withFilter("/timeline/export", `profile=${profile}`)}
                className="underline"
                download
              >
                {t("exportProfile", { profile: PROFILE_LABEL[profile] })}
              </a>
            ))}
            <Link href={withFilter("/map")} className="underline">
              {t("showOnMap")}
            </Link>
            <a href={withFilter("/api/v1/cases")} className="underline">
              {t("sameInApi")}
            </a>
          </nav>
          <section aria-labelledby="chart-heading" className="space-y-2">
            <div className="flex flex-wrap items-baseline gap-4">
              <h2 id="chart-heading" className="text-lg font-semibold">
                {t("overTime")}
              </h2>
              <nav aria-label={t("chartStep")} className="flex gap-3 text-sm">
                {CHART_UNITS.map((u) => (
                  <Link
                    key={u}
                    href={`/timeline?${filterToQuery(filter, { sort: sortParam, by: u })}`}
                    aria-current={u === unit ? "true" : undefined}
                    className={u === unit ? "font-semibold" : "underline"}
                  >
                    {t("per", { unit: u })}
                  </Link>
                ))}
              </nav>
            </div>
            <TimelineChart cells={cells} unit={unit} />
          </section>
          <section aria-labelledby="results-heading" className="space-y-2">
            <h2 id="results-heading" className="text-lg font-semibold">
              {t("casesHeading", { count: result.totals.groups })}
            </h2>
            <ResultsTable
              path="/timeline"
              filter={filter}
              items={result.items}
              sort={listing.sort}
              page={result.page}
              pageCount={result.pageCount}
              showVisibility={Boolean(actor)}
              by={listing.by}
            />
          </section>
        </div>
        {canSave && (
          <div className="grid gap-3 sm:grid-cols-2 lg:col-start-1 lg:row-start-2 lg:grid-cols-1 lg:self-start">
            <SaveViewForm query={canonical} />
            <nav aria-label={t("savedViews")} className="rounded border border-stone-300 bg-white p-3 text-sm">
              <p className="font-medium">{t("savedViews")}</p>
              {savedViews.length === 0 ? (
                <p className="text-stone-700">{t("noSavedViews")}</p>
              ) : (
                <ul className="list-disc pl-5">
                  {savedViews.slice(0, 10).map((v) => (
                    <li key={v.id}>
                      <Link href={`/timeline${v.query ? `?${v.query}` : ""}`} className="underline">
                        {v.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <Link href="/account#saved-views" className="underline">
                {t("manageSavedViews")}
              </Link>
            </nav>
          </div>
        )}
      </div>
    </div>
  );
}
