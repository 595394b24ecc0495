/**
 * The requests `npm run bench:http` drives, each with the data-layer calls its page or route makes,
 * in the same order (what runs in parallel there runs in parallel here), so the bench can time a
 * request's SQL without the server around it. Keep these in step with the pages they name.
 * Imported only once DATABASE_URL points at the bench database.
 */
import type { Actor } from "../../lib/auth/permissions.ts";
import { can } from "../../lib/auth/permissions.ts";
import { getCaseByCode } from "../../lib/data/cases.ts";
import {
  chartCases,
  countByPlace,
  defaultChartUnit,
  listOutlets,
  listRecentlyUpdated,
  readCaseQuery,
  searchCases,
} from "../../lib/data/case-search.ts";
import { getDashboardFigures, listStatSeries } from "../../lib/data/dashboard.ts";
import { listAnnotationsForCase } from "../../lib/data/annotations.ts";
import { listPeopleForCase } from "../../lib/data/people.ts";
import { listSavedViews } from "../../lib/data/saved-views.ts";
import { paramsFromUrl, UI_PAGE_SIZE } from "../../lib/validations/case-filter.ts";

export type BenchRequest = { label: string; path: string; sql: ((actor: Actor) => Promise<unknown>) | null };

function query(actor: Actor, qs: string) {
  const parsed = readCaseQuery(actor, paramsFromUrl(new URLSearchParams(qs)));
  if (!parsed.ok) throw new Error(`Bad bench query "${qs}": ${JSON.stringify(parsed.errors)}`);
  return parsed;
}

/** app/api/v1/cases/route.ts (lib/api/cases.ts): one page and its totals. */
const apiList = (qs: string) => async (actor: Actor) => {
  const { filter, listing } = query(actor, qs);
  return searchCases(actor, filter, listing);
};

/** app/timeline/page.tsx: the page, its chart and (signed in) the saved views. */
const timeline = (qs: string) => async (actor: Actor) => {
  const { filter, listing } = query(actor, qs);
  return Promise.all([
    listOutlets(actor),
    searchCases(actor, filter, { ...listing, pageSize: UI_PAGE_SIZE }),
    chartCases(actor, filter, listing.by ?? defaultChartUnit(filter)),
    can(actor, "manage:saved-view:own") ? listSavedViews(actor) : null,
  ]);
};

export function pageSql(code: string, commonWord: string): BenchRequest[] {
  return [
    {
      label: "API list, one month",
      path: "/api/v1/cases?from=2012-02-01&to=2012-02-29",
      sql: apiList("from=2012-02-01&to=2012-02-29"),
    },
    { label: "API list, no filter", path: "/api/v1/cases", sql: apiList("") },
    {
      label: `API list, q=${commonWord} (common word)`,
      path: `/api/v1/cases?q=${commonWord}`,
      sql: apiList(`q=${commonWord}`),
    },
    { label: "API one case", path: `/api/v1/cases/${code}`, sql: (actor) => getCaseByCode(actor, code) },
    {
      label: "Timeline redirect to the canonical URL",
      path: "/timeline?from=2012-02&to=2012-02",
      // Nothing: the page redirects before any query.
      sql: null,
    },
    {
      label: "Timeline, one month",
      path: "/timeline?from=2012-02-01&to=2012-02-29",
      sql: timeline("from=2012-02-01&to=2012-02-29"),
    },
    { label: "Timeline, no filter", path: "/timeline", sql: timeline("") },
    {
      label: "Dashboard",
      path: "/",
      sql: (actor) => Promise.all([getDashboardFigures(actor), listStatSeries(), listRecentlyUpdated(actor, 5)]),
    },
    { label: "Map", path: "/map", sql: (actor) => countByPlace(actor, query(actor, "").filter) },
    {
      label: "Cases",
      path: "/cases",
      sql: async (actor) => {
        const { filter, listing } = query(actor, "");
        return Promise.all([
          listOutlets(actor),
          searchCases(actor, filter, { sort: "-date", page: listing.page, pageSize: UI_PAGE_SIZE }),
        ]);
      },
    },
    {
      label: "Case page",
      path: `/cases/${code}`,
      sql: async (actor) => {
        const c = await getCaseByCode(actor, code); // once: generateMetadata and the page share it (cache())
        if (!c) throw new Error(`Case ${code} not visible`);
        return Promise.all([listAnnotationsForCase(actor, c.id), listPeopleForCase(actor, c.code)]);
      },
    },
  ];
}
