import "server-only";
import { getCaseByCode } from "@/lib/data/cases";
import { readCaseQuery, searchCases, type CaseRow } from "@/lib/data/case-search";
import type { Actor } from "@/lib/auth/permissions";
import { COUNTING_RULE, filterToQuery, paramsFromUrl, unknownParams, type ParamErrors } from "@/lib/validations/case-filter";

/**
 * The read-only JSON API (/api/v1/cases), as plain functions from (actor, query) to a Response so
 * they can be tested without a server. Filters are the timeline's (lib/validations/case-filter.ts)
 * and results come from the same data layer as the pages, so the API and the UI cannot disagree.
 */

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" } });

/** 400 naming the first bad parameter, and listing them all. */
export function badParameters(errors: ParamErrors): Response {
  const [parameter, message] = Object.entries(errors)[0];
  return json({ error: { code: "invalid_parameter", parameter, message, parameters: errors } }, 400);
}

/** A case as the API returns it in lists: what any reader allowed to see the case may see. */
function caseSummary(c: CaseRow, origin: string, signedIn: boolean) {
  return {
    code: c.code,
    url: `${origin}/cases/${c.code}`,
    title: c.title,
    summary: c.summary,
    status: c.status,
    verification: c.verification,
    size: { min: c.sizeMin, best: c.sizeBest, max: c.sizeMax, wording: c.sizeWording },
    place: { country: c.country, province: c.province, city: c.cityArea, latitude: c.latitude, longitude: c.longitude },
    dates: { firstEventEarliest: isoDay(c.firstEventEarliest), lastEventLatest: isoDay(c.lastEventLatest) },
    tags: c.tags,
    synthetic: c.origin === "SYNTHETIC",
    // Whether a case is published is internal knowledge: only signed-in readers (or tokens) get it.
    ...(signedIn ? { visibility: c.visibility } : {}),
  };
}

/** GET /api/v1/cases */
export async function casesApiResponse(actor: Actor, search: URLSearchParams, origin: string): Promise<Response> {
  const unknown = unknownParams(search);
  if (Object.keys(unknown).length) return badParameters(unknown);
  const parsed = readCaseQuery(actor, paramsFromUrl(search));
  if (!parsed.ok) return badParameters(parsed.errors);
  const { filter, listing } = parsed;
  const result = await searchCases(actor, filter, listing);
  const link = (page: number) => `${origin}/api/v1/cases?${filterToQuery(filter, { sort: listing.sort, page, pageSize: listing.pageSize })}`;
  return json({
    data: result.items.map((c) => caseSummary(c, origin, Boolean(actor))),
    meta: {
      page: result.page,
      pageSize: result.pageSize,
      pageCount: result.pageCount,
      groups: result.totals.groups,
      peopleAtLeast: result.totals.peopleAtLeast,
      peopleBest: result.totals.peopleBest,
      countingRule: COUNTING_RULE,
      filter: filterToQuery(filter),
    },
    links: {
      self: link(result.page),
      next: result.page < result.pageCount ? link(result.page + 1) : null,
      prev: result.page > 1 ? link(result.page - 1) : null,
      timeline: `${origin}/timeline?${filterToQuery(filter)}`,
    },
  });
}

/** GET /api/v1/cases/{code}: one case with its events and sources; 404 when it may not be seen. */
export async function caseApiResponse(actor: Actor, code: string, origin: string): Promise<Response> {
  const c = await getCaseByCode(actor, code);
  if (!c) return json({ error: { code: "not_found", message: `No case ${code} that you may see.` } }, 404);
  // Explicit fields: advocacy, people and annotations never leave through the API.
  return json({
    data: {
      ...caseSummary(c, origin, Boolean(actor)),
      events: c.events.map((e) => ({
        type: e.type,
        dateEarliest: isoDay(e.dateEarliest),
        dateLatest: isoDay(e.dateLatest),
        precision: e.precision,
        dateWording: e.dateWording,
        description: e.description,
        place: { country: e.country, province: e.province, city: e.cityArea },
        authority: e.authority,
      })),
      sources: c.sources.map((s) => ({ outlet: s.outlet, title: s.title, author: s.author, url: s.url, publishedAt: isoDay(s.publishedAt), sha256: s.sha256, link: `${origin}/sources/${s.id}` })),
    },
  });
}
