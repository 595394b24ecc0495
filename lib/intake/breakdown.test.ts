/**
 * The canonical breakdown: "Fifteen were caught: nine in a raid on a flat on March 3 and six
 * at a checkpoint two days later … all fifteen are held in Yanji" is a total of 15 split into groups of
 * 9 and 6, each with its own date, in either order, inside a quotation, and in Korean.
 */
import { describe, expect, it } from "vitest";
import { extractReport } from "@/lib/intake/extract";

const read = (text: string) => {
  const x = extractReport(text, { publishedAt: "2015-03-10" });
  return {
    x,
    groups: x.groups.map((g) => ({
      size: g.size.value.min,
      arrested: g.events.find((e) => e.type === "ARRESTED" || e.type === "DETAINED")?.dateEarliest ?? null,
      city: g.place?.value.city ?? null,
    })),
  };
};

describe("a total and its breakdown", () => {
  it("reads nine and six as the groups and fifteen as their total, each group with its own date", () => {
    const { x, groups } = read(
      "Fifteen North Koreans were caught: nine in a raid on a flat on March 3 and six at a checkpoint two days later, activists said. All fifteen are held in Yanji.",
    );
    expect(groups).toEqual([
      { size: 9, arrested: "2015-03-03", city: "Yanji" },
      { size: 6, arrested: "2015-03-05", city: "Yanji" },
    ]);
    expect(x.totalCheck).toMatchObject({ stated: 15, sumOfGroups: 15, consistent: true });
  });

  it("inside a quotation", () => {
    const { x, groups } = read(
      "“Fifteen were caught: nine in a raid on a flat on March 3 and six at a checkpoint two days later,” an activist said.",
    );
    expect(groups.map((g) => [g.size, g.arrested])).toEqual([
      [9, "2015-03-03"],
      [6, "2015-03-05"],
    ]);
    expect(x.totalCheck.consistent).toBe(true);
  });

  it("in the other order: the groups first, the total after", () => {
    const { x, groups } = read(
      "Nine North Koreans were arrested in a raid on a flat in Yanji on March 3, and six more were caught at a checkpoint near Tumen two days later. All 15 are held in Yanji, where they face repatriation.",
    );
    expect(groups).toEqual([
      { size: 9, arrested: "2015-03-03", city: "Yanji" },
      { size: 6, arrested: "2015-03-05", city: "Tumen" },
    ]);
    expect(x.statedTotals.map((t) => t.value.min)).toEqual([15]);
    expect(x.groups.every((g) => g.status?.value === "AT_RISK_OF_REPATRIATION")).toBe(true);
  });

  it("in Korean", () => {
    const { x, groups } = read(
      "탈북자 15명이 붙잡혔다. 이 가운데 9명은 지난 3일 옌지의 한 아파트에서, 6명은 이틀 뒤 투먼의 검문소에서 체포됐다.",
    );
    expect(groups).toEqual([
      { size: 9, arrested: "2015-03-03", city: "Yanji" },
      { size: 6, arrested: "2015-03-05", city: "Tumen" },
    ]);
    expect(x.statedTotals.map((t) => t.value.min)).toEqual([15]);
  });
});
