import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countCases, searchCases } from "@/lib/data/case-search";
import type { Actor } from "@/lib/auth/permissions";
import { paramsFromUrl, parseCaseQuery } from "@/lib/validations/case-filter";
import { testDb, unique } from "@/lib/testing/test-database";

/** Korean search through the real database (docs/decisions/016): bigram index, LIKE check, places both ways. */
const db = testDb();
const as = (role: NonNullable<Actor>["role"]): Actor => ({ id: "test", email: "t@example.org", name: "T", role });
const visitor: Actor = null;
const researcher = as("RESEARCHER");
const admin = as("ADMIN");

const TAG = unique("kosearch");
type Spec = {
  name: string;
  title: string;
  lang?: "ko" | "en";
  summary?: string;
  titleAlt?: string;
  cityArea?: string;
  province?: string;
  visibility?: "PUBLIC" | "INTERNAL" | "RESTRICTED";
  source?: string;
};
const SPECS: Spec[] = [
  { name: "ko-title", title: "선양에서 탈북민 5명 체포", lang: "ko", summary: "공안이 기차역에서 붙잡았다." },
  { name: "filed-shenyang", title: "Five held at a station", cityArea: "Shenyang", province: "Liaoning" },
  { name: "en-text-shenyang", title: "Group stopped", summary: "They were held in Shenyang after a raid." },
  { name: "sino-korean", title: "심양 공안국에 구금", lang: "ko" },
  { name: "restricted-ko", title: "선양 체포 비공개 건", lang: "ko", visibility: "RESTRICTED" },
  { name: "dandong-ko", title: "단둥에서 탈북민 체포", lang: "ko" },
  {
    name: "ko-alt",
    title: "Arrest at a bus checkpoint",
    titleAlt: "버스 검문소에서 탈북민 체포",
    province: "Jilin",
  },
  { name: "pairs-apart", title: "탈북 단체와 북민 모임", lang: "ko" },
  { name: "source-ko", title: "Group taken near the river", source: "훈춘 공안이 두만강 근처에서 일행을 붙잡았다." },
  { name: "english-only", title: "Seven detained in Yanji", cityArea: "Yanji", province: "Jilin" },
];
const nameOf = new Map<string, string>();

beforeAll(async () => {
  const codeBase = 1000 + Math.floor(Math.random() * (8999 - SPECS.length));
  for (const [i, s] of SPECS.entries()) {
    const code = `TSK-2012-${String(codeBase + i).padStart(4, "0")}`;
    const c = await db.case.create({
      data: {
        code,
        title: s.title,
        lang: s.lang ?? "en",
        summary: s.summary ?? "",
        titleAlt: s.titleAlt ?? null,
        sizeMin: 5,
        country: "CN",
        province: s.province,
        cityArea: s.cityArea,
        visibility: s.visibility ?? "PUBLIC",
        tags: [TAG],
      },
    });
    if (s.source) {
      const source = await db.source.create({
        data: {
          outlet: `Daily ${TAG}`,
          title: "보도",
          language: "ko",
          text: s.source,
          sha256: createHash("sha256").update(s.source).digest("hex"),
        },
      });
      await db.sourceClaim.create({ data: { sourceId: source.id, caseId: c.id, target: "CASE", quote: s.source } });
    }
    nameOf.set(code, s.name);
  }
});
afterAll(() => db.$disconnect());

async function names(actor: Actor, q: string): Promise<string[]> {
  const parsed = parseCaseQuery(paramsFromUrl(new URLSearchParams({ tag: TAG, pageSize: "100", q })));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { items, totals } = await searchCases(actor, parsed.filter, parsed.listing);
  // The totals come from the same WHERE clause: they must agree with the list.
  expect(totals.groups).toBe(items.length);
  expect((await countCases(actor, parsed.filter)).groups).toBe(items.length);
  return items.map((c) => nameOf.get(c.code)!).sort();
}

describe("Korean search", () => {
  it("finds a two-syllable place name in Korean text, its Sino-Korean reading, and the cases filed under its romanisation", async () => {
    expect(await names(visitor, "선양")).toEqual(["en-text-shenyang", "filed-shenyang", "ko-title", "sino-korean"]);
  });

  it("finds Korean text from the romanisation", async () => {
    expect(await names(visitor, "Shenyang")).toEqual(["en-text-shenyang", "filed-shenyang", "ko-title", "sino-korean"]);
    expect(await names(visitor, "Dandong")).toEqual(["dandong-ko"]);
    expect(await names(visitor, "Yanji")).toEqual(["english-only"]);
  });

  it("needs every word, in the title, the summary or the other-language title", async () => {
    expect(await names(visitor, "탈북민 체포")).toEqual(["dandong-ko", "ko-alt", "ko-title"]);
    expect(await names(visitor, "검문소")).toEqual(["ko-alt"]);
    expect(await names(visitor, "기차역")).toEqual(["ko-title"]);
    // Both of 탈북민's syllable pairs are in "탈북 단체와 북민 모임", but not the word: the LIKE check drops it.
    expect(await names(visitor, "탈북민")).toEqual(["dandong-ko", "ko-alt", "ko-title"]);
  });

  it("takes a particle or 시 on a place name", async () => {
    expect(await names(visitor, "선양시")).toEqual(["en-text-shenyang", "filed-shenyang", "ko-title", "sino-korean"]);
    expect(await names(visitor, "단둥에서")).toEqual(["dandong-ko"]);
  });

  it("searches Korean source texts, and a source's place through its romanisation", async () => {
    expect(await names(visitor, "두만강")).toEqual(["source-ko"]);
    expect(await names(visitor, "Hunchun")).toEqual(["source-ko"]);
  });

  it("finds one syllable by substring, and mixed-script queries need both", async () => {
    expect(await names(visitor, "심")).toEqual(["sino-korean"]);
    expect(await names(visitor, "Arrest 검문소")).toEqual(["ko-alt"]);
  });

  it("never shows a restricted case to those who may not see it", async () => {
    expect(await names(visitor, "비공개")).toEqual([]);
    expect(await names(researcher, "비공개")).toEqual([]);
    expect(await names(researcher, "선양")).not.toContain("restricted-ko");
    expect(await names(admin, "비공개")).toEqual(["restricted-ko"]);
  });

  it("leaves English-only searches as they were", async () => {
    expect(await names(visitor, "checkpoint")).toEqual(["ko-alt"]);
    expect(await names(visitor, "raid")).toEqual(["en-text-shenyang"]);
  });
});
