import { describe, expect, it } from "vitest";
import { rankDuplicates, type DuplicateCandidate } from "@/lib/format/duplicates";

const c = (code: string, over: Partial<DuplicateCandidate>): DuplicateCandidate => ({
  code,
  title: code,
  sizeMin: 5,
  sizeMax: null,
  province: "Jilin",
  cityArea: null,
  firstEventEarliest: null,
  ...over,
});

describe("rankDuplicates", () => {
  it("puts the closest match first (city, date, size) and says why", () => {
    const ranked = rankDuplicates({ sizeMin: 10, province: "Jilin", cityArea: "Yanji", caughtOn: "2012-02-08" }, [
      c("CN-2012-0003", { sizeMin: 12, firstEventEarliest: new Date("2012-03-30T00:00:00Z") }),
      c("CN-2012-0001", { sizeMin: 10, cityArea: "Yanji", firstEventEarliest: new Date("2012-02-08T00:00:00Z") }),
      c("CN-2012-0002", { sizeMin: 9, cityArea: "yanji ", firstEventEarliest: new Date("2012-02-10T00:00:00Z") }),
    ]);
    expect(ranked.map((r) => r.code)).toEqual(["CN-2012-0001", "CN-2012-0002", "CN-2012-0003"]);
    expect(ranked[0].reasons).toEqual(["same city (Yanji)", "caught the same day", "same size (10)"]);
    expect(ranked[1].reasons).toEqual(["same city (yanji )", "caught 2 days apart", "similar size (9 against 10)"]);
    expect(ranked[2].reasons).toEqual(["same province (Jilin)", "similar size (12 against 10)"]);
  });

  it("without a date, ranks by place and size alone; ties go by code", () => {
    const ranked = rankDuplicates({ sizeMin: 5 }, [c("CN-2013-0002", {}), c("CN-2013-0001", {})]);
    expect(ranked.map((r) => [r.code, r.score])).toEqual([
      ["CN-2013-0001", 3],
      ["CN-2013-0002", 3],
    ]);
  });
});
