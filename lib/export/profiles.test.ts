import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EXPORT_PROFILES,
  mappingFromPreset,
  profileHeaderRows,
  profileOfHeaders,
  profileRow,
  type ProfileCase,
} from "@/lib/export/profiles";
import { mappingProblems } from "@/lib/import/mapping";
import { convertRow } from "@/lib/import/rows";
import { CASE_STATUSES, VERIFICATIONS } from "@/lib/validations/case";

const DAY_MS = 86_400_000;
/** Characters that have broken CSV round trips elsewhere: separators, quotes, formula starts, Korean. */
const tricky = (max: number, newlines = false) =>
  fc
    .array(fc.constantFrom(..."aZ9 =+-@'\"#|:,;~가나", ...(newlines ? ["\n"] : [])), { maxLength: max })
    .map((cs) => cs.join("").trim());
const optional = (max: number) => fc.option(tricky(max).filter(Boolean), { nil: null });
const tag = fc.stringMatching(/^[a-z0-9](?:[a-z0-9 _-]{0,8}[a-z0-9])?$/);

const event = fc
  .record({
    type: fc.constantFrom("ARRESTED", "DETAINED", "REPATRIATED", "OTHER" as const),
    start: fc.integer({ min: 0, max: 12_000 }),
    precision: fc.constantFrom("DAY", "WEEK", "MONTH", "YEAR" as const),
    span: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ type, start, precision, span }) => {
    const dateEarliest = new Date(Date.UTC(1992, 0, 1) + start * DAY_MS);
    const days = precision === "DAY" ? 0 : span;
    return { type, precision, dateEarliest, dateLatest: new Date(dateEarliest.getTime() + days * DAY_MS) };
  });

const someCase: fc.Arbitrary<ProfileCase> = fc
  .record({
    code: fc.integer({ min: 1, max: 9999 }).map((n) => `CN-2012-${String(n).padStart(4, "0")}`),
    title: tricky(40).filter((t) => t.length >= 3),
    summary: tricky(80, true),
    status: fc.constantFrom(...CASE_STATUSES),
    verification: fc.constantFrom(...VERIFICATIONS),
    sizeMin: fc.integer({ min: 1, max: 5000 }),
    extra: fc.integer({ min: 0, max: 50 }),
    hasMax: fc.boolean(),
    hasBest: fc.boolean(),
    sizeWording: optional(30),
    country: fc.constantFrom("CN", "KP", "RU", "KR", "VN"),
    province: optional(30),
    cityArea: optional(30),
    latitude: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: null }),
    longitude: fc.option(fc.double({ min: -180, max: 180, noNaN: true }), { nil: null }),
    tags: fc.uniqueArray(tag, { maxLength: 5 }),
    event: fc.option(event, { nil: null }),
  })
  .map(({ extra, hasMax, hasBest, ...c }) => ({
    ...c,
    sizeMax: hasMax ? c.sizeMin + extra : null,
    sizeBest: hasBest ? c.sizeMin + Math.floor(extra / 2) : null,
    geoPrecision: null,
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    sources: [],
  }));

describe("export profiles", () => {
  for (const profile of EXPORT_PROFILES) {
    it(`${profile}: every exported row reads back, with its preset, as the same case`, () => {
      const headerRows = profileHeaderRows(profile);
      const headers = headerRows[0];
      expect(profileOfHeaders(headers)).toBe(profile);
      const mapping = mappingFromPreset(profile, headers);
      fc.assert(
        fc.property(someCase, (c) => {
          const text = stringify([...headerRows, profileRow(profile, c)], { escape_formulas: true });
          const cells = (parse(text) as string[][]).at(-1)!;
          const out = convertRow(headers, mapping, { line: 2, cells });
          if (!out.ok) throw new Error(out.problems.join("; "));
          const { input, status, event: e, code } = out.value;
          expect(code).toBe(c.code);
          expect(status).toBe(c.status);
          expect({
            title: input.title,
            summary: input.summary,
            verification: input.verification,
            sizeMin: input.sizeMin,
            sizeMax: input.sizeMax ?? null,
            sizeBest: input.sizeBest ?? null,
            sizeWording: input.sizeWording ?? null,
            country: input.country,
            province: input.province ?? null,
            cityArea: input.cityArea ?? null,
            tags: input.tags,
          }).toEqual({
            title: c.title,
            summary: c.summary,
            verification: c.verification,
            sizeMin: c.sizeMin,
            sizeMax: c.sizeMax,
            sizeBest: c.sizeBest,
            sizeWording: c.sizeWording,
            country: c.country,
            province: c.province,
            cityArea: c.cityArea,
            tags: c.tags,
          });
          const day = (d: Date) => d.toISOString().slice(0, 10);
          expect(e && { earliest: e.dateEarliest, latest: e.dateLatest }).toEqual(
            c.event && { earliest: day(c.event.dateEarliest), latest: day(c.event.dateLatest) },
          );
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe("size as separate numbers", () => {
  it("takes a minimum column in place of a size column, but not both", () => {
    const headers = ["title", "people_min", "country"];
    expect(mappingProblems(headers, ["title", "sizeMin", "country"])).toEqual([]);
    expect(mappingProblems([...headers, "size"], ["title", "sizeMin", "country", "size"])).toEqual([
      "Map either a size column or a minimum size column, not both: both give the group size.",
    ]);
  });

  it("refuses a minimum that is not a whole number, naming the column", () => {
    const out = convertRow(["title", "people_min", "country"], ["title", "sizeMin", "country"], {
      line: 7,
      cells: ["Some group", "about 3", "CN"],
    });
    expect(out).toEqual({
      line: 7,
      ok: false,
      problems: ["row 7, column people_min: 'about 3' is not a whole number of people"],
    });
  });
});
