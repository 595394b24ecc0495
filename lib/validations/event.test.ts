import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addEventSchema, latestForPrecision, updateEventSchema } from "@/lib/validations/event";
import { intakeEventSchema } from "@/lib/validations/intake";

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Any calendar day from 1900 to the end of 2025 (past days, which every event form accepts). */
const pastDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => iso(d));
const precision = fc.constantFrom("DAY", "WEEK", "MONTH", "YEAR" as const);

describe("latestForPrecision", () => {
  it("DAY is that day, WEEK seven days, MONTH the month's end, YEAR the year's end", () => {
    fc.assert(
      fc.property(pastDay, (start) => {
        expect(latestForPrecision("DAY", start)).toBe(start);
        expect(at(latestForPrecision("WEEK", start)).getTime() - at(start).getTime()).toBe(6 * DAY_MS);
        const monthEnd = latestForPrecision("MONTH", start);
        expect(monthEnd.slice(0, 7)).toBe(start.slice(0, 7));
        // The day after the month's end is the first of the next month.
        expect(iso(new Date(at(monthEnd).getTime() + DAY_MS)).slice(8)).toBe("01");
        expect(latestForPrecision("YEAR", start)).toBe(`${start.slice(0, 4)}-12-31`);
      }),
    );
  });

  it("never ends before it starts, and every day of the implied range lies in the same period", () => {
    fc.assert(
      fc.property(pastDay, precision, (start, p) => {
        const end = latestForPrecision(p, start);
        expect(end >= start).toBe(true);
        if (p === "MONTH") expect(end.slice(0, 7)).toBe(start.slice(0, 7));
        if (p === "YEAR") expect(end.slice(0, 4)).toBe(start.slice(0, 4));
      }),
    );
  });

  it.each([
    ["MONTH", "2013-03-01", "2013-03-31"],
    ["MONTH", "2012-02-10", "2012-02-29"],
    ["MONTH", "2013-02-01", "2013-02-28"],
    ["MONTH", "2013-12-05", "2013-12-31"],
    ["YEAR", "2013-01-01", "2013-12-31"],
    ["WEEK", "2013-12-29", "2014-01-04"],
    ["YEAR", "0050-06-01", "0050-12-31"],
    ["WEEK", "9999-12-30", "9999-12-31"],
  ] as const)("%s from %s ends on %s", (p, start, end) => {
    expect(latestForPrecision(p, start)).toBe(end);
  });
});

describe("every event schema fills the range from the precision unless the end is given", () => {
  const base = { caseCode: "CN-2013-0001", type: "ARRESTED", dateWording: "", description: "" };
  const schemas = {
    add: (v: object) => addEventSchema.safeParse({ ...base, ...v }),
    edit: (v: object) => updateEventSchema.safeParse({ ...base, eventId: "c".repeat(25), version: "1", ...v }),
    intake: (v: object) => intakeEventSchema.safeParse({ ...base, ...v }),
  };

  it.each(Object.entries(schemas))("%s: a start date alone takes the precision's range", (_, parse) => {
    fc.assert(
      fc.property(pastDay, precision, (start, p) => {
        const parsed = parse({ dateEarliest: start, dateLatest: "", precision: p });
        expect(parsed.success).toBe(true);
        expect(parsed.data?.dateLatest).toBe(latestForPrecision(p, start));
      }),
    );
  });

  it.each(Object.entries(schemas))("%s: an end the user gives is kept", (_, parse) => {
    fc.assert(
      fc.property(
        pastDay,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom("WEEK", "MONTH", "YEAR" as const),
        (start, days, p) => {
          const end = iso(new Date(at(start).getTime() + days * DAY_MS));
          const parsed = parse({ dateEarliest: start, dateLatest: end, precision: p });
          expect(parsed.success).toBe(true);
          expect(parsed.data?.dateLatest).toBe(end);
        },
      ),
    );
  });
});
