/**
 * The demo data: the seed report (fixtures/korea-herald-2012-nk-defectors-face-repatriation.txt)
 * turned into records. Every figure carries the quoted passage it comes from; `quote` strings must
 * appear verbatim in the report (checked when seeding and by a unit test).
 *
 * Publication date. The captured text has no dateline, so the date is derived: the arrests were
 * "last week" with the first two groups caught "last Wednesday", and officials met "last Sunday and
 * this Monday", after the U.N. veto "on Feb. 4" (2012). The only reading that fits is arrests on
 * Wednesday 8 and Sunday 12 February, talks on 12–13 February, and publication in the week of
 * 13–19 February 2012; "this Monday" in the past tense puts it on Tuesday 14 February at the
 * earliest, which is the Korea Herald's date for the article. We record 2012-02-14 and resolve every
 * relative date against it; each event keeps the report's own words in `dateWording`.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export const REPORT_FILE = path.resolve(
  import.meta.dirname,
  "..",
  "..",
  "fixtures",
  "korea-herald-2012-nk-defectors-face-repatriation.txt",
);

export function readReport(): { text: string; sha256: string } {
  const text = readFileSync(REPORT_FILE, "utf8");
  return { text, sha256: createHash("sha256").update(text, "utf8").digest("hex") };
}

export const REPORT_SOURCE = {
  // The captured text carries no URL, so none is recorded.
  url: null,
  outlet: "The Korea Herald",
  title: "N.K. defectors in China face repatriation",
  author: "Song Sang-ho",
  language: "en",
  publishedAt: "2012-02-14",
  reliability: "HIGH",
} as const;

/** Passages of the report, each quoted exactly. */
export const Q = {
  headline24:
    "At least two dozen North Korean defectors allegedly face repatriation after being arrested by Chinese authorities last week",
  atLeast24:
    "at least 24 North Korean defectors, many of whom have family in the South, were captured last week by the Chinese security authorities",
  groups10and9:
    "Two groups of 10 and nine people crossed the border separately and were caught in China last Wednesday.",
  group5: "Four days later, another group of five people was arrested in China.",
  tenAsked:
    "Ten of the defectors have requested through an activist group that Seoul’s state human rights watchdog help save them.",
  talks: "Officials from Beijing and the North reportedly met last Sunday and this Monday to discuss the issue.",
  handover: "Observers believe the chances are high that the defectors will soon be handed over to Pyongyang.",
  park: "According to Rep. Park Sun-young of the minority Liberty Forward Party and activists",
  parkSeventyPercent: "“Around 70 percent of those arrested in China have family members in the South.",
  ministry:
    "The Foreign Ministry said that it would do its best to prevent the repatriation through all possible diplomatic channels.",
  byun: "Byun Chul-hwan, director of the ministry’s Northeast Asia Division 2, told The Korea Herald.",
  nam: "said Nam Chang-hee, political science professor at Inha University.",
  arrivals2005to2009:
    "The number of defectors steadily increased annually from 2005 until 2009 ― 1,383 in 2005, 2,018 in 2006, 2,544 in 2007, 2,809 in 2008 and 2,927 in 2009, according to the Unification Ministry.",
  arrivals2010: "It then dropped to 2,379 in 2010 when Pyongyang tightened its border control",
  arrivals2011: "Last year, the figure rose to 2,737.",
} as const;

type EventSeed = {
  type: "ARRESTED" | "REPATRIATION_TALKS" | "APPEAL_MADE";
  dateEarliest: string;
  dateLatest: string;
  precision: "DAY" | "WEEK" | "MONTH" | "YEAR";
  dateWording: string;
  description: string;
  authority?: string;
  quote: string;
};

// "last Wednesday", said on Tuesday 2012-02-14, is Wednesday 2012-02-08: known to the day.
const CAUGHT_LAST_WEDNESDAY = {
  dateEarliest: "2012-02-08",
  dateLatest: "2012-02-08",
  precision: "DAY",
  dateWording: "last Wednesday",
} as const;
// "Four days later" than 2012-02-08 is Sunday 2012-02-12, also known to the day.
const CAUGHT_FOUR_DAYS_LATER = {
  dateEarliest: "2012-02-12",
  dateLatest: "2012-02-12",
  precision: "DAY",
  dateWording: "Four days later",
} as const;
// "last Sunday and this Monday": 2012-02-12 and 2012-02-13. Two days, so a range within one week.
const TALKS: EventSeed = {
  type: "REPATRIATION_TALKS",
  dateEarliest: "2012-02-12",
  dateLatest: "2012-02-13",
  precision: "WEEK",
  dateWording: "last Sunday and this Monday",
  description:
    "Chinese and North Korean officials reportedly met to discuss the issue; observers expect a handover to Pyongyang.",
  authority: "Chinese and North Korean officials",
  quote: Q.talks,
};
// The appeal is undated: it came after the first arrests (2012-02-08) and before publication (2012-02-14).
const APPEAL: EventSeed = {
  type: "APPEAL_MADE",
  dateEarliest: "2012-02-08",
  dateLatest: "2012-02-14",
  precision: "WEEK",
  dateWording: "(undated; between the arrests and the report)",
  description:
    "Ten of the 24 defectors asked, through an activist group, for the National Human Rights Commission of Korea's help. The report does not say which groups they belong to.",
  quote: Q.tenAsked,
};

export type CaseSeed = {
  code: string;
  title: string;
  summary: string;
  size: { min: number; max: number; best: number; wording: string; quote: string };
  events: EventSeed[];
};

export const REPORT_CASES: CaseSeed[] = [
  {
    code: "CN-2012-0001",
    title: "Group of 10 caught in China, February 2012",
    summary:
      "One of two groups (10 and 9 people) who crossed the border separately and were caught in China on the same Wednesday. Reported as facing repatriation by Rep. Park Sun-young and activists.",
    size: { min: 10, max: 10, best: 10, wording: "Two groups of 10 and nine people", quote: Q.groups10and9 },
    events: [
      {
        type: "ARRESTED",
        ...CAUGHT_LAST_WEDNESDAY,
        description: "Caught in China.",
        authority: "Chinese security authorities",
        quote: Q.groups10and9,
      },
      TALKS,
      APPEAL,
    ],
  },
  {
    code: "CN-2012-0002",
    title: "Group of 9 caught in China, February 2012",
    summary:
      "The second of two groups (10 and 9 people) who crossed the border separately and were caught in China on the same Wednesday.",
    size: { min: 9, max: 9, best: 9, wording: "Two groups of 10 and nine people", quote: Q.groups10and9 },
    events: [
      {
        type: "ARRESTED",
        ...CAUGHT_LAST_WEDNESDAY,
        description: "Caught in China.",
        authority: "Chinese security authorities",
        quote: Q.groups10and9,
      },
      TALKS,
      APPEAL,
    ],
  },
  {
    code: "CN-2012-0003",
    title: "Group of 5 arrested in China four days later, February 2012",
    summary: "A third group of five people, arrested in China four days after the first two groups were caught.",
    size: { min: 5, max: 5, best: 5, wording: "another group of five people", quote: Q.group5 },
    events: [
      {
        type: "ARRESTED",
        ...CAUGHT_FOUR_DAYS_LATER,
        description: "Arrested in China.",
        authority: "Chinese security authorities",
        quote: Q.group5,
      },
      TALKS,
      APPEAL,
    ],
  },
];

export const REPORT_CONTACTS = [
  {
    key: "park",
    name: "Park Sun-young",
    kind: "LAWMAKER",
    organisation: "Liberty Forward Party, National Assembly",
    role: "Member of the National Assembly",
    country: "KR",
    quote: Q.park,
  },
  {
    key: "byun",
    name: "Byun Chul-hwan",
    kind: "GOVERNMENT_OFFICIAL",
    organisation: "Ministry of Foreign Affairs (Seoul)",
    role: "Director, Northeast Asia Division 2",
    country: "KR",
    quote: Q.byun,
  },
  {
    key: "nam",
    name: "Nam Chang-hee",
    kind: "ACADEMIC",
    organisation: "Inha University",
    role: "Professor of political science",
    country: "KR",
    quote: Q.nam,
  },
  {
    key: "nhrck",
    name: "National Human Rights Commission of Korea",
    kind: "GOVERNMENT_OFFICIAL",
    organisation: "National Human Rights Commission of Korea",
    role: "Seoul’s state human rights watchdog",
    country: "KR",
    quote: Q.tenAsked,
  },
] as const;

export const ARRIVALS_SERIES = {
  key: "defector-arrivals-south-korea",
  title: "North Korean defectors arriving in South Korea, per year",
  unit: "people",
  points: [
    { period: "2005", value: 1383, quote: Q.arrivals2005to2009 },
    { period: "2006", value: 2018, quote: Q.arrivals2005to2009 },
    { period: "2007", value: 2544, quote: Q.arrivals2005to2009 },
    { period: "2008", value: 2809, quote: Q.arrivals2005to2009 },
    { period: "2009", value: 2927, quote: Q.arrivals2005to2009 },
    { period: "2010", value: 2379, quote: Q.arrivals2010 },
    // "Last year" in a February 2012 report is 2011.
    { period: "2011", value: 2737, quote: Q.arrivals2011 },
  ],
} as const;
