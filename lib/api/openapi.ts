import { CaseStatus, EventType, Verification } from "@/lib/generated/prisma/enums";
import { COMPOSITION_GROUPS } from "@/lib/fields/case-composition";
import { CASE_FIELDS } from "@/lib/fields/case";
import { apiSchemaProperties } from "@/lib/fields/define";
import { EVENT_FIELDS, termSpec } from "@/lib/fields/event";
import {
  COUNTING_RULE,
  MAX_PAGE_SIZE,
  SORTS,
  TERM_FILTERS,
  UI_PAGE_SIZE,
  type TermFilterParam,
} from "@/lib/validations/case-filter";

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Parameter lists and enum
 * values come from the same constants the server validates with, and the Case and event objects
 * from the field tables the API builds them with, so the document cannot drift from the code.
 */
const many = (description: string, values: readonly string[]) => ({
  in: "query",
  required: false,
  style: "form",
  explode: true,
  description: `${description} Repeat the parameter for several values (any of them matches).`,
  schema: { type: "array", items: { type: "string", enum: [...values] } },
});
const one = (description: string, schema: Record<string, unknown> = { type: "string" }) => ({
  in: "query",
  required: false,
  description,
  schema,
});
const period = "A year (2012), a month (2012-02) or a day (2012-02-14).";

const FILTER_PARAMETERS = [
  {
    name: "from",
    ...one(`Cases with an event whose uncertain date range ends on or after the start of this period. ${period}`, {
      type: "string",
      pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
    }),
  },
  {
    name: "to",
    ...one(`Cases with an event whose uncertain date range starts on or before the end of this period. ${period}`, {
      type: "string",
      pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
    }),
  },
  {
    name: "exact",
    ...one("1: only events whose date is known to the day.", { type: "string", enum: ["1", "0", "true", "false"] }),
  },
  {
    name: "type",
    ...many("Event type (combined with the date filter: the same event must match both).", Object.values(EventType)),
  },
  { name: "status", ...many("Current status of the case.", Object.values(CaseStatus)) },
  { name: "country", ...one("Two-letter country code, e.g. CN.", { type: "string", pattern: "^[A-Za-z]{2}$" }) },
  { name: "province", ...one("Province, case-insensitive exact match.", { type: "string", maxLength: 120 }) },
  { name: "city", ...one("City or area, case-insensitive exact match.", { type: "string", maxLength: 200 }) },
  {
    name: "sizeMin",
    ...one("Smallest group size (the group's minimum reported size).", { type: "integer", minimum: 0 }),
  },
  {
    name: "sizeMax",
    ...one("Largest group size (the group's minimum reported size).", { type: "integer", minimum: 0 }),
  },
  {
    name: "includes",
    ...many(
      "Groups known to include at least one of these (from the case's composition or its recorded individuals); repeat to require several.",
      [...COMPOSITION_GROUPS],
    ),
  },
  { name: "verification", ...many("Verification level.", Object.values(Verification)) },
  { name: "outlet", ...one("Outlet of a source quoted on the case, exact match.", { type: "string", maxLength: 300 }) },
  {
    name: "tag",
    in: "query",
    required: false,
    style: "form",
    explode: true,
    description: "Tag; repeat for several (all must be present).",
    schema: { type: "array", items: { type: "string", maxLength: 60 } },
  },
  { name: "contact", ...one("Advocacy contact id. Only for editors and above; others get 400.", { type: "string" }) },
  ...(Object.keys(TERM_FILTERS) as TermFilterParam[]).map((name) => ({
    name,
    in: "query",
    required: false,
    style: "form",
    explode: true,
    description: `Code of a ${termSpec(TERM_FILTERS[name]).vocabulary} vocabulary term (e.g. crossing=dandong-sinuiju); repeat for several (any may match). Combined with the date and type filters: the same event must match. A merged term's code finds the term it was merged into.`,
    schema: { type: "array", items: { type: "string", pattern: "^[a-z0-9-]{1,80}$" } },
  })),
  {
    name: "q",
    ...one(
      'Full-text search over titles, summaries and the text of quoted sources (web-search syntax: words, "phrases", -excluded).',
      { type: "string", maxLength: 200 },
    ),
  },
  {
    name: "data",
    ...one("sourced (default), all, or synthetic: whether clearly labelled synthetic demo records are included.", {
      type: "string",
      enum: ["sourced", "all", "synthetic"],
    }),
  },
];

export function openApiDocument(origin: string) {
  const caseFields = apiSchemaProperties(CASE_FIELDS);
  const error = { $ref: "#/components/schemas/Error" };
  return {
    openapi: "3.1.0",
    info: {
      title: "Refoulement Watch API",
      version: "1.0.0",
      description: `Read-only access to the cases a caller may see. Without a token: published cases, as a visitor sees them. With a researcher's token (created on /account): internal cases too. ${COUNTING_RULE}`,
    },
    servers: [{ url: `${origin}/api/v1` }],
    security: [{}, { bearerToken: [] }],
    paths: {
      "/cases": {
        get: {
          summary: "List cases matching the timeline's filters",
          parameters: [
            ...FILTER_PARAMETERS,
            {
              name: "sort",
              ...one("Order of the results; a leading - reverses it.", {
                type: "string",
                enum: [...SORTS],
                default: "date",
              }),
            },
            { name: "page", ...one("Page number, from 1.", { type: "integer", minimum: 1, default: 1 }) },
            {
              name: "pageSize",
              ...one(`Results per page, at most ${MAX_PAGE_SIZE}.`, {
                type: "integer",
                minimum: 1,
                maximum: MAX_PAGE_SIZE,
                default: UI_PAGE_SIZE,
              }),
            },
          ],
          responses: {
            "200": {
              description: "One page of cases, with totals over all matching cases.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/CaseList" } } },
            },
            "400": {
              description: "A parameter is invalid or unknown; `error.parameter` names it.",
              content: { "application/json": { schema: error } },
            },
            "401": {
              description: "The bearer token is unknown, revoked or malformed.",
              content: { "application/json": { schema: error } },
            },
          },
        },
      },
      "/cases/{code}": {
        get: {
          summary: "One case with its events and sources",
          parameters: [
            { name: "code", in: "path", required: true, schema: { type: "string", example: "CN-2012-0001" } },
          ],
          responses: {
            "200": {
              description: "The case.",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { data: { $ref: "#/components/schemas/CaseDetail" } } },
                },
              },
            },
            "404": {
              description: "No such case, or not one the caller may see.",
              content: { "application/json": { schema: error } },
            },
            "401": { description: "Bad token.", content: { "application/json": { schema: error } } },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A token from /account, e.g. rw_…" },
      },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: {
                code: { type: "string" },
                parameter: { type: "string" },
                message: { type: "string" },
                parameters: { type: "object", additionalProperties: { type: "string" } },
              },
              required: ["code", "message"],
            },
          },
        },
        Case: {
          type: "object",
          properties: {
            code: { type: "string" },
            url: { type: "string", format: "uri" },
            // The case's published fields, from its field table (lib/fields/case.ts), plus what is derived.
            ...caseFields,
            place: {
              ...caseFields.place,
              properties: {
                ...(caseFields.place?.properties as object),
                latitude: { type: ["number", "null"] },
                longitude: { type: ["number", "null"] },
              },
            },
            dates: {
              type: "object",
              properties: {
                firstEventEarliest: { type: ["string", "null"], format: "date" },
                lastEventLatest: { type: ["string", "null"], format: "date" },
              },
            },
            synthetic: { type: "boolean", description: "A clearly labelled synthetic demo record, not sourced data." },
            visibility: {
              type: "string",
              enum: ["PUBLIC", "INTERNAL", "RESTRICTED"],
              description: "Only for signed-in callers (token or session).",
            },
          },
        },
        CaseList: {
          type: "object",
          properties: {
            data: { type: "array", items: { $ref: "#/components/schemas/Case" } },
            meta: {
              type: "object",
              properties: {
                page: { type: "integer" },
                pageSize: { type: "integer" },
                pageCount: { type: "integer" },
                groups: { type: "integer", description: "Matching cases (groups), over all pages." },
                peopleAtLeast: { type: "integer", description: "Sum of each group's minimum size." },
                peopleBest: {
                  type: "integer",
                  description: "Sum of each group's best estimate (its minimum where none is given).",
                },
                countingRule: { type: "string" },
                filter: { type: "string", description: "The filter as a canonical query string." },
              },
            },
            links: {
              type: "object",
              properties: {
                self: { type: "string" },
                next: { type: ["string", "null"] },
                prev: { type: ["string", "null"] },
                timeline: { type: "string" },
              },
            },
          },
        },
        CaseDetail: {
          allOf: [
            { $ref: "#/components/schemas/Case" },
            {
              type: "object",
              properties: {
                events: { type: "array", items: { type: "object", properties: apiSchemaProperties(EVENT_FIELDS) } },
                sources: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      outlet: { type: "string" },
                      title: { type: "string" },
                      author: { type: ["string", "null"] },
                      url: { type: ["string", "null"] },
                      publishedAt: { type: ["string", "null"], format: "date" },
                      sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
                      link: { type: "string" },
                    },
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
}
