/**
 * Demo-mode only (embedded database, no DATABASE_URL): one account per role and a few synthetic
 * cases so that the INTERNAL and RESTRICTED levels have something to show. Synthetic records say so
 * in their code, title and `origin`, and are never counted with sourced data.
 */

/** Shared by every demo account; printed by `npm start` and listed in the README. Demo mode only. */
export const DEMO_PASSWORD = "refoulement-watch-demo";

export const DEMO_USERS = [
  { email: "researcher@example.org", name: "Demo Researcher", role: "RESEARCHER" },
  { email: "editor@example.org", name: "Demo Editor", role: "EDITOR" },
  { email: "staff@example.org", name: "Demo Staff", role: "STAFF" },
  { email: "admin@example.org", name: "Demo Admin", role: "ADMIN" },
] as const;

import type { CaseStatus, EventType, GeoPrecision, Priority, Verification } from "../../lib/generated/prisma/enums.ts";

/**
 * A synthetic case as a form would give it (validated by the same schemas when seeded). The status
 * follows from the events unless `statusSetByHand` says an editor set it.
 */
type SyntheticCase = {
  code: string;
  title: string;
  summary: string;
  /** Records in two languages (decision 016): the language title and summary are written in, and the other's. */
  lang?: "ko" | "en";
  titleAlt?: string;
  summaryAlt?: string;
  sizeMin: number;
  sizeMax: number;
  sizeBest: number;
  sizeWording: string;
  status: CaseStatus;
  statusSetByHand?: true;
  verification: Verification;
  priority: Priority;
  tags: string[];
  country: string;
  province: string;
  cityArea?: string;
  geoPrecision: GeoPrecision;
  visibility: "INTERNAL" | "RESTRICTED";
  events: {
    type: EventType;
    dateEarliest: string;
    dateLatest: string;
    precision: "DAY" | "WEEK" | "MONTH" | "YEAR";
    dateWording: string;
    description: string;
    country: string;
    province: string;
  }[];
};

export const SYNTHETIC_CASES: SyntheticCase[] = [
  {
    code: "SYN-2012-0001",
    title: "[Synthetic] Family of 4 detained in Jilin (internal demo record)",
    summary:
      "Synthetic demo record, not from any source: shows what signed-in researchers see beyond the public timeline.",
    sizeMin: 3,
    sizeMax: 4,
    sizeBest: 4,
    sizeWording: "three or four people",
    status: "REPORTED_DETAINED",
    verification: "UNVERIFIED",
    priority: "HIGH",
    tags: ["synthetic"],
    country: "CN",
    province: "Jilin",
    cityArea: "Yanji",
    geoPrecision: "CITY",
    visibility: "INTERNAL",
    events: [
      {
        type: "DETAINED",
        dateEarliest: "2012-03-01",
        dateLatest: "2012-03-31",
        precision: "MONTH",
        dateWording: "in March",
        description: "Synthetic event.",
        country: "CN",
        province: "Jilin",
      },
    ],
  },
  {
    code: "SYN-2012-0002",
    title: "[Synthetic] Woman held in Liaoning (restricted demo record)",
    summary: "Synthetic demo record, not from any source: visible to staff and admins only.",
    sizeMin: 1,
    sizeMax: 1,
    sizeBest: 1,
    sizeWording: "one woman",
    status: "AT_RISK_OF_REPATRIATION",
    // Arrested, and judged at risk by the editor: a status set by hand, not one the events imply.
    statusSetByHand: true,
    verification: "POSSIBLE",
    priority: "URGENT",
    tags: ["synthetic"],
    country: "CN",
    province: "Liaoning",
    geoPrecision: "PROVINCE",
    visibility: "RESTRICTED",
    events: [
      {
        type: "ARRESTED",
        dateEarliest: "2012-04-10",
        dateLatest: "2012-04-10",
        precision: "DAY",
        dateWording: "10 April",
        description: "Synthetic event.",
        country: "CN",
        province: "Liaoning",
      },
    ],
  },
  // Two cases placed in Shenyang, one written in English (with its Korean title beside it) and one in
  // Korean only: a Korean search (선양) finds both, one through its romanisation (decision 016). The
  // report's real cases are recorded only as "in China", so no real case is placed there.
  {
    code: "SYN-2012-0003",
    title: "[Synthetic] Three people held in Shenyang (internal demo record)",
    titleAlt: "[합성] 선양에서 3명 구금 (내부 시연 기록)",
    lang: "en",
    summary: "Synthetic demo record, not from any source: a case filed under its romanised place name.",
    summaryAlt: "어떤 출처에도 없는 합성 시연 기록: 로마자 지명으로 등록된 사례.",
    sizeMin: 3,
    sizeMax: 3,
    sizeBest: 3,
    sizeWording: "three people",
    status: "REPORTED_DETAINED",
    verification: "UNVERIFIED",
    priority: "NORMAL",
    tags: ["synthetic"],
    country: "CN",
    province: "Liaoning",
    cityArea: "Shenyang",
    geoPrecision: "CITY",
    visibility: "INTERNAL",
    events: [
      {
        type: "DETAINED",
        dateEarliest: "2012-06-01",
        dateLatest: "2012-06-30",
        precision: "MONTH",
        dateWording: "in June",
        description: "Synthetic event.",
        country: "CN",
        province: "Liaoning",
      },
    ],
  },
  {
    code: "SYN-2012-0004",
    title: "[합성] 선양 기차역에서 탈북민 2명 체포 (내부 시연 기록)",
    lang: "ko",
    summary: "어떤 출처에도 없는 합성 시연 기록: 한국어로만 쓴 사례.",
    sizeMin: 2,
    sizeMax: 2,
    sizeBest: 2,
    sizeWording: "두 명",
    status: "REPORTED_DETAINED",
    verification: "UNVERIFIED",
    priority: "NORMAL",
    tags: ["synthetic"],
    country: "CN",
    province: "Liaoning",
    cityArea: "Shenyang",
    geoPrecision: "CITY",
    visibility: "INTERNAL",
    events: [
      {
        type: "ARRESTED",
        dateEarliest: "2012-07-05",
        dateLatest: "2012-07-05",
        precision: "DAY",
        dateWording: "7월 5일",
        description: "Synthetic event.",
        country: "CN",
        province: "Liaoning",
      },
    ],
  },
];

/**
 * Synthetic people, added to their synthetic case (also when the case existed before people were
 * seeded). The `restricted` values are stored encrypted; they are invented and say so.
 */
export const SYNTHETIC_PEOPLE = [
  {
    caseCode: "SYN-2012-0002",
    alias: "Woman A",
    aliasAlt: "여성 A",
    sex: "FEMALE",
    ageMin: 30,
    ageMax: 35,
    relation: "Travelling alone (synthetic)",
    restricted: {
      realName: "[Synthetic] Kim Restricted-Example",
      realNameAlt: "[Synthetic] 김 Restricted-Example",
      contactDetails: "[Synthetic] via a relative in Seoul, +82 10 0000 0000 (not a real number)",
      exactAddress: "[Synthetic] Not a real address, Liaoning, China",
    },
  },
] as const;
