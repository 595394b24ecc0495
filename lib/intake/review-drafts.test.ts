/**
 * The review screen's mapping: proposals to drafts, drafts to the save payload the server checks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport } from "@/lib/intake/extract";
import type { IntakeProposal } from "@/lib/intake/proposal";
import {
  aggregateSummary,
  caseTitle,
  errorsByField,
  initialDrafts,
  reviewEdits,
  reviewPayload,
  withEdits,
} from "@/lib/intake/review-drafts";
import { intakeSaveSchema } from "@/lib/validations/intake";

const root = path.resolve(import.meta.dirname, "..", "..", "fixtures");
const proposalOf = (text: string, publishedAt: string, outlet = "Test outlet"): IntakeProposal => {
  const extraction = extractReport(text, { publishedAt });
  return {
    id: "p1",
    text,
    input: { publishedAt, outlet },
    extraction,
    duplicates: extraction.groups.map(() => []),
    contacts: [],
    contactMatches: extraction.people.map(() => null),
  };
};

describe("review drafts", () => {
  const seed = proposalOf(
    readFileSync(path.join(root, "korea-herald-2012-nk-defectors-face-repatriation.txt"), "utf8"),
    "2012-02-14",
    "The Korea Herald",
  );

  it("start from the proposals: sizes, places, titles, events and their quotes", () => {
    const d = initialDrafts(seed);
    expect(d.cases.map((c) => [c.sizeMin, c.sizeMax, c.sizeBest, c.country])).toEqual([
      ["10", "10", "10", "CN"],
      ["9", "9", "9", "CN"],
      ["5", "5", "5", "CN"],
    ]);
    expect(d.cases[0].title).toBe("Group of 10 caught in China, 8 Feb 2012");
    expect(d.cases[2].events[0]).toMatchObject({ type: "ARRESTED", dateEarliest: "2012-02-12", include: true });
    expect(d.cases[2].events[0].quote).toContain("Four days later");
    expect(d.source).toMatchObject({ outlet: "The Korea Herald", publishedAt: "2012-02-14", language: "en" });
    expect(d.people.map((p) => p.name)).toEqual(["Park Sun-young", "Byun Chul-hwan", "Nam Chang-hee"]);
  });

  it("make a payload the server's schema accepts, with only the kept cases and events", () => {
    const d = initialDrafts(seed);
    d.cases[1].include = false;
    d.cases[0].events[0].include = false;
    const { payload, caseIndex, eventIndex } = reviewPayload(d, seed);
    const parsed = intakeSaveSchema.safeParse(JSON.parse(payload));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.cases.map((c) => c.sizeMin)).toEqual([10, 5]);
    expect(caseIndex).toEqual([0, 2]);
    expect(eventIndex[0][0]).toBe(1);
    expect(errorsByField({ "cases.1.events.0.dateLatest": "bad", "source.title": "t" }, caseIndex, eventIndex)).toEqual(
      { "case-2-event-0-dateLatest": "bad", "source-title": "t" },
    );
  });

  it("carry an event's place into the payload (a transfer to Tumen)", () => {
    const text =
      "Chinese police arrested 12 North Korean defectors in Shenyang on Feb. 8. They were moved to a detention center in Tumen on Feb. 10.";
    const p = proposalOf(text, "2012-02-14");
    const d = initialDrafts(p);
    d.source.title = "Twelve moved to Tumen";
    const moved = d.cases[0].events.find((e) => e.type === "TRANSFERRED");
    expect(moved).toMatchObject({ country: "CN", province: "Jilin", cityArea: "Tumen", dateEarliest: "2012-02-10" });
    const body = JSON.parse(reviewPayload(d, p).payload);
    expect(body.cases[0].events.find((e: { type: string }) => e.type === "TRANSFERRED")).toMatchObject({
      country: "CN",
      province: "Jilin",
      cityArea: "Tumen",
    });
    expect(intakeSaveSchema.safeParse(body).success).toBe(true);
  });

  it("show aggregates unkept, and keep one only as a note in the summaries when asked", () => {
    const text =
      "At least 100 defectors have been arrested since April, activists said. On July 10, 21 North Koreans were arrested in Wangqing.";
    const p = proposalOf(text, "2008-07-24");
    const d = initialDrafts(p);
    expect(d.cases.map((c) => c.sizeMin)).toEqual(["21"]);
    expect(d.aggregates).toHaveLength(1);
    expect(d.aggregates[0]).toMatchObject({ keep: false, wording: "At least 100" });
    expect(JSON.parse(reviewPayload(d, p).payload).cases[0].summary).toBe("");
    d.aggregates[0].keep = true;
    expect(aggregateSummary(d.aggregates)).toContain("At least 100 defectors");
    expect(JSON.parse(reviewPayload(d, p).payload).cases[0].summary).toContain("as a statistic and not this group");
  });

  it("keep Korean wording and quotes as written", () => {
    const text = "탈북자 10명이 지난 8일 중국 선양에서 체포됐다. 이들은 강제 북송될 위기에 처해 있다.";
    const p = proposalOf(text, "2012-02-14");
    const d = initialDrafts(p);
    d.source.title = "탈북자 10명 북송 위기";
    expect(d.source.language).toBe("ko");
    expect(d.cases[0]).toMatchObject({
      sizeMin: "10",
      sizeWording: "탈북자 10명",
      sizeQuote: "탈북자 10명",
      cityArea: "Shenyang",
      status: "AT_RISK_OF_REPATRIATION",
    });
    expect(caseTitle(p.extraction.groups[0])).toBe("Group of 10 caught in Shenyang, Liaoning, China, 8 Feb 2012");
    const parsed = intakeSaveSchema.safeParse(JSON.parse(reviewPayload(d, p).payload));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.cases[0].sizeQuote).toBe("탈북자 10명");
  });
});

const UNDATED =
  "Nine North Koreans were caught in Yanji last Wednesday, a church group that helps defectors said in a statement dated March 8, 2013, calling on China to release them.";

describe("edits carried across a re-proposal", () => {
  it("keeps every value the reviewer changed where the item still exists, and the rest as newly proposed", () => {
    const first = initialDrafts(proposalOf(UNDATED, ""));
    const edited = structuredClone(first);
    edited.cases[0].title = "Nine caught in Yanji (checked)";
    edited.cases[0].sizeMax = "12";
    edited.source.outlet = "Church Wire";
    const edits = reviewEdits(first, edited);
    expect(edits).toEqual([
      { path: ["cases", 0, "title"], value: "Nine caught in Yanji (checked)" },
      { path: ["cases", 0, "sizeMax"], value: "12" },
      { path: ["source", "outlet"], value: "Church Wire" },
    ]);

    // Read again against the publication date: "last Wednesday" is now placed, and the edits stay.
    const again = initialDrafts(proposalOf(UNDATED, "2013-03-08"));
    const { drafts, kept } = withEdits(again, edits);
    expect(kept).toBe(3);
    expect(drafts.cases[0]).toMatchObject({ title: "Nine caught in Yanji (checked)", sizeMax: "12" });
    expect(drafts.source.outlet).toBe("Church Wire");
    expect(drafts.cases[0].events.find((e) => e.dateWording === "last Wednesday")).toMatchObject({
      dateEarliest: "2013-03-06",
      dateLatest: "2013-03-06",
    });
    // An edit of an item the new proposal no longer has is dropped, not invented.
    expect(withEdits(again, [{ path: ["cases", 5, "title"], value: "x" }]).kept).toBe(0);
  });
});
