/**
 * The Korean lexicon: counters and numerals, relative dates, places in Hangul, event words and their
 * endings, and the language detection that picks it.
 */
import { describe, expect, it } from "vitest";
import { findDateMentions, resolveMention } from "@/lib/intake/dates";
import { extractReport, lexiconFor } from "@/lib/intake/extract";
import { findPlaces } from "@/lib/intake/place-mentions";
import { lexiconKo } from "@/lib/intake/lexicon-ko";
import { quantityPatterns } from "@/lib/intake/numbers";
import { detectLanguage } from "@/lib/intake/source-meta";

const qp = quantityPatterns(lexiconKo);
const size = (s: string) => {
  const q = qp.parse(s);
  return q && { min: q.min, max: q.max, best: q.best, rule: q.rule };
};

describe("Korean counters and numerals", () => {
  it.each([
    ["10명", { min: 10, max: 10, best: 10, rule: "exact" }],
    ["열 명", { min: 10, max: 10, best: 10, rule: "exact" }],
    ["스물세 명", { min: 23, max: 23, best: 23, rule: "exact" }],
    ["세 명", { min: 3, max: 3, best: 3, rule: "exact" }],
    ["30여 명", { min: 25, max: 35, best: 30, rule: "about" }],
    ["200여명", { min: 170, max: 230, best: 200, rule: "about" }],
    ["약 40명", { min: 34, max: 46, best: 40, rule: "about" }],
    ["20명 이상", { min: 20, max: null, best: 20, rule: "atLeast" }],
    ["최소 5명", { min: 5, max: null, best: 5, rule: "atLeast" }],
    ["20명 넘게", { min: 21, max: null, best: null, rule: "moreThan" }],
    ["7~8명", { min: 7, max: 8, best: null, rule: "range" }],
    ["수십 명", { min: 24, max: null, best: null, rule: "dozens" }],
  ])("%s", (text, expected) => expect(size(text)).toEqual(expected));

  it("reads 일가족 4명 as one group (a family of four)", () => {
    const x = extractReport("탈북자 일가족 4명이 지난 13일 중국 룽징에서 공안에 붙잡혔다.", {
      publishedAt: "2012-02-17",
    });
    expect(x.groups.map((g) => g.size.value)).toEqual([{ min: 4, max: 4, best: 4, wording: "탈북자 일가족 4명" }]);
  });

  it("does not read 한국 or 19세 as numbers of people", () => {
    const x = extractReport("한국으로 가려던 19세 소녀가 부모를 만나려 했다. 탈북자 3명이 선양에서 체포됐다.", {
      publishedAt: "2012-02-14",
    });
    expect(x.groups.map((g) => g.size.value.min)).toEqual([3]);
  });
});

describe("Korean relative dates", () => {
  const resolve = (text: string, pub: string) => {
    const [m] = findDateMentions(lexiconKo, text);
    if (!m) return null;
    const r = resolveMention(m, pub, {
      earliest: "2012-02-08",
      latest: "2012-02-08",
      precision: "DAY",
      confidence: "high",
      wording: "8일",
    });
    return "unresolved" in r
      ? r
      : { wording: m.wording, earliest: r.earliest, latest: r.latest, precision: r.precision };
  };
  it.each([
    [
      "지난 수요일 체포됐다",
      "2012-02-14",
      { wording: "지난 수요일", earliest: "2012-02-08", latest: "2012-02-08", precision: "DAY" },
    ],
    [
      "지난 8일 체포됐다",
      "2012-02-14",
      { wording: "지난 8일", earliest: "2012-02-08", latest: "2012-02-08", precision: "DAY" },
    ],
    [
      "28일 붙잡혔다",
      "2012-02-14",
      { wording: "28일", earliest: "2012-01-28", latest: "2012-01-28", precision: "DAY" },
    ],
    [
      "나흘 뒤 붙잡혔다",
      "2012-02-14",
      { wording: "나흘 뒤", earliest: "2012-02-12", latest: "2012-02-12", precision: "DAY" },
    ],
    [
      "이달 초 구금됐다",
      "2020-10-16",
      { wording: "이달 초", earliest: "2020-10-01", latest: "2020-10-10", precision: "MONTH" },
    ],
    [
      "지난주 체포됐다",
      "2012-02-14",
      { wording: "지난주", earliest: "2012-02-06", latest: "2012-02-12", precision: "WEEK" },
    ],
    [
      "지난해 10월 북송했다",
      "2024-08-28",
      { wording: "지난해 10월", earliest: "2023-10-01", latest: "2023-10-31", precision: "MONTH" },
    ],
    [
      "지난 7월 중순 체포됐다",
      "2024-08-26",
      { wording: "지난 7월 중순", earliest: "2024-07-11", latest: "2024-07-20", precision: "MONTH" },
    ],
    [
      "지난 15~17일 붙잡혔다",
      "2014-07-23",
      { wording: "지난 15~17일", earliest: "2014-07-15", latest: "2014-07-17", precision: "WEEK" },
    ],
    [
      "그제와 어제 회의를 열었다",
      "2012-02-14",
      { wording: "그제와 어제", earliest: "2012-02-12", latest: "2012-02-13", precision: "WEEK" },
    ],
  ])("%s (published %s)", (text, pub, expected) => expect(resolve(text, pub)).toEqual(expected));

  it("a date followed by 밝혔다 is when it was said, not when it happened", () => {
    const x = extractReport("박선영 의원은 지난 17일 탈북자 4명이 정저우에서 붙잡혔다고 20일 밝혔다.", {
      publishedAt: "2012-02-20",
    });
    expect(x.groups[0].events.map((e) => [e.type, e.dateEarliest])).toEqual([["ARRESTED", "2012-02-17"]]);
  });
});

describe("places in Hangul", () => {
  const places = (text: string) =>
    findPlaces(lexiconKo, text, 0, text.length).map((p) => [
      p.wording,
      p.value.city ?? p.value.province ?? p.value.country,
    ]);
  it("reads both the transcription and the Sino-Korean reading, with particles", () => {
    expect(places("선양에서 체포")).toEqual([["선양", "Shenyang"]]);
    expect(places("심양의 구류소")).toEqual([["심양", "Shenyang"]]);
    expect(places("단둥으로")).toEqual([["단둥", "Dandong"]]);
    expect(places("투먼 변방대")).toEqual([["투먼", "Tumen"]]);
    expect(places("도문에서")).toEqual([["도문", "Tumen"]]);
    expect(places("옌지를 떠나")).toEqual([["옌지", "Yanji"]]);
    expect(places("연길")).toEqual([["연길", "Yanji"]]);
    expect(places("쿤밍에서")).toEqual([["쿤밍", "Kunming"]]);
  });
  it("a province and its city are one place", () => {
    const [p] = findPlaces(lexiconKo, "랴오닝성 단둥의 구류장", 0, 12);
    expect(p.value).toEqual({ country: "CN", province: "Liaoning", city: "Dandong" });
  });
  it("everyday words that look like place names are not places", () => {
    expect(places("본지와의 통화에서 지난 8일 주장했다")).toEqual([]);
  });
});

describe("Korean events and modality", () => {
  const one = (text: string, pub = "2012-02-17") => extractReport(text, { publishedAt: pub }).groups[0];
  it("체포 is an arrest, 이송 a transfer with its destination", () => {
    const g = one("탈북자 9명이 지난 13일 선양에서 체포됐다. 이들은 오늘 투먼으로 이송되고 있다.");
    expect(g.events.map((e) => [e.type, e.dateEarliest, e.place?.city ?? null])).toEqual([
      ["ARRESTED", "2012-02-13", null],
      ["TRANSFERRED", "2012-02-17", "Tumen"],
    ]);
  });
  it("강제북송됐다 is a return; 북송될 예정 and 북송 위기 are a risk, not an event", () => {
    expect(one("탈북자 5명이 어제 단둥을 통해 강제북송됐다.").status?.value).toBe("REPATRIATED");
    const risk = one("선양에 있는 탈북자 10명이 내일 북송될 예정이다.");
    expect(risk.events.filter((e) => e.type === "REPATRIATED")).toEqual([]);
    expect(risk.status?.value).toBe("AT_RISK_OF_REPATRIATION");
    expect(one("탈북민 15명이 쿤밍에서 체포돼 강제북송 위기에 처했다.").status?.value).toBe("AT_RISK_OF_REPATRIATION");
  });
  it("구금 is a detention; 석방 a release", () => {
    const g = one("탈북 여성 3명이 지난 10일 구금됐다가 16일 석방됐다.");
    expect(g.events.map((e) => e.type)).toEqual(["DETAINED", "RELEASED"]);
    expect(g.status?.value).toBe("RELEASED");
  });
});

describe("language detection picks the lexicon", () => {
  it("Hangul text is Korean and gets the Korean lexicon; English text the English one", () => {
    const ko = detectLanguage("중국 공안이 탈북자 10명을 체포했다고 인권단체가 밝혔다.");
    expect(ko).toMatchObject({ value: "ko", confidence: "high" });
    expect(lexiconFor(ko.value)).toBe(lexiconKo);
    expect(
      lexiconFor(
        detectLanguage("Chinese police arrested ten North Korean defectors in Shenyang, activists said.").value,
      ).language,
    ).toBe("en");
  });
  it("Korean wording and quotes are kept as written", () => {
    const text = '탈북자 10명이 선양에서 체포됐다. 박선영 의원은 "이들이 북송되면 처벌받는다"고 말했다.';
    const x = extractReport(text, { publishedAt: "2012-02-14" });
    expect(x.source.language.value).toBe("ko");
    expect(text.slice(x.groups[0].size.span!.start, x.groups[0].size.span!.end)).toBe("탈북자 10명");
    expect(x.people[0].value).toMatchObject({ name: "박선영", role: "의원" });
  });
});
