/**
 * The timeline's filters, one schema for every place that reads them: the /timeline and /cases
 * pages (from the URL, so views can be bookmarked and cited), the exports and the JSON API (from
 * query parameters). A bad parameter is reported by its name, never a 500.
 */
import { z } from "zod";
import { CaseStatus, EventType, Verification } from "@/lib/generated/prisma/enums";
import { COMPOSITION_GROUPS } from "@/lib/fields/case-composition";
import { isStorableText, RECORD_ID } from "@/lib/validations/fields";
import { TERM_CODE } from "@/lib/fields/vocabulary";

export const SORTS = [
  "date",
  "-date",
  "size",
  "-size",
  "code",
  "-code",
  "place",
  "-place",
  "status",
  "-status",
] as const;
export type Sort = (typeof SORTS)[number];
export const CHART_UNITS = ["week", "month", "year"] as const;
export type ChartUnit = (typeof CHART_UNITS)[number];
export const UI_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Parameter names, in the order links and exports write them. */
export const FILTER_PARAMS = [
  "from",
  "to",
  "exact",
  "type",
  "status",
  "country",
  "province",
  "city",
  "sizeMin",
  "sizeMax",
  "includes",
  "verification",
  "outlet",
  "tag",
  "contact",
  "arrestSetting",
  "arrestingBody",
  "facility",
  "crossing",
  "agency",
  "outcome",
  "q",
  "data",
] as const;

/**
 * The research-field filters (a term's code, repeatable), by the event field they filter: an event
 * of the case must hold one of the terms (a merged term's code finds the term it was merged into).
 * Each is also its field's `term.filterParam` in lib/fields/event.ts (a unit test checks they agree).
 */
export const TERM_FILTERS = {
  arrestSetting: "arrestSettingId",
  arrestingBody: "arrestingBodyId",
  facility: "facilityId",
  crossing: "crossingId",
  agency: "receivingAgencyId",
  outcome: "outcomeId",
} as const;
export type TermFilterParam = keyof typeof TERM_FILTERS;

/**
 * A date as a day, a month or a year ("2012-02-14", "2012-02", "2012"). `from` takes the first day
 * of the period and `to` the last, so "from=2012-02&to=2012-02" is the whole of February.
 */
function period(edge: "start" | "end") {
  return z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Use a year, a month or a day: 2012, 2012-02 or 2012-02-14.")
    .transform((v, ctx) => {
      const [y, m, d] = v.split("-").map(Number);
      const start = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
      const valid =
        start.getUTCFullYear() === y &&
        (m === undefined || start.getUTCMonth() === m - 1) &&
        (d === undefined || start.getUTCDate() === d);
      if (!valid || y < 1900 || y > 2200) {
        ctx.addIssue({ code: "custom", message: "This date does not exist." });
        return z.NEVER;
      }
      if (edge === "start") return start;
      // The last day of the period.
      if (d !== undefined) return start;
      if (m !== undefined) return new Date(Date.UTC(y, m, 0));
      return new Date(Date.UTC(y, 11, 31));
    });
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine(isStorableText, "Contains characters that cannot be searched for (a NUL byte or a broken character).");
const count = z.coerce
  .number({ message: "Use a whole number." })
  .int("Use a whole number.")
  .min(0, "Cannot be negative.")
  .max(1_000_000, "Too large.");
/** Repeatable parameters arrive as one string or several; an empty value means "any". */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== "")),
    z.array(item).max(20, "At most 20 values."),
  );
/** A vocabulary term's code, as links and the API write it. */
const termCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(TERM_CODE, "Use a term's code: lower-case letters, digits and hyphens, e.g. dandong-sinuiju.");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => ((Array.isArray(v) ? v[0] : v) === "" ? undefined : Array.isArray(v) ? v[0] : v),
    schema.optional(),
  );

export const caseFilterSchema = z
  .object({
    from: optional(period("start")),
    to: optional(period("end")),
    /** Only events whose date is known to the day. */
    exact: optional(
      z.enum(["1", "true", "0", "false"], { message: "Use 1 or 0." }).transform((v) => v === "1" || v === "true"),
    ),
    type: many(z.enum(EventType, { message: "Unknown event type." })),
    status: many(z.enum(CaseStatus, { message: "Unknown status." })),
    country: optional(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. CN."),
    ),
    province: optional(text(120)),
    city: optional(text(200)),
    sizeMin: optional(count),
    sizeMax: optional(count),
    /** Groups known to include at least one of each named part (women, children…). */
    includes: many(z.enum(COMPOSITION_GROUPS, { message: `Use ${COMPOSITION_GROUPS.join(", ")}.` })),
    verification: many(z.enum(Verification, { message: "Unknown verification level." })),
    outlet: optional(text(300)),
    tag: many(text(60)),
    /** An advocacy contact's id: only for roles that may see advocacy. */
    contact: optional(z.string().regex(RECORD_ID, "Unknown contact.")),
    arrestSetting: many(termCode),
    arrestingBody: many(termCode),
    facility: many(termCode),
    crossing: many(termCode),
    agency: many(termCode),
    outcome: many(termCode),
    q: optional(text(200)),
    /** Synthetic demo records are left out unless asked for. */
    data: optional(z.enum(["sourced", "all", "synthetic"], { message: "Use sourced, all or synthetic." })).transform(
      (v) => (v === "sourced" ? undefined : v),
    ),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end of the range is before its start." });
    if (f.sizeMin !== undefined && f.sizeMax !== undefined && f.sizeMin > f.sizeMax)
      ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "The largest size is below the smallest." });
  });

export type CaseFilter = z.infer<typeof caseFilterSchema>;

/** How results are listed: not part of what is counted, so kept apart from the filter. */
export const listingSchema = z.object({
  sort: optional(z.enum(SORTS, { message: `Use one of ${SORTS.join(", ")}.` })).transform((v) => v ?? "date"),
  page: optional(
    z.coerce
      .number({ message: "Use a whole number." })
      .int("Use a whole number.")
      .min(1, "Pages start at 1.")
      .max(100_000, "Too large."),
  ).transform((v) => v ?? 1),
  pageSize: optional(
    z.coerce
      .number({ message: "Use a whole number." })
      .int("Use a whole number.")
      .min(1, "At least 1.")
      .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE}.`),
  ).transform((v) => v ?? UI_PAGE_SIZE),
  by: optional(z.enum(CHART_UNITS, { message: "Use week, month or year." })),
});

export type Listing = z.infer<typeof listingSchema>;

export type ParamErrors = Record<string, string>;
type RawParams = Record<string, string | string[] | undefined>;

/** Query parameters as the schema reads them: one string, or several for a repeated name. */
export function paramsFromUrl(search: URLSearchParams): RawParams {
  const out: RawParams = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/**
 * Parameters a caller sent that no one reads: a typo ("form=2012") must not silently widen a
 * scripted query, so the API and exports refuse them by name.
 */
export function unknownParams(search: URLSearchParams, also: readonly string[] = []): ParamErrors {
  const known = new Set<string>([...FILTER_PARAMS, "sort", "page", "pageSize", ...also]);
  const errors: ParamErrors = {};
  for (const key of search.keys())
    if (!known.has(key)) errors[key] = `Unknown parameter. Known: ${[...known].join(", ")}.`;
  return errors;
}

/** Parses filters and listing options; errors are keyed by parameter name. */
export function parseCaseQuery(
  raw: RawParams,
): { ok: true; filter: CaseFilter; listing: Listing } | { ok: false; errors: ParamErrors } {
  const filter = caseFilterSchema.safeParse(raw);
  const listing = listingSchema.safeParse(raw);
  if (filter.success && listing.success) return { ok: true, filter: filter.data, listing: listing.data };
  const errors: ParamErrors = {};
  for (const issue of [...(filter.error?.issues ?? []), ...(listing.error?.issues ?? [])]) {
    const key = String(issue.path[0] ?? "query");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A filter from a fixed query string written in code (e.g. the dashboard's links); throws if it is wrong. */
export function filterFromQuery(query: string): CaseFilter {
  return caseFilterSchema.parse(paramsFromUrl(new URLSearchParams(query)));
}

/**
 * The filter as a canonical query string (fixed parameter order, defaults left out), so the same
 * view always has the same URL: for links, exports, saved views and the API.
 */
export function filterToQuery(
  filter: Partial<CaseFilter>,
  extra: Partial<Record<"sort" | "page" | "by" | "pageSize", string | number>> = {},
): string {
  const q = new URLSearchParams();
  for (const key of FILTER_PARAMS) {
    const value = filter[key];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    if (value instanceof Date) q.append(key, isoDay(value));
    else if (Array.isArray(value)) value.forEach((v) => q.append(key, String(v)));
    else if (value === true) q.append(key, "1");
    else q.append(key, String(value));
  }
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined && value !== "") q.append(key, String(value));
  return q.toString();
}

/** A person-readable statement of the filter, for export headers and page summaries. */
export function describeFilter(filter: CaseFilter): string {
  const parts: string[] = [];
  if (filter.from || filter.to)
    parts.push(
      `an event dated (its uncertain range overlapping) ${filter.from ? `from ${isoDay(filter.from)}` : ""}${filter.from && filter.to ? " " : ""}${filter.to ? `to ${isoDay(filter.to)}` : ""}`,
    );
  if (filter.exact) parts.push("dates known to the day only");
  if (filter.type.length) parts.push(`event type ${filter.type.join(" or ")}`);
  if (filter.status.length) parts.push(`status ${filter.status.join(" or ")}`);
  const place = [filter.city, filter.province, filter.country].filter(Boolean).join(", ");
  if (place) parts.push(`place ${place}`);
  if (filter.sizeMin !== undefined || filter.sizeMax !== undefined)
    parts.push(`group size ${filter.sizeMin ?? 0}–${filter.sizeMax ?? "any"}`);
  if (filter.includes.length) parts.push(`known to include ${filter.includes.join(" and ")}`);
  if (filter.verification.length) parts.push(`verification ${filter.verification.join(" or ")}`);
  if (filter.outlet) parts.push(`source outlet "${filter.outlet}"`);
  if (filter.tag.length) parts.push(`tags ${filter.tag.join(" and ")}`);
  if (filter.contact) parts.push(`advocacy contact ${filter.contact}`);
  const termWords: Record<TermFilterParam, string> = {
    arrestSetting: "arrest setting",
    arrestingBody: "arresting body",
    facility: "detention facility",
    crossing: "handover crossing",
    agency: "receiving agency",
    outcome: "outcome after return",
  };
  for (const param of Object.keys(TERM_FILTERS) as TermFilterParam[])
    if (filter[param].length) parts.push(`${termWords[param]} ${filter[param].join(" or ")}`);
  if (filter.q) parts.push(`text "${filter.q}"`);
  parts.push(
    filter.data === "all"
      ? "sourced and synthetic records"
      : filter.data === "synthetic"
        ? "synthetic demo records only"
        : "sourced records only",
  );
  return parts.join("; ");
}

/** The counting rule, stated wherever totals appear. */
export const COUNTING_RULE =
  'People are counted conservatively: each group adds its minimum reported size ("at least N"); the best estimate is given beside it. A case matches a date filter when the uncertain date range of one of its events overlaps the filter\'s range.';
