/**
 * A case's history as the page reads it: filtered by person, kind of record and date in the
 * database, with the people who changed the case and readable names for the events its rows name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, updateCase } from "@/lib/data/case-writes";
import { addEvent } from "@/lib/data/events";
import { listCaseHistory } from "@/lib/data/history";
import { type Actor } from "@/lib/auth/permissions";
import { historySentences, saveSentence } from "@/lib/format/history-sentences";
import { createTestUser, testDb } from "@/lib/testing/test-database";
import { createCaseSchema } from "@/lib/validations/case";
import { addEventSchema } from "@/lib/validations/event";
import { readHistoryFilter } from "@/lib/validations/history";
import en from "@/lib/i18n/messages/en.json";
import { createTranslator } from "next-intl";
import type { Messages } from "@/lib/i18n/field-labels";

const db = testDb();
let editor: NonNullable<Actor>;
let other: NonNullable<Actor>;
let code: string;

beforeAll(async () => {
  editor = await createTestUser(db, "EDITOR");
  other = await createTestUser(db, "STAFF");
  const input = createCaseSchema.parse({
    title: "History case",
    sizeMin: "3",
    country: "CN",
    verification: "POSSIBLE",
    priority: "NORMAL",
    visibility: "INTERNAL",
  });
  ({ code } = await createCase(editor, input));
  await addEvent(
    editor,
    addEventSchema.parse({
      caseCode: code,
      type: "ARRESTED",
      dateEarliest: "2013-03-01",
      precision: "MONTH",
      description: "",
      country: "CN",
      cityArea: "Tumen",
    }),
  );
  const c = await db.case.findUniqueOrThrow({ where: { code } });
  await updateCase(other, { ...input, code, version: c.version, sizeMin: 5, status: c.status });
});
afterAll(() => db.$disconnect());

describe("case history", () => {
  it("lists every save in sentences, and the people who made them", async () => {
    const history = (await listCaseHistory(other, code))!;
    expect(history.people.map((p) => p.id).sort()).toEqual([editor.id, other.id].sort());
    const t = createTranslator({ locale: "en", messages: en }) as unknown as Messages;
    const sentences = historySentences(t, history.names)(history.rows).map(saveSentence);
    expect(
      sentences.some((s) => s.startsWith(`${editor.name} added an event: Arrested, March 2013, Tumen, China`)),
    ).toBe(true);
    expect(sentences.some((s) => s.includes(`${other.name} changed the case: `) && s.includes("3 → 5"))).toBe(true);
  });

  it("filters by person, kind of record and date", async () => {
    const byOther = (await listCaseHistory(other, code, { who: other.id }))!;
    expect(byOther.rows.length).toBeGreaterThan(0);
    expect(byOther.rows.every((r) => r.userId === other.id)).toBe(true);
    const events = (await listCaseHistory(other, code, { kind: "CaseEvent" }))!;
    expect(events.rows.length).toBeGreaterThan(0);
    expect(events.rows.every((r) => r.entity === "CaseEvent")).toBe(true);
    expect((await listCaseHistory(other, code, { to: "2000-01-01" }))!.rows).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listCaseHistory(other, code, { from: today, to: today }))!.rows.length).toBeGreaterThan(0);
  });

  it("refuses filters it cannot read, by name and in a sentence", () => {
    const parsed = readHistoryFilter({ who: "x' OR 1=1", kind: "User", from: "2013-02-30", to: "2012-01-01" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["from", "kind", "who"]);
    expect(readHistoryFilter({ from: "2013-03-02", to: "2013-03-01" })).toMatchObject({
      ok: false,
      errors: { to: "The first date must not be after the last date." },
    });
  });

  it("is not shown to researchers", async () => {
    const researcher = await createTestUser(db, "RESEARCHER");
    expect(await listCaseHistory(researcher, code)).toBeNull();
  });
});
