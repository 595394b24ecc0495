import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findIntakeDuplicates, saveReportIntake } from "@/lib/data/intake";
import { type Actor } from "@/lib/auth/permissions";
import { intakeSaveSchema } from "@/lib/validations/intake";
import { testDb, unique } from "@/lib/testing/test-database";

const db = testDb();
let editor: NonNullable<Actor>;

beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `${unique("editor")}@example.org`, name: `Editor ${unique()}`, role: "EDITOR", passwordHash: "x" },
  });
  editor = { id: u.id, email: u.email, name: u.name, role: "EDITOR" };
});
afterAll(() => db.$disconnect());

/** A reviewed report as the review form would send it: two groups, a person quoted, an appeal. */
function reviewedRaw(run = unique()) {
  const text = `Report ${run}. Two groups of 7 and four people were caught in Yanji last Friday. Lee Min-ho, a lawmaker of the Justice Party, asked the UN to intervene.`;
  return {
    source: {
      outlet: "Test Daily",
      title: `Groups caught ${run}`,
      author: "A. Writer",
      language: "en",
      publishedAt: "2013-03-04",
      text,
    },
    cases: [
      {
        title: `Group of 7 ${run}`,
        summary: "",
        sizeMin: 7,
        sizeWording: "Two groups of 7 and four people",
        country: "CN",
        province: "Jilin",
        cityArea: "Yanji",
        verification: "UNVERIFIED",
        priority: "NORMAL",
        visibility: "INTERNAL",
        tags: [],
        status: "AT_RISK_OF_REPATRIATION",
        sizeQuote: "Two groups of 7 and four people",
        events: [
          {
            type: "ARRESTED",
            dateEarliest: "2013-03-01",
            dateLatest: "2013-03-01",
            precision: "DAY",
            dateWording: "last Friday",
            description: "",
            quote: "were caught in Yanji last Friday",
          },
        ],
      },
      {
        title: `Group of 4 ${run}`,
        summary: "",
        sizeMin: 4,
        country: "CN",
        province: "Jilin",
        verification: "UNVERIFIED",
        priority: "NORMAL",
        visibility: "INTERNAL",
        tags: [],
        sizeQuote: "Two groups of 7 and four people",
        events: [
          {
            type: "ARRESTED",
            dateEarliest: "2013-03-01",
            dateLatest: "2013-03-01",
            precision: "DAY",
            dateWording: "last Friday",
            description: "",
          },
        ],
      },
    ],
    contacts: [
      {
        name: `Lee Min-ho ${run}`,
        kind: "LAWMAKER",
        role: "lawmaker",
        organisation: "Justice Party",
        quote: "Lee Min-ho, a lawmaker of the Justice Party",
      },
    ],
    actions: [
      {
        caseIndexes: [0, 1],
        contactIndex: 0,
        kind: "APPEAL",
        date: "2013-03-04",
        askedFor: "Ask the UN to intervene",
        quote: "asked the UN to intervene",
      },
    ],
  };
}
const reviewed = () => intakeSaveSchema.parse(reviewedRaw());

async function counts() {
  const [cases, events, sources, claims, contacts, actions, changes] = await Promise.all([
    db.case.count(),
    db.caseEvent.count(),
    db.source.count(),
    db.sourceClaim.count(),
    db.contact.count(),
    db.advocacyAction.count(),
    db.recordChange.count(),
  ]);
  return { cases, events, sources, claims, contacts, actions, changes };
}

describe("saving a reviewed report", () => {
  it("creates everything in one go, with quotes and history that name the report", async () => {
    const input = reviewed();
    const { caseCodes, sourceId } = await saveReportIntake(editor, input);
    expect(caseCodes).toHaveLength(2);
    expect(caseCodes[0]).toMatch(/^CN-2013-\d{4}$/);

    const first = await db.case.findUniqueOrThrow({
      where: { code: caseCodes[0] },
      include: { events: true, claims: true, actions: true },
    });
    expect(first).toMatchObject({
      sizeMin: 7,
      status: "AT_RISK_OF_REPATRIATION",
      statusManual: true,
      firstEventEarliest: new Date("2013-03-01T00:00:00Z"),
    });
    expect(first.events.map((e) => e.dateWording)).toEqual(["last Friday"]);
    expect(first.claims.map((c) => [c.target, c.field, c.value]).sort()).toEqual([
      ["EVENT", null, null],
      ["FIELD", "sizeMin", "7"],
    ]);
    const source = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    for (const c of first.claims)
      expect(source.text.slice(c.quoteStart!, c.quoteStart! + c.quote.length)).toBe(c.quote);
    expect(first.actions).toHaveLength(1);

    const history = await db.recordChange.findMany({ where: { caseId: first.id } });
    expect(history.length).toBeGreaterThan(3);
    for (const row of history) expect(row.reason).toBe(`From report "${input.source.title}" (Test Daily, 2013-03-04)`);
    // The second case got the appeal too, to the same new contact.
    const second = await db.case.findUniqueOrThrow({ where: { code: caseCodes[1] }, include: { actions: true } });
    expect(second.actions[0].contactId).toBe(first.actions[0].contactId);
  });

  it("offers existing cases in the same place and dates as duplicates, and merges into one", async () => {
    const input = reviewed();
    const { caseCodes } = await saveReportIntake(editor, input);
    const duplicates = await findIntakeDuplicates(editor, {
      country: "CN",
      province: "Jilin",
      dateEarliest: "2013-03-02",
      dateLatest: "2013-03-02",
    });
    expect(duplicates.map((d) => d.code)).toEqual(expect.arrayContaining(caseCodes));
    expect(
      await findIntakeDuplicates(editor, {
        country: "CN",
        province: "Jilin",
        dateEarliest: "2013-04-01",
        dateLatest: "2013-04-01",
      }),
    ).toEqual([]);

    // A second report about the same group: its event is added to the existing case, no new case.
    const again = reviewed();
    again.cases = [{ ...again.cases[0], mergeInto: caseCodes[0] }];
    again.actions = [];
    const before = await db.case.count();
    const merged = await saveReportIntake(editor, again);
    expect(merged.caseCodes).toEqual([caseCodes[0]]);
    expect(await db.case.count()).toBe(before);
    expect(await db.caseEvent.count({ where: { case: { code: caseCodes[0] } } })).toBe(2);
  });

  it("rolls everything back when one part fails, and refuses researchers", async () => {
    const before = await counts();
    const input = reviewed();
    input.contacts = [{ ...input.contacts[0], existingId: "c0000000000000000000000000" }];
    await expect(saveReportIntake(editor, input)).rejects.toMatchObject({ code: "not-found" });
    expect(await counts()).toEqual(before);

    const researcher: Actor = { ...editor, role: "RESEARCHER" };
    await expect(saveReportIntake(researcher, reviewed())).rejects.toMatchObject({ code: "forbidden" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a quote that is not in the text, naming where", () => {
    const raw = reviewedRaw();
    const input = { ...raw, cases: [{ ...raw.cases[0], sizeQuote: "words the report never used" }] };
    const result = intakeSaveSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("cases.0.sizeQuote");
  });
});
