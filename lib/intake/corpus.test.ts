/**
 * The extractor measured on the report corpus (fixtures/intake/, see its README) must not get worse:
 * every figure of every set on disk is compared with fixtures/intake/baseline.json, with no slack (the
 * extractor is deterministic). A set on disk without a baseline entry fails; a set missing from disk is
 * named in the test title rather than passed silently.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baselineFigures, evaluateCorpus, FIGURE_LABELS, SETS } from "@/lib/intake/corpus-eval";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "fixtures", "intake");
const baseline = JSON.parse(readFileSync(path.join(ROOT, "baseline.json"), "utf8")) as Record<
  string,
  Record<string, number> | string
>;
const { sets, missing } = evaluateCorpus(ROOT);

describe(`intake corpus against the committed baseline (sets on disk: ${
  Object.keys(sets)
    .filter((s) => s !== "all")
    .join(", ") || "none"
}; missing: ${missing.join(", ") || "none"})`, () => {
  it("finds at least one set of reports", () => {
    expect(Object.keys(sets).filter((s) => s !== "all").length).toBeGreaterThan(0);
  });

  for (const set of SETS) {
    if (missing.includes(set)) {
      it.skip(`set '${set}' is missing from disk (fixtures/intake/${set}/): not measured`, () => {});
      continue;
    }
    it(`set '${set}' has a baseline entry and no figure below it`, () => {
      const pinned = baseline[set];
      expect(pinned, `fixtures/intake/baseline.json has no entry for the '${set}' set`).toBeTypeOf("object");
      const now = baselineFigures(sets[set]);
      for (const [key, value] of Object.entries(pinned as Record<string, number>)) {
        expect(now[key], `${set}: ${FIGURE_LABELS[key as keyof typeof FIGURE_LABELS] ?? key}`).toBeGreaterThanOrEqual(
          value,
        );
      }
    });
  }
});
