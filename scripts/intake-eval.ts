/**
 * npm run intake:eval [-- --set dev|check] [--json FILE] [--quiet]
 *
 * Runs the report extractor on every report of the corpus (fixtures/intake/dev and
 * fixtures/intake/check; either may be missing on a branch, and the output says so) and prints, per
 * set and for both together, recall and precision per class of fact, then per class of hard case (the
 * README's table), then every miss and every false proposal with the report's file name.
 * `--json FILE` also writes the figures (the shape of fixtures/intake/baseline.json).
 *
 * Matching rules (lib/intake/corpus-eval.ts has them in full):
 * - The extractor is called as the review screen calls it: extractReport(text, { publishedAt }) with
 *   the JSON's publishedAt when it gives one.
 * - A proposed group matches an expected one when its size fits the README notation (exact, at least,
 *   range, {approx: N} = best N inside min..max, vague/unknown = no best figure), its place is
 *   compatible (same country; province and city equal, after the gazetteer's name normalisation,
 *   wherever both give one) and its arrest range (first ARRESTED/DETAINED event) overlaps the expected
 *   one, give or take a day, or either is missing. Expected groups take, in order, the best such
 *   proposal (equal place, then matching date, then nearest).
 * - places: a matched group's place equals the expected one at every level (null where not given);
 *   dates: ranges equal or overlapping by at least half their union (Jaccard ≥ 0.5).
 * - events (not ARRESTED/DETAINED): same type and overlapping range on the matched group; precision
 *   over every proposed event of those types.
 * - A proposed group that is one of the report's aggregates, stated totals or `mustNot` groups (by
 *   size) is a false proposal and named as such; likewise an event of a `mustNot` type. A `mustNot`
 *   with lowConfidenceOk lets a low-confidence proposal pass.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  evaluateCorpus,
  FIGURE_LABELS,
  ratio,
  SETS,
  type ClassFigures,
  type SetSummary,
} from "../lib/intake/corpus-eval.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt("--set");
if (only && !(SETS as readonly string[]).includes(only)) {
  console.error(`Unknown set "${only}": use ${SETS.join(" or ")}.`);
  process.exit(2);
}
const jsonFile = opt("--json");
const quiet = args.includes("--quiet");

const ROOT = path.resolve(import.meta.dirname, "..", "fixtures", "intake");
const { sets, missing } = evaluateCorpus(ROOT, only);
for (const m of missing) console.log(`Set '${m}' is missing: fixtures/intake/${m}/ holds no reports on this branch.`);

const pct = (f: ClassFigures, k: keyof ClassFigures) =>
  `${(ratio(f[k]) * 100).toFixed(1).padStart(5)}% (${f[k].found}/${f[k].of})`;
const KEYS = Object.keys(FIGURE_LABELS) as (keyof ClassFigures)[];
const CLASS_KEYS: (keyof ClassFigures)[] = [
  "groupsRecall",
  "groupsPrecision",
  "eventsRecall",
  "placesRecall",
  "datesRecall",
];

function print(name: string, s: SetSummary) {
  console.log(`\n=== ${name}: ${s.reports} reports ===`);
  for (const k of KEYS) console.log(`  ${FIGURE_LABELS[k].padEnd(18)} ${pct(s.overall, k)}`);
  console.log(`  per class of hard case (${CLASS_KEYS.map((k) => FIGURE_LABELS[k]).join(" | ")}):`);
  for (const [c, f] of Object.entries(s.byClass).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`    ${c.padEnd(24)} ${CLASS_KEYS.map((k) => pct(f, k)).join(" | ")}`);
  }
}

for (const [name, s] of Object.entries(sets)) print(name, s);

if (!quiet) {
  for (const [name, s] of Object.entries(sets)) {
    if (name === "all") continue;
    const findings = s.results.flatMap((r) => r.findings);
    console.log(
      `\n--- ${name}: ${findings.filter((f) => f.kind === "miss").length} misses, ${findings.filter((f) => f.kind === "false").length} false proposals ---`,
    );
    for (const f of findings) console.log(`  ${f.kind === "miss" ? "MISS " : "FALSE"} ${f.file}: ${f.what}`);
  }
}

if (jsonFile) {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, s] of Object.entries(sets))
    out[name] = Object.fromEntries(KEYS.map((k) => [k, ratio(s.overall[k])]));
  writeFileSync(jsonFile, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nFigures written to ${jsonFile}.`);
}
