import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnsByHeader, guessMapping, IMPORT_TARGETS, mappingFromColumns, normalizeHeader } from "./mapping";

const TARGETS = IMPORT_TARGETS.filter((t) => t !== "ignore");

describe("saved mappings", () => {
  it("give back the same mapping for the same headers, whatever their case and spacing", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 15,
          selector: normalizeHeader,
        }),
        fc.infiniteStream(fc.constantFrom(...IMPORT_TARGETS)),
        (headers, stream) => {
          fc.pre(headers.every((h) => normalizeHeader(h) !== ""));
          const used = new Set<string>();
          const mapping = headers.map(() => {
            const t = stream.next().value;
            if (t === "ignore" || used.has(t)) return "ignore" as const;
            used.add(t);
            return t;
          });
          const columns = columnsByHeader(headers, mapping);
          expect(mappingFromColumns(headers, columns)).toEqual(mapping);
          const respelled = headers.map((h) => ` ${h.toUpperCase()} `);
          fc.pre(respelled.every((h, i) => normalizeHeader(h) === normalizeHeader(headers[i])));
          expect(mappingFromColumns(respelled, columns)).toEqual(mapping);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("ignore the columns a saved mapping does not name, and never use a target twice", () => {
    const columns = columnsByHeader(["제목", "when", "인원"], ["title", "date", "size"]);
    expect(mappingFromColumns(["notes", "제목", "When", "size", "인원"], columns)).toEqual([
      "ignore",
      "title",
      "date",
      "ignore",
      "size",
    ]);
    expect(mappingFromColumns(["a"], { a: "not-a-target" })).toEqual(["ignore"]);
    expect(guessMapping(["title"]).every((t) => TARGETS.includes(t as never))).toBe(true);
  });
});
