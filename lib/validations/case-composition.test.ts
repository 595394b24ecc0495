import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createCaseSchema } from "@/lib/validations/case";
import { COMPOSITION_GROUPS } from "@/lib/fields/case-composition";

const base = { title: "A group", country: "CN", verification: "POSSIBLE", priority: "NORMAL", visibility: "INTERNAL" };
// Mostly empty parts, as in real records, so that many generated cases are valid and checked.
const maybe = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined, freq: 1 });
const part = fc.record({ min: maybe, best: maybe, max: maybe });

describe("a group's composition", () => {
  it("whatever is entered, an accepted case has parts that fit inside the group", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        fc.record(Object.fromEntries(COMPOSITION_GROUPS.map((g) => [g, part]))),
        (sizeMin, sizeMax, parts) => {
          const raw: Record<string, string> = { ...base, sizeMin: String(sizeMin) };
          if (sizeMax !== undefined) raw.sizeMax = String(sizeMax);
          for (const [g, p] of Object.entries(parts))
            for (const [k, v] of Object.entries(p as Record<string, number | undefined>))
              if (v !== undefined) raw[`${g}${k[0].toUpperCase()}${k.slice(1)}`] = String(v);
          const r = createCaseSchema.safeParse(raw);
          if (!r.success) return;
          accepted++;
          const v = r.data as unknown as Record<string, number | undefined>;
          const atMost = v.sizeMax ?? Math.max(v.sizeMin as number, v.sizeBest ?? 0);
          const min = (g: string) => v[`${g}Min`] ?? 0;
          for (const g of COMPOSITION_GROUPS) {
            expect(min(g)).toBeLessThanOrEqual(atMost);
            if (v[`${g}Max`] !== undefined) expect(v[`${g}Max`]).toBeGreaterThanOrEqual(min(g));
            const best = v[`${g}Best`];
            if (best !== undefined) {
              expect(best).toBeGreaterThanOrEqual(min(g));
              expect(best).toBeLessThanOrEqual(v[`${g}Max`] ?? Infinity);
            }
          }
          expect(min("women") + min("men") + min("children")).toBeLessThanOrEqual(atMost);
          expect(min("infants")).toBeLessThanOrEqual(v.childrenMax ?? atMost);
          expect(min("pregnant")).toBeLessThanOrEqual(v.womenMax ?? atMost);
        },
      ),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(25);
  });

  it("accepts parts that fit, and names the field of one that does not", () => {
    const ok = createCaseSchema.safeParse({ ...base, sizeMin: "10", womenMin: "3", childrenMin: "2", infantsMin: "1" });
    expect(ok.success).toBe(true);
    const tooMany = createCaseSchema.safeParse({ ...base, sizeMin: "10", sizeMax: "10", womenMin: "6", menMin: "5" });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues.map((i) => i.path[0])).toContain("womenMin");
    const infants = createCaseSchema.safeParse({ ...base, sizeMin: "10", childrenMax: "2", infantsMin: "3" });
    expect(infants.error?.issues.map((i) => i.path[0])).toEqual(["infantsMin"]);
    const reversed = createCaseSchema.safeParse({ ...base, sizeMin: "10", womenMin: "4", womenMax: "2" });
    expect(reversed.error?.issues.map((i) => i.path[0])).toEqual(["womenMax"]);
  });
});
