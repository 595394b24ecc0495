import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_FIELDS, EVENT_TERM_FIELDS, termFieldsFor, termSpec } from "@/lib/fields/event";
import { EVENT_TYPES, addEventSchema } from "@/lib/validations/event";
import { TERM_FILTERS, caseFilterSchema, filterToQuery, paramsFromUrl } from "@/lib/validations/case-filter";
import { TERM_CODE } from "@/lib/fields/vocabulary";
import { addTermSchema, mergeTermsSchema } from "@/lib/validations/vocabulary";

const id = fc.stringMatching(/^[a-z0-9]{25}$/);
const code = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);

describe("research fields on events", () => {
  it("an event takes a term only in the fields its type has; any other is refused by name", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), fc.subarray([...EVENT_TERM_FIELDS]), id, (type, fields, termId) => {
        const input = {
          caseCode: "CN-2012-0001",
          type,
          dateEarliest: "2013-03-01",
          precision: "DAY",
          ...Object.fromEntries(fields.map((f) => [f, termId])),
        };
        const result = addEventSchema.safeParse(input);
        const stray = fields.filter((f) => !termFieldsFor(type).includes(f));
        expect(result.success).toBe(stray.length === 0);
        if (!result.success) expect(result.error.issues.map((i) => i.path[0]).sort()).toEqual([...stray].sort());
        else for (const f of fields) expect(result.data[f]).toBe(termId);
      }),
    );
  });

  it("a blank choice is no term; anything but a record id is refused", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const r = addEventSchema.safeParse({
          caseCode: "CN-2012-0001",
          type: "REPATRIATED",
          dateEarliest: "2013-03-01",
          precision: "DAY",
          crossingId: value,
        });
        if (value.trim() === "") expect(r.success && r.data.crossingId).toBe(undefined);
        else expect(r.success).toBe(/^[a-z0-9]{20,40}$/i.test(value));
      }),
    );
  });

  it("each field's filter parameter and API path agree with the case filter", () => {
    for (const [param, field] of Object.entries(TERM_FILTERS)) {
      expect(termSpec(field).filterParam).toBe(param);
      expect(EVENT_FIELDS.fields[field].api?.path).toMatch(/^research\./);
    }
    expect(Object.values(TERM_FILTERS).sort()).toEqual([...EVENT_TERM_FIELDS].sort());
  });
});

describe("term filters", () => {
  it("codes round-trip through the URL, lower-cased; anything else is refused by parameter name", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(TERM_FILTERS) as (keyof typeof TERM_FILTERS)[])),
        fc.array(fc.oneof(code, fc.string({ maxLength: 30 })), { maxLength: 4 }),
        (param, values) => {
          const search = new URLSearchParams(values.map((v) => [param, v]));
          const parsed = caseFilterSchema.safeParse(paramsFromUrl(search));
          const given = values.filter((v) => v !== "");
          const valid = given.every((v) => TERM_CODE.test(v.trim().toLowerCase()));
          expect(parsed.success).toBe(valid);
          if (parsed.success) {
            expect(parsed.data[param]).toEqual(given.map((v) => v.trim().toLowerCase()));
            const again = caseFilterSchema.parse(paramsFromUrl(new URLSearchParams(filterToQuery(parsed.data))));
            expect(again[param]).toEqual(parsed.data[param]);
          } else expect(parsed.error.issues.every((i) => i.path[0] === param)).toBe(true);
        },
      ),
    );
  });
});

describe("term forms", () => {
  it("a term's code is lower-case letters, digits and inner hyphens; coordinates come in pairs", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 90 }),
        fc.option(fc.double({ min: -90, max: 90, noNaN: true })),
        fc.option(fc.double({ min: -180, max: 180, noNaN: true })),
        (c, lat, lng) => {
          const r = addTermSchema.safeParse({
            vocabulary: "DETENTION_FACILITY",
            code: c,
            labelEn: "A facility",
            latitude: lat === null ? "" : String(lat),
            longitude: lng === null ? "" : String(lng),
          });
          const codeOk = TERM_CODE.test(c.trim().toLowerCase());
          expect(r.success).toBe(codeOk && (lat === null) === (lng === null));
        },
      ),
    );
  });

  it("a term cannot be merged into itself", () => {
    fc.assert(
      fc.property(id, (t) => {
        expect(mergeTermsSchema.safeParse({ termId: t, intoId: t }).success).toBe(false);
      }),
    );
  });
});
