/**
 * What a careful reader does, phrase by phrase, as the issue lists it (examples written for the test,
 * not taken from the corpus): who is counted, aggregates, events beyond the arrest, modality, appeals.
 */
import { describe, expect, it } from "vitest";
import { extractReport } from "@/lib/intake/extract";

const PUB = "2019-11-14";
const read = (text: string) => extractReport(text, { publishedAt: PUB });

describe("who is counted", () => {
  it("sources, relatives in the South and helpers carry numbers but are not groups", () => {
    const x = read(
      "Chinese police arrested seven North Korean defectors in Shenyang on Saturday, three people close to the family said. Two relatives in Seoul said they had paid a broker. A guide was detained with them.",
    );
    expect(x.groups.map((g) => g.size.value.min)).toEqual([7]);
  });

  it("an aggregate is never a group with one arrest date", () => {
    const x = read(
      "More than 100 North Koreans have been arrested in the first half of the year, a rights group said. On Tuesday police detained four women in Yanji.",
    );
    expect(x.groups.map((g) => g.size.value.min)).toEqual([4]);
    expect(x.aggregates.map((a) => a.value.min)).toEqual([101]);
  });
});

describe("events beyond the arrest, and modality", () => {
  it("'now held by State Security in Hyesan' is a return, with its place", () => {
    const x = read(
      "Five North Koreans caught in Changbai last month were handed over at the border and are now held by State Security in Hyesan, a source said.",
    );
    const g = x.groups[0];
    expect(g.status?.value).toBe("REPATRIATED");
    expect(g.events.some((e) => e.type === "REPATRIATED" && e.place?.city === "Hyesan")).toBe(true);
  });

  it("'is to be moved' is a prospect, not a transfer", () => {
    const x = read(
      "Six North Korean women were detained in Dandong on Monday and are to be moved to a border detention centre in Tumen.",
    );
    expect(x.groups[0].events.map((e) => e.type)).toEqual(["DETAINED"]);
  });

  it("'could be returned' and 'awaiting repatriation' are a risk; 'were returned' a return", () => {
    expect(
      read("Eight North Koreans arrested in Kunming on Friday could be returned within days.").groups[0].status?.value,
    ).toBe("AT_RISK_OF_REPATRIATION");
    expect(
      read("Eight North Koreans arrested in Kunming on Friday are awaiting repatriation.").groups[0].status?.value,
    ).toBe("AT_RISK_OF_REPATRIATION");
    expect(
      read("Eight North Koreans arrested in Kunming in October were returned to North Korea on Friday.").groups[0]
        .status?.value,
    ).toBe("REPATRIATED");
  });

  it("'it is not clear whether' proposes no return; 'unconfirmed' proposes it with low confidence", () => {
    const unclear = read(
      "Ten North Koreans were arrested in Tumen on Saturday. It is not clear whether they have been returned to North Korea.",
    );
    expect(unclear.groups[0].events.filter((e) => e.type === "REPATRIATED")).toEqual([]);
    const unconfirmed = read(
      "Ten North Koreans were arrested in Tumen on Saturday. According to unconfirmed reports, they were sent back across the bridge on Tuesday.",
    );
    const back = unconfirmed.groups[0].events.find((e) => e.type === "REPATRIATED");
    expect(back).toMatchObject({ dateEarliest: "2019-11-12", confidence: "low" });
  });
});

describe("appeals and people", () => {
  it("the unification ministry urged China not to return them: by the ministry, to China", () => {
    const x = read(
      "Twelve North Koreans were arrested in Shenyang on Sunday. The unification ministry urged China not to return them.",
    );
    expect(x.appeals).toHaveLength(1);
    expect(x.appeals[0].value.to).toBe("China");
    expect(x.appeals[0].value.by).toMatch(/unification ministry/i);
  });

  it("a spokeswoman with her ministry", () => {
    const x = read(
      "Nine North Koreans were detained in Yanji on Sunday. A spokeswoman for the Chinese foreign ministry, Hua Chunying, said she was not aware of the case.",
    );
    expect(x.people.map((p) => [p.value.name, p.value.kind])).toEqual([["Hua Chunying", "GOVERNMENT_OFFICIAL"]]);
    expect(x.people[0].value.organisation).toMatch(/foreign ministry/i);
  });
});
