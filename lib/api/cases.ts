import "server-only";
import { getCaseByCode } from "@/lib/data/cases";
import { readCaseQuery, searchCases, type CaseRow } from "@/lib/data/case-search";
import type { Actor } from "@/lib/auth/permissions";
import { CASE_FIELDS } from "@/lib/fields/case";
import { toApiObject } from "@/lib/fields/define";
import { EVENT_FIELDS, EVENT_TERM_FIELDS, termRelation } from "@/lib/fields/event";
import {
  COUNTING_RULE,
  filterToQuery,
  paramsFromUrl,
  unknownParams,
  type ParamErrors,
} from "@/lib/validations/case-filter";
import { englishMessage } from "@/lib/i18n/english-message";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * The read-only JSON API (/api/v1/cases), as plain functions from (actor, query) to a Response so
 * they can be tested without a server. Filters are the timeline's (lib/validations/case-filter.ts)
 * and results come from the same data layer as the pages, so the API and the UI cannot disagree.
 */

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" },
  });

/** 400 naming the first bad parameter, and listing them all. */
export function badParameters(errors: ParamErrors): Response {
  const [parameter, message] = Object.entries(errors)[0];
  return json({ error: { code: "invalid_parameter", parameter, message, parameters: errors } }, 400);
}

/**
 * A case as the API (and the JSON export) gives it: its published fields from the field table, placed
 * by their API paths (lib/fields/case.ts), plus what is derived. What any reader allowed to see the
 * case may see; whether a case is published is internal knowledge, for signed-in readers only.
 */
export function caseSummary(c: CaseRow, origin: string, signedIn: boolean) {
  const fields = toApiObject(CASE_FIELDS, c) as { place?: Record<string, unknown> };
  return {
    code: c.code,
    url: `${origin}/cases/${c.code}`,
    ...fields,
    place: { ...fields.place, latitude: c.latitude, longitude: c.longitude },
    dates: { firstEventEarliest: isoDay(c.firstEventEarliest), lastEventLatest: isoDay(c.lastEventLatest) },
    synthetic: c.origin === "SYNTHETIC",
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
  const link = (page: number) =>
    `${origin}/api/v1/cases?${filterToQuery(filter, { sort: listing.sort, page, pageSize: listing.pageSize })}`;
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
export async function caseApiResponse(
  actor: Actor,
  code: string,
  origin: string,
  message: (text: string) => string = englishMessage,
): Promise<Response> {
  const c = await getCaseByCode(actor, code);
  if (!c)
    return json({ error: { code: "not_found", message: message(messageKey("api.caseNotFound", { code })) } }, 404);
  // Explicit fields: advocacy, people and annotations never leave through the API.
  return json({
    data: {
      ...caseSummary(c, origin, Boolean(actor)),
      // Research fields are published as their terms' codes (stable, and what the filters take), not ids.
      events: c.events.map((e) =>
        toApiObject(EVENT_FIELDS, {
          ...e,
          ...Object.fromEntries(EVENT_TERM_FIELDS.map((f) => [f, e[termRelation(f)]?.code ?? null])),
        }),
      ),
      sources: c.sources.map((s) => ({
        outlet: s.outlet,
        title: s.title,
        author: s.author,
        url: s.url,
        publishedAt: isoDay(s.publishedAt),
        sha256: s.sha256,
        link: `${origin}/sources/${s.id}`,
      })),
    },
  });
}
