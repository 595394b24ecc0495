import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartCases, countByPlace, countCases, searchCases, streamCases } from "@/lib/data/case-search";
import { casesApiResponse } from "@/lib/api/cases";
import type { Actor } from "@/lib/auth/permissions";
import { paramsFromUrl, parseCaseQuery } from "@/lib/validations/case-filter";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
const as = (role: NonNullable<Actor>["role"]): Actor => ({ id: "test", email: "t@example.org", name: "T", role });
const visitor: Actor = null;
const researcher = as("RESEARCHER");

/**
 * A table of cases whose events have uncertain dates, each tagged with this run's tag so the
 * queries see only them. Names say what each case is for.
 */
const TAG = unique("search");
const WORD = unique("zq"); // a word only this run's case summary contains
const SOURCE_WORD = unique("zs"); // a word only this run's source text contains
type Spec = {
  name: string;
  size: number;
  best?: number;
  events: [string, string, "DAY" | "WEEK" | "MONTH" | "YEAR", string?][];
  visibility?: "PUBLIC" | "INTERNAL" | "RESTRICTED";
  province?: string;
  status?: string;
  text?: string;
  outlet?: string;
};
const SPECS: Spec[] = [
  {
    name: "feb-day",
    size: 10,
    best: 12,
    events: [["2012-02-08", "2012-02-08", "DAY", "ARRESTED"]],
    province: "Liaoning",
    status: "AT_RISK_OF_REPATRIATION",
    outlet: "Herald",
  },
  { name: "straddles-start", size: 3, events: [["2012-01-25", "2012-02-03", "WEEK", "ARRESTED"]], province: "Jilin" },
  { name: "straddles-end", size: 4, events: [["2012-02-27", "2012-03-05", "WEEK", "ARRESTED"]], province: "Liaoning" },
  {
    name: "month-feb",
    size: 5,
    events: [["2012-02-01", "2012-02-29", "MONTH", "DETAINED"]],
    status: "REPATRIATED",
    text: `the word ${WORD} appears here`,
  },
  { name: "month-march", size: 6, events: [["2012-03-01", "2012-03-31", "MONTH", "ARRESTED"]] },
  { name: "year-2012", size: 7, events: [["2012-01-01", "2012-12-31", "YEAR", "ARRESTED"]] },
  {
    name: "january-then-april",
    size: 8,
    events: [
      ["2012-01-10", "2012-01-10", "DAY", "ARRESTED"],
      ["2012-04-02", "2012-04-02", "DAY", "REPATRIATED"],
    ],
    status: "REPATRIATED",
  },
  { name: "internal-feb", size: 20, events: [["2012-02-10", "2012-02-10", "DAY", "ARRESTED"]], visibility: "INTERNAL" },
  {
    name: "restricted-feb",
    size: 30,
    events: [["2012-02-11", "2012-02-11", "DAY", "ARRESTED"]],
    visibility: "RESTRICTED",
  },
  { name: "no-events", size: 2, events: [] },
  {
    name: "appeal-then-arrest",
    size: 11,
    events: [
      ["2013-05-01", "2013-05-20", "WEEK", "APPEAL_MADE"],
      ["2013-05-10", "2013-05-10", "DAY", "ARRESTED"],
    ],
  },
];
const codeOf = new Map<string, string>();
const nameOf = new Map<string, string>();

beforeAll(async () => {
  const text = `Report ${TAG}: a group was caught. Only the source mentions ${SOURCE_WORD}.`;
  const source = await db.source.create({
    data: { outlet: `Herald ${TAG}`, title: "Report", text, sha256: createHash("sha256").update(text).digest("hex") },
  });
  const codeBase = 1000 + Math.floor(Math.random() * (8999 - SPECS.length));
  for (const [i, s] of SPECS.entries()) {
    // A well-formed code (CN-2012-0001's shape): other tests read every case, and an export must take it back.
    const code = `TSS-2012-${String(codeBase + i).padStart(4, "0")}`;
    const dates = s.events.flatMap(([a, b]) => [a, b]).sort();
    const c = await db.case.create({
      data: {
        code,
        title: `Search ${s.name}`,
        summary: s.text ?? "",
        sizeMin: s.size,
        sizeBest: s.best,
        country: "CN",
        province: s.province,
        status: (s.status ?? "REPORTED_DETAINED") as never,
        visibility: s.visibility ?? "PUBLIC",
        tags: [TAG],
        firstEventEarliest: dates[0] ? new Date(`${dates[0]}T00:00:00Z`) : null,
        lastEventLatest: dates.at(-1) ? new Date(`${dates.at(-1)}T00:00:00Z`) : null,
        events: {
          create: s.events.map(([earliest, latest, precision, type]) => ({
            dateEarliest: new Date(`${earliest}T00:00:00Z`),
            dateLatest: new Date(`${latest}T00:00:00Z`),
            precision,
            type: (type ?? "ARRESTED") as never,
          })),
        },
      },
    });
    if (s.outlet)
      await db.sourceClaim.create({
        data: { sourceId: source.id, caseId: c.id, target: "CASE", quote: "a group was caught" },
      });
    codeOf.set(s.name, code);
    nameOf.set(code, s.name);
  }
});
afterAll(() => db.$disconnect());

function query(qs: string) {
  const parsed = parseCaseQuery(paramsFromUrl(new URLSearchParams(`tag=${TAG}&pageSize=100&${qs}`)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
}

/** The names of the cases the timeline page lists for this query string. */
async function uiNames(actor: Actor, qs: string): Promise<string[]> {
  const { filter, listing } = query(qs);
  const { items } = await searchCases(actor, filter, listing);
  return items.map((c) => nameOf.get(c.code)!).sort();
}

/** The names of the cases the JSON API returns for the same query string. */
async function apiNames(actor: Actor, qs: string): Promise<string[]> {
  const response = await casesApiResponse(
    actor,
    new URLSearchParams(`tag=${TAG}&pageSize=100&${qs}`),
    "http://localhost",
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { code: string }[] };
  return body.data.map((c) => nameOf.get(c.code)!).sort();
}

// Query → the cases a visitor must get. The same expectations are checked through the UI's data
// path and through the API.
const TABLE: [string, string[]][] = [
  ["from=2012-02&to=2012-02", ["feb-day", "month-feb", "straddles-end", "straddles-start", "year-2012"]],
  ["from=2012-02-04&to=2012-02-26", ["feb-day", "month-feb", "year-2012"]],
  ["from=2012-02&to=2012-02&exact=1", ["feb-day"]],
  ["from=2012-03", ["appeal-then-arrest", "january-then-april", "month-march", "straddles-end", "year-2012"]],
  ["to=2012-01-31", ["january-then-april", "straddles-start", "year-2012"]],
  ["from=2013", ["appeal-then-arrest"]],
  ["from=2014", []],
  [
    "",
    [
      "appeal-then-arrest",
      "feb-day",
      "january-then-april",
      "month-feb",
      "month-march",
      "no-events",
      "straddles-end",
      "straddles-start",
      "year-2012",
    ],
  ],
  ["type=REPATRIATED", ["january-then-april"]],
  ["type=REPATRIATED&to=2012-03-31", []],
  ["type=DETAINED&type=REPATRIATED", ["january-then-april", "month-feb"]],
  ["status=REPATRIATED", ["january-then-april", "month-feb"]],
  ["province=liaoning", ["feb-day", "straddles-end"]],
  ["sizeMin=5&sizeMax=7", ["month-feb", "month-march", "year-2012"]],
  [`q=${WORD}`, ["month-feb"]],
  [`q=${SOURCE_WORD}`, ["feb-day"]],
  [`outlet=Herald ${TAG}`, ["feb-day"]],
];

describe("timeline filters", () => {
  for (const [qs, expected] of TABLE) {
    it(`"${qs || "(none)"}" gives the same cases on the page and in the API`, async () => {
      expect(await uiNames(visitor, qs)).toEqual(expected);
      expect(await apiNames(visitor, qs)).toEqual(expected);
    });
  }

  it("a researcher also gets internal cases, staff restricted ones too; the API agrees", async () => {
    const qs = "from=2012-02&to=2012-02&exact=1";
    expect(await uiNames(researcher, qs)).toEqual(["feb-day", "internal-feb"]);
    expect(await apiNames(researcher, qs)).toEqual(["feb-day", "internal-feb"]);
    expect(await uiNames(as("STAFF"), qs)).toEqual(["feb-day", "internal-feb", "restricted-feb"]);
  });

  it("totals are conservative with the best estimate beside them", async () => {
    const { filter } = query("from=2012-02&to=2012-02");
    // feb-day 10 (best 12), straddles-start 3, straddles-end 4, month-feb 5, year-2012 7.
    expect(await countCases(visitor, filter)).toEqual({ groups: 5, peopleAtLeast: 29, peopleBest: 31 });
  });

  it("the chart keeps uncertain dates as ranges of periods", async () => {
    const { filter } = query("from=2012-02&to=2012-02");
    const cells = await chartCases(visitor, filter, "month");
    const cell = (start: string, end: string) =>
      cells.filter((c) => c.start === start && c.end === end).reduce((n, c) => n + c.peopleAtLeast, 0);
    expect(cell("2012-02-01", "2012-02-01")).toBe(10 + 5); // feb-day and month-feb fall in February
    expect(cell("2012-01-01", "2012-02-01")).toBe(3); // straddles-start: January or February
    expect(cell("2012-02-01", "2012-03-01")).toBe(4);
    expect(cell("2012-01-01", "2012-12-01")).toBe(7); // a whole year
  });

  it("the chart places a group by its arrest, not by an earlier appeal", async () => {
    const { filter } = query("from=2013");
    const cells = await chartCases(visitor, filter, "week");
    expect(cells).toEqual([
      {
        start: "2013-05-06",
        end: "2013-05-06",
        status: "REPORTED_DETAINED",
        groups: 1,
        peopleAtLeast: 11,
        peopleBest: 11,
      },
    ]);
  });

  it("place counts and the streamed export cover exactly the filtered cases", async () => {
    const { filter } = query("from=2012-02&to=2012-02");
    const places = await countByPlace(visitor, filter);
    expect(places.reduce((n, p) => n + p.groups, 0)).toBe(5);
    expect(places.find((p) => p.province === "Liaoning")?.peopleAtLeast).toBe(14);
    const exported: string[] = [];
    let hashes = 0;
    for await (const batch of streamCases(visitor, filter)) {
      exported.push(...batch.rows.map((r) => nameOf.get(r.code)!));
      hashes += [...batch.sources.values()].flat().filter((s) => /^[0-9a-f]{64}$/.test(s.sha256)).length;
    }
    expect(exported.sort()).toEqual(TABLE[0][1]);
    expect(hashes).toBe(1);
  });

  it("bad parameters are refused by name: 400 from the API", async () => {
    for (const [qs, parameter] of [
      ["from=2012-13", "from"],
      ["type=KIDNAPPED", "type"],
      ["pageSize=1000", "pageSize"],
      ["from=2012-03&to=2012-02", "to"],
      ["sizeMin=-1", "sizeMin"],
      ["sort=random", "sort"],
      ["contact=abcdefghijklmnopqrstuvwx", "contact"],
      ["form=2012", "form"],
    ] as const) {
      const response = await casesApiResponse(visitor, new URLSearchParams(qs), "http://localhost");
      expect(response.status, qs).toBe(400);
      expect(((await response.json()) as { error: { parameter: string } }).error.parameter, qs).toBe(parameter);
    }
  });
});
