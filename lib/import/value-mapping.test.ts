import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { CaseStatus } from "@/lib/generated/prisma/enums";
import { guessMapping } from "@/lib/import/mapping";
import { convertRow } from "@/lib/import/rows";
import {
  collectUnmatched,
  mappedValue,
  splitJobMapping,
  splitSavedColumns,
  valueKey,
  VALUES_KEY,
  type ValueMappings,
} from "@/lib/import/value-mapping";
import { parseValueMappings, valueMappingsFromForm } from "@/lib/validations/import";

const RUNS = { numRuns: Math.max(100, readEnv().FUZZ_RUNS), seed: readEnv().FUZZ_SEED };
const headers = ["title", "place", "size", "status"];
const mapping = guessMapping(headers);
const row = (cells: string[], values?: ValueMappings) => convertRow(headers, mapping, { line: 2, cells }, values);
const TUMEN = { country: "CN", province: "Jilin", cityArea: "Tumen" };
const mapped: ValueMappings = { status: { "taken back": "REPATRIATED" }, place: { "tumen crossing": TUMEN } };

describe("value mappings", () => {
  it("refuse an unknown status and place with their reasons, and list them", () => {
    const out = row(["A group", "Tumen crossing", "12", "taken back"]);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toEqual([
      expect.stringMatching(/^row 2, column place: 'Tumen crossing' is not a place the gazetteer knows/),
      expect.stringMatching(/^row 2, column status: 'taken back' is not a status this project knows/),
    ]);
    expect(out.unmatched).toEqual([
      { column: "place", value: "Tumen crossing" },
      { column: "status", value: "taken back" },
    ]);
  });

  it("turn the mapped values into the vocabulary's, whatever the cell's case and spacing", () => {
    const out = row(["A group", " TUMEN   crossing", "12", "Taken Back"], mapped);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.status).toBe("REPATRIATED");
    expect(out.value.input).toMatchObject({ country: "CN", province: "Jilin", cityArea: "Tumen" });
    // Still listed, so the user sees (and can change) what they mapped.
    expect(out.unmatched?.map((u) => u.column)).toEqual(["place", "status"]);
  });

  it("leave a recognised value alone and an unmapped one refused", () => {
    const known = row(["A group", "Yanji", "12", "detained"], { status: { detained: "DIED" }, place: {} });
    expect(known.ok && known.value.status).toBe("REPORTED_DETAINED");
    const other = row(["A group", "Yanji", "12", "taken away"], mapped);
    expect(other.ok).toBe(false);
  });

  it("count the rows of each distinct value, most first", () => {
    const rows = ["taken back", "Taken back", "gone"].map((value) => ({
      unmatched: [{ column: "status" as const, value }],
    }));
    expect(collectUnmatched(rows)).toEqual({
      status: {
        values: [
          { value: "taken back", key: "taken back", rows: 2 },
          { value: "gone", key: "gone", rows: 1 },
        ],
        distinct: 2,
      },
      place: { values: [], distinct: 0 },
    });
  });

  it("never map a value the user did not map, and never throw", () => {
    const status = fc.constantFrom(...Object.values(CaseStatus));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), status), { maxLength: 6 }),
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "toString", "taken back")),
        (pairs, cell) => {
          const values: ValueMappings = {
            status: Object.fromEntries(pairs.map(([k, v]) => [valueKey(k), v])),
            place: {},
          };
          const userMapped = pairs.some(([k]) => valueKey(k) === valueKey(cell));
          const got = mappedValue(values, "status", cell);
          if (!userMapped) expect(got).toBeUndefined();
          else expect(Object.values(CaseStatus)).toContain(got);
          const out = row(["A group", "Yanji", "12", cell], values);
          if (out.ok && out.value.status !== null && !userMapped)
            // Accepted without a mapping: the vocabulary itself knew it (nothing listed to map).
            expect(out.unmatched).toBeUndefined();
          if (!out.ok && cell.trim() !== "")
            expect(userMapped && out.problems.some((p) => p.includes("status"))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it("never throw on whatever a stored mapping holds", () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ maxLength: 12 }), (stored, cell) => {
        const { values } = splitJobMapping(stored);
        expect(() => mappedValue(values, "place", cell)).not.toThrow();
        expect(() => mappedValue(stored as ValueMappings, "status", cell)).not.toThrow();
        expect(() => parseValueMappings(stored)).not.toThrow();
      }),
      RUNS,
    );
  });

  it("are checked against the vocabularies, with a sentence", () => {
    expect(parseValueMappings({ status: { "taken back": "REPATRIATED" } })).toEqual({
      ok: true,
      values: { status: { "taken back": "REPATRIATED" }, place: {} },
    });
    expect(parseValueMappings({ status: { "taken back": "SENT_HOME" } })).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^The status value “taken back” is mapped to something that is not one of the project's statuses\..*Nothing was saved or run\.$/,
      ),
    });
    expect(parseValueMappings({ place: { x: { country: "China" } } })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The place value “x” is mapped to a country that is not a two-letter code/),
    });
    expect(parseValueMappings({ place: { x: { country: "cn", province: "", cityArea: "Tumen" } } })).toEqual({
      ok: true,
      values: { status: {}, place: { x: { country: "CN", province: null, cityArea: "Tumen" } } },
    });
  });

  it("come from the form: the carried ones, then each listed value's choice (empty un-maps it)", () => {
    const form = {
      "values-json": JSON.stringify({ status: { gone: "DIED", "taken back": "RELEASED" }, place: {} }),
      "status-value-0": "taken back",
      "status-to-0": "REPATRIATED",
      "status-value-1": "gone",
      "status-to-1": "",
      "place-value-0": "tumen crossing",
      "place-country-0": "CN",
      "place-province-0": "Jilin",
      "place-city-0": "Tumen",
      "place-value-1": "nowhere",
      "place-country-1": "",
    };
    expect(valueMappingsFromForm(form)).toEqual({ ok: true, values: mapped });
    // What was parsed once parses again unchanged (the data layer checks the action's result again).
    const once = valueMappingsFromForm({ "place-value-0": "x", "place-country-0": "cn" });
    expect(once).toEqual({
      ok: true,
      values: { status: {}, place: { x: { country: "CN", province: null, cityArea: null } } },
    });
    expect(once.ok && parseValueMappings(once.values)).toEqual(once);
    expect(valueMappingsFromForm({ "status-value-0": "x", "status-to-0": "NOPE" }).ok).toBe(false);
    expect(valueMappingsFromForm({ "place-value-0": "x", "place-city-0": "Tumen" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("no country"),
    });
    expect(valueMappingsFromForm({ "values-json": "{" }).ok).toBe(false);
  });

  it("load from old and new stored shapes", () => {
    expect(splitSavedColumns({ date: "date", title: "title" })).toEqual({
      columns: { date: "date", title: "title" },
      values: { status: {}, place: {} },
    });
    expect(splitSavedColumns({ title: "title", [VALUES_KEY]: mapped })).toEqual({
      columns: { title: "title" },
      values: mapped,
    });
    // Jobs stored before the matching key existed match by code.
    expect(splitJobMapping(["title", "ignore"])).toEqual({
      columns: ["title", "ignore"],
      values: { status: {}, place: {} },
      matchBy: "code",
    });
    expect(splitJobMapping({ columns: ["title"], values: mapped })).toEqual({
      columns: ["title"],
      values: mapped,
      matchBy: "code",
    });
    expect(splitJobMapping({ columns: ["title"], values: mapped, matchBy: "title" })).toMatchObject({
      matchBy: "title",
    });
    expect(splitJobMapping({ columns: ["title"], matchBy: "__proto__" })).toMatchObject({ matchBy: "code" });
    expect(splitJobMapping(null)).toEqual({ columns: null, values: { status: {}, place: {} }, matchBy: "code" });
  });
});
