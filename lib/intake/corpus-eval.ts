/**
 * Measures the extractor on the report corpus in fixtures/intake/ (see its README for the format).
 * Used by `npm run intake:eval` (scripts/intake-eval.ts) and by the baseline test (corpus.test.ts).
 * Node-only (reads files); never imported by the app.
 *
 * Matching rules (also printed at the top of scripts/intake-eval.ts):
 * - Each report is read exactly as the review screen reads it: extractReport(text, { publishedAt })
 *   with the JSON's publishedAt when it gives one.
 * - A proposed group MATCHES an expected one when
 *     size: per the README notation — exact {min:a,max:a} needs min = max = a; at least {min:a,max:null}
 *       needs min = a and no maximum; a range needs the same min and max; {approx:N} needs best = N with
 *       min ≤ N ≤ max; {vague} needs no best figure; {unknown} needs no best figure and no maximum;
 *     place: compatible — same country, and province / city equal wherever both give one (names compared
 *       after the gazetteer's normalisation: case, accents and punctuation ignored);
 *     arrest date: compatible — the proposed arrest range (the group's first ARRESTED or DETAINED event)
 *       overlaps the expected one, give or take a day, or either is missing.
 *   Expected groups are taken in the report's order; each takes the best compatible unmatched proposal
 *   (equal place first, then matching date, then the nearest in order).
 * - places (recall): an expected group with a place is found when its match has the same country,
 *   province and city (null where the report gives none); an expected event's place likewise.
 * - dates (recall): an expected arrest range (and an expected event's range) is found when the match's
 *   range equals it or overlaps it by at least half of their union (Jaccard ≥ 0.5 in days).
 * - events: other than ARRESTED / DETAINED (the arrest itself, scored under dates). An expected event is
 *   found when its group is matched and the group has an event of the same type whose range overlaps the
 *   expected one (any range when the expected date is null). Precision counts every proposed event of
 *   those types in every proposed group.
 * - status, totals, people, appeals: recall only. A stated total matches by size; a person by name (one
 *   contains the other, case-insensitive); an appeal when its addressee matches (one contains the other,
 *   with "China" = "Beijing" = "Chinese …" and "Seoul" = "South Korea" = "the South Korean government")
 *   and its asker matches or is not given.
 * - False proposals are reported with a reason: a proposed group that is an aggregate, a stated total
 *   or a `mustNot` of the report (by size) is named as such; so is an event of a `mustNot` type. A
 *   `mustNot` with lowConfidenceOk does not count a low-confidence proposal as false.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractReport } from "./extract";
import { normalizeName } from "./gazetteer";
import type { DraftEvent, DraftGroup, Extraction, GroupPlace } from "./types";

// --- the corpus format ------------------------------------------------------------------------------

export type SizeSpec = { min: number; max: number | null } | { approx: number } | { vague: string } | { unknown: true };
type Range = { earliest: string; latest: string } | null;
type PlaceSpec = { country: string; province: string | null; city: string | null } | null;
export type ExpectedEvent = { type: string; earliest: string | null; latest: string | null; place: PlaceSpec };
export type ExpectedGroup = {
  size: SizeSpec;
  place: PlaceSpec;
  arrested: Range;
  status: string;
  events: ExpectedEvent[];
};
export type MustNot = {
  kind: "group" | "event" | "place";
  size?: number;
  type?: string;
  name?: string;
  why: string;
  lowConfidenceOk?: boolean;
};
export type Expected = {
  paraphrases: string;
  language: string;
  outletKind: string;
  publishedAt: string | null;
  classes: string[];
  groups: ExpectedGroup[];
  statedTotals: SizeSpec[];
  aggregates: (SizeSpec & { wording?: string })[];
  people: { name: string; role: string }[];
  appeals: { by: string; to: string }[];
  mustNot: MustNot[];
};
export type CorpusReport = { set: string; file: string; text: string; expected: Expected };

export const SETS = ["dev", "check"] as const;

/** Reports of one set (`fixtures/intake/<set>/NN-slug.txt` + `.json`); null when the folder is missing. */
export function loadSet(root: string, set: string): CorpusReport[] | null {
  const dir = path.join(root, set);
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const json = path.join(dir, f.replace(/\.txt$/, ".json"));
      return {
        set,
        file: `${set}/${f.replace(/\.txt$/, "")}`,
        text: readFileSync(path.join(dir, f), "utf8"),
        expected: JSON.parse(readFileSync(json, "utf8")) as Expected,
      };
    });
}

// --- matching -----------------------------------------------------------------------------------------

type Size = { min: number; max: number | null; best: number | null };

export function sizeMatches(spec: SizeSpec, s: Size): boolean {
  if ("unknown" in spec) return s.best === null && s.max === null;
  if ("vague" in spec) return s.best === null;
  if ("approx" in spec)
    return s.best === spec.approx && s.min <= spec.approx && (s.max === null || spec.approx <= s.max);
  return s.min === spec.min && s.max === spec.max;
}

function describeSpec(spec: SizeSpec): string {
  if ("unknown" in spec) return "unknown size";
  if ("vague" in spec) return spec.vague;
  if ("approx" in spec) return `about ${spec.approx}`;
  return spec.max === null ? `${spec.min}+` : spec.max === spec.min ? `${spec.min}` : `${spec.min}–${spec.max}`;
}
function describeSize(s: Size): string {
  return s.max === null
    ? `${s.min}+`
    : s.max === s.min
      ? `${s.min}`
      : `${s.min}–${s.max}${s.best !== null ? ` (~${s.best})` : ""}`;
}
function describePlace(p: PlaceSpec | GroupPlace | null | undefined): string {
  return p ? [p.city, p.province, p.country].filter(Boolean).join(", ") : "no place";
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  normalizeName(a ?? "") === normalizeName(b ?? "");

function placeCompatible(e: PlaceSpec, p: GroupPlace | null | undefined): boolean {
  if (!e || !p) return true;
  if (e.country !== p.country) return false;
  if (e.province && p.province && !same(e.province, p.province)) return false;
  if (e.city && p.city && !same(e.city, p.city)) return false;
  return true;
}
function placeEqual(e: PlaceSpec, p: GroupPlace | null | undefined): boolean {
  if (!e) return true;
  return !!p && e.country === p.country && same(e.province, p.province) && same(e.city, p.city);
}

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
function overlaps(a: Range, b: Range, slackDays = 0): boolean {
  if (!a || !b) return true;
  return t(a.earliest) - slackDays * DAY <= t(b.latest) && t(b.earliest) - slackDays * DAY <= t(a.latest);
}
function jaccard(a: NonNullable<Range>, b: NonNullable<Range>): number {
  const inter = Math.min(t(a.latest), t(b.latest)) - Math.max(t(a.earliest), t(b.earliest));
  if (inter < 0) return 0;
  const union = Math.max(t(a.latest), t(b.latest)) - Math.min(t(a.earliest), t(b.earliest));
  return (inter / DAY + 1) / (union / DAY + 1);
}
function dateMatch(e: Range, p: Range): boolean {
  if (!e) return true;
  return !!p && jaccard(e, p) >= 0.5;
}

const ARREST = new Set(["ARRESTED", "DETAINED"]);
function arrestOf(g: DraftGroup): Range {
  const e = g.events.find((x) => ARREST.has(x.type));
  return e ? { earliest: e.dateEarliest, latest: e.dateLatest } : null;
}
const eventRange = (e: DraftEvent): Range => ({ earliest: e.dateEarliest, latest: e.dateLatest });
const expRange = (e: ExpectedEvent): Range =>
  e.earliest && e.latest ? { earliest: e.earliest, latest: e.latest } : null;

function mustNotSize(n: number, s: Size): boolean {
  if (s.best === n || s.min === n) return true;
  return s.max !== null && s.min <= n && n <= s.max && s.max - s.min <= n / 2;
}

function totalMatches(spec: SizeSpec, v: { min: number; max: number | null }): boolean {
  if (sizeMatches(spec, { ...v, best: v.min === v.max ? v.min : null })) return true;
  return "approx" in spec && v.min <= spec.approx && v.max !== null && spec.approx <= v.max;
}

const CHINA = /^(?:china|beijing|chinese.*|중국.*|the chinese government)$/i;
const SOUTH_KOREA = /^(?:seoul|south\s+korea(?:n\s+government)?|the\s+south\s+korean\s+government|한국\s*정부|정부)$/i;
function looseName(a: string, b: string): boolean {
  const x = a
    .toLowerCase()
    .replace(/^the\s+/, "")
    .trim();
  const y = b
    .toLowerCase()
    .replace(/^the\s+/, "")
    .trim();
  if (!x || !y) return false;
  if ((CHINA.test(x) && CHINA.test(y)) || (SOUTH_KOREA.test(x) && SOUTH_KOREA.test(y))) return true;
  return x.includes(y) || y.includes(x);
}

// --- scoring --------------------------------------------------------------------------------------------

export type Tally = { found: number; of: number };
export type ClassFigures = {
  groupsRecall: Tally;
  groupsPrecision: Tally;
  eventsRecall: Tally;
  eventsPrecision: Tally;
  placesRecall: Tally;
  datesRecall: Tally;
  statusRecall: Tally;
  totalsRecall: Tally;
  peopleRecall: Tally;
  appealsRecall: Tally;
};
export type Finding = { file: string; kind: "miss" | "false"; what: string };
export type ReportResult = { report: CorpusReport; figures: ClassFigures; findings: Finding[] };

const zero = (): ClassFigures => ({
  groupsRecall: { found: 0, of: 0 },
  groupsPrecision: { found: 0, of: 0 },
  eventsRecall: { found: 0, of: 0 },
  eventsPrecision: { found: 0, of: 0 },
  placesRecall: { found: 0, of: 0 },
  datesRecall: { found: 0, of: 0 },
  statusRecall: { found: 0, of: 0 },
  totalsRecall: { found: 0, of: 0 },
  peopleRecall: { found: 0, of: 0 },
  appealsRecall: { found: 0, of: 0 },
});

export function addFigures(a: ClassFigures, b: ClassFigures): ClassFigures {
  const out = zero();
  for (const k of Object.keys(out) as (keyof ClassFigures)[])
    out[k] = { found: a[k].found + b[k].found, of: a[k].of + b[k].of };
  return out;
}

/** Runs the extractor on one report and scores it against the expected facts. */
export function evaluateReport(report: CorpusReport): ReportResult {
  const x: Extraction = extractReport(
    report.text,
    report.expected.publishedAt ? { publishedAt: report.expected.publishedAt } : {},
  );
  return scoreReport(report, x);
}

type Pair = { e: ExpectedGroup; p: DraftGroup | null };
type Scoring = {
  exp: Expected;
  x: Extraction;
  f: ClassFigures;
  miss: (what: string) => void;
  falsely: (what: string) => void;
};

/** Expected groups take, in order, the best compatible unmatched proposal. */
function matchGroups(exp: Expected, x: Extraction): { pairs: Pair[]; taken: Set<number> } {
  const taken = new Set<number>();
  const pairs = exp.groups.map((e, ei): Pair => {
    let best = -1;
    let bestScore = -Infinity;
    x.groups.forEach((p, pi) => {
      if (taken.has(pi)) return;
      if (
        !sizeMatches(e.size, p.size.value) ||
        !placeCompatible(e.place, p.place?.value) ||
        !overlaps(e.arrested, arrestOf(p), 1)
      )
        return;
      const score =
        (placeEqual(e.place, p.place?.value) ? 4 : 0) +
        (dateMatch(e.arrested, arrestOf(p)) ? 2 : 0) -
        Math.abs(pi - ei) / 100;
      if (score > bestScore) {
        bestScore = score;
        best = pi;
      }
    });
    if (best >= 0) taken.add(best);
    return { e, p: best >= 0 ? x.groups[best] : null };
  });
  return { pairs, taken };
}

function scoreGroups(sc: Scoring, pairs: Pair[], taken: Set<number>): void {
  const { exp, x, f } = sc;
  f.groupsRecall = { found: pairs.filter((p) => p.p).length, of: exp.groups.length };
  f.groupsPrecision = { found: taken.size, of: x.groups.length };
  for (const { e, p } of pairs)
    if (!p)
      sc.miss(
        `group ${describeSpec(e.size)} in ${describePlace(e.place)}${e.arrested ? ` caught ${e.arrested.earliest}..${e.arrested.latest}` : ""}`,
      );
  x.groups.forEach((p, pi) => {
    if (taken.has(pi)) return;
    const s = p.size.value;
    const agg = exp.aggregates.find(
      (a) => sizeMatches(a, s) || ("min" in a && mustNotSize(a.min, s)) || ("approx" in a && mustNotSize(a.approx, s)),
    );
    const tot = exp.statedTotals.find((a) => sizeMatches(a, s));
    const mn = exp.mustNot.find((m) => m.kind === "group" && m.size !== undefined && mustNotSize(m.size, s));
    const reason = agg
      ? "an aggregate proposed as a group"
      : tot
        ? "a stated total proposed as a group"
        : mn
          ? `must not: ${mn.why}`
          : "not an expected group";
    sc.falsely(`group ${describeSize(s)} ('${p.size.value.wording}') in ${describePlace(p.place?.value)}: ${reason}`);
  });
  for (const m of exp.mustNot.filter((m) => m.kind === "place" && m.name)) {
    for (const p of x.groups)
      if (p.place && [p.place.value.city, p.place.value.province].some((n) => same(n, m.name)))
        sc.falsely(`group placed in ${m.name}: must not: ${m.why}`);
  }
}

/** Place, arrest date and status of a matched group. */
function scoreGroupFacts(sc: Scoring, { e, p }: Pair): void {
  const { f } = sc;
  if (e.place) {
    f.placesRecall.of++;
    if (p && placeEqual(e.place, p.place?.value)) f.placesRecall.found++;
    else if (p)
      sc.miss(
        `place of group ${describeSpec(e.size)}: expected ${describePlace(e.place)}, proposed ${describePlace(p.place?.value)}`,
      );
  }
  if (e.arrested) {
    f.datesRecall.of++;
    const a = p ? arrestOf(p) : null;
    if (p && dateMatch(e.arrested, a)) f.datesRecall.found++;
    else if (p)
      sc.miss(
        `arrest date of group ${describeSpec(e.size)}: expected ${e.arrested.earliest}..${e.arrested.latest}, proposed ${a ? `${a.earliest}..${a.latest}` : "none"}`,
      );
  }
  f.statusRecall.of++;
  if (p && p.status?.value === e.status) f.statusRecall.found++;
  else if (p)
    sc.miss(`status of group ${describeSpec(e.size)}: expected ${e.status}, proposed ${p.status?.value ?? "none"}`);
}

/** Expected events of a group against its match's events (with their dates and places); returns the proposals matched. */
function scoreEvents(sc: Scoring, { e, p }: Pair): Set<DraftEvent> {
  const { f } = sc;
  const used = new Set<DraftEvent>();
  for (const ev of e.events) {
    f.eventsRecall.of++;
    const r = expRange(ev);
    const found = p?.events.find(
      (pe) => !used.has(pe) && !ARREST.has(pe.type) && pe.type === ev.type && overlaps(r, eventRange(pe)),
    );
    if (found) {
      used.add(found);
      f.eventsRecall.found++;
    } else sc.miss(`event ${ev.type}${r ? ` ${r.earliest}..${r.latest}` : ""} of group ${describeSpec(e.size)}`);
    if (r) {
      f.datesRecall.of++;
      if (found && dateMatch(r, eventRange(found))) f.datesRecall.found++;
      else if (found)
        sc.miss(
          `date of ${ev.type} of group ${describeSpec(e.size)}: expected ${r.earliest}..${r.latest}, proposed ${found.dateEarliest}..${found.dateLatest}`,
        );
    }
    if (ev.place) {
      f.placesRecall.of++;
      if (found && placeEqual(ev.place, found.place ?? null)) f.placesRecall.found++;
      else if (found)
        sc.miss(
          `place of ${ev.type} of group ${describeSpec(e.size)}: expected ${describePlace(ev.place)}, proposed ${describePlace(found.place)}`,
        );
    }
  }
  return used;
}

/** Every proposed event beyond the arrest, in every proposed group: expected, or false. */
function scoreEventPrecision(sc: Scoring, matched: Set<DraftEvent>): void {
  const { exp, x, f } = sc;
  for (const p of x.groups) {
    for (const pe of p.events) {
      if (ARREST.has(pe.type)) continue;
      const mn = exp.mustNot.find((m) => m.kind === "event" && m.type === pe.type);
      if (!matched.has(pe) && mn?.lowConfidenceOk && pe.confidence === "low") continue;
      f.eventsPrecision.of++;
      if (matched.has(pe)) f.eventsPrecision.found++;
      else
        sc.falsely(
          `event ${pe.type} ${pe.dateEarliest}..${pe.dateLatest} ('${pe.dateWording}') on group ${describeSize(p.size.value)}: ${mn ? `must not: ${mn.why}` : "not expected"}`,
        );
    }
  }
}

function scoreOthers(sc: Scoring): void {
  const { exp, x, f } = sc;
  for (const tspec of exp.statedTotals) {
    f.totalsRecall.of++;
    if (x.statedTotals.some((p) => totalMatches(tspec, p.value))) f.totalsRecall.found++;
    else sc.miss(`stated total ${describeSpec(tspec)}`);
  }
  for (const person of exp.people) {
    f.peopleRecall.of++;
    if (x.people.some((p) => looseName(p.value.name, person.name))) f.peopleRecall.found++;
    else sc.miss(`person ${person.name} (${person.role})`);
  }
  for (const a of exp.appeals) {
    f.appealsRecall.of++;
    if (
      x.appeals.some((p) => p.value.to && looseName(p.value.to, a.to) && (!p.value.by || looseName(p.value.by, a.by)))
    )
      f.appealsRecall.found++;
    else sc.miss(`appeal by ${a.by} to ${a.to}`);
  }
}

export function scoreReport(report: CorpusReport, x: Extraction): ReportResult {
  const f = zero();
  const findings: Finding[] = [];
  const sc: Scoring = {
    exp: report.expected,
    x,
    f,
    miss: (what) => findings.push({ file: report.file, kind: "miss", what }),
    falsely: (what) => findings.push({ file: report.file, kind: "false", what }),
  };
  const { pairs, taken } = matchGroups(report.expected, x);
  scoreGroups(sc, pairs, taken);
  const matchedEvents = new Set<DraftEvent>();
  for (const pair of pairs) {
    scoreGroupFacts(sc, pair);
    for (const ev of scoreEvents(sc, pair)) matchedEvents.add(ev);
  }
  scoreEventPrecision(sc, matchedEvents);
  scoreOthers(sc);
  return { report, figures: f, findings };
}

// --- summaries -----------------------------------------------------------------------------------------

export const FIGURE_LABELS: Record<keyof ClassFigures, string> = {
  groupsRecall: "groups recall",
  groupsPrecision: "groups precision",
  eventsRecall: "events recall",
  eventsPrecision: "events precision",
  placesRecall: "places recall",
  datesRecall: "dates recall",
  statusRecall: "status recall",
  totalsRecall: "totals recall",
  peopleRecall: "people recall",
  appealsRecall: "appeals recall",
};

/** A ratio rounded to four decimals; 1 when there is nothing to find. */
export function ratio(tl: Tally): number {
  return tl.of === 0 ? 1 : Math.round((tl.found / tl.of) * 10_000) / 10_000;
}

export type SetSummary = {
  reports: number;
  overall: ClassFigures;
  byClass: Record<string, ClassFigures>;
  results: ReportResult[];
};

export function summarise(results: ReportResult[]): SetSummary {
  let overall = zero();
  const byClass: Record<string, ClassFigures> = {};
  for (const r of results) {
    overall = addFigures(overall, r.figures);
    for (const c of r.report.expected.classes) byClass[c] = addFigures(byClass[c] ?? zero(), r.figures);
  }
  return { reports: results.length, overall, byClass, results };
}

/** The figures a baseline keeps: every overall ratio of a set. */
export function baselineFigures(s: SetSummary): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(FIGURE_LABELS) as (keyof ClassFigures)[]) out[k] = ratio(s.overall[k]);
  return out;
}

/** Evaluates every set found under `root`; missing sets are listed. */
export function evaluateCorpus(root: string, only?: string): { sets: Record<string, SetSummary>; missing: string[] } {
  const sets: Record<string, SetSummary> = {};
  const missing: string[] = [];
  const all: ReportResult[] = [];
  for (const set of SETS) {
    if (only && only !== set) continue;
    const reports = loadSet(root, set);
    if (!reports || reports.length === 0) {
      missing.push(set);
      continue;
    }
    const results = reports.map(evaluateReport);
    all.push(...results);
    sets[set] = summarise(results);
  }
  if (!only && Object.keys(sets).length > 1) sets.all = summarise(all);
  else if (!only && Object.keys(sets).length === 1) sets.all = summarise(all);
  return { sets, missing };
}
