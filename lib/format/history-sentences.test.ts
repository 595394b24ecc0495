/**
 * The case history in sentences: each save reads as what a person did, with labels and names instead
 * of codes and ids, and any row whatsoever (every entity, action and field the app writes, and odd
 * ones) renders a non-empty sentence without throwing.
 */
import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { readEnv } from "@/lib/env";
import type { Messages } from "@/lib/i18n/field-labels";
import { groupSaves, historySentences, saveSentence, type HistoryRow } from "@/lib/format/history-sentences";

const t = createTranslator({ locale: "en", messages: en }) as unknown as Messages;
const at = new Date("2026-03-01T10:00:00.000Z");
let next = 1000;
const row = (r: Partial<HistoryRow>): HistoryRow => ({
  id: String(next--),
  at,
  userId: "u1",
  userName: "Demo Editor",
  entity: "Case",
  entityId: "c1",
  action: "UPDATE",
  field: null,
  oldValue: null,
  newValue: null,
  reason: null,
  txid: "77",
  ...r,
});

describe("history in sentences", () => {
  it("says an added event with its type, uncertain date and place, and the source its quote came from", () => {
    const rows = [
      // Newest first, as listed: the quote was written after the event in the same save.
      row({ entity: "SourceClaim", entityId: "q1", action: "CREATE", field: "quote", newValue: "arrested in Tumen" }),
      row({ entity: "SourceClaim", entityId: "q1", action: "CREATE", field: "target", newValue: "EVENT e1" }),
      ...Object.entries({
        type: "ARRESTED",
        dateEarliest: "2013-03-01",
        dateLatest: "2013-03-31",
        precision: "MONTH",
        country: "CN",
        province: "Jilin",
        cityArea: "Tumen",
      }).map(([field, newValue]) => row({ entity: "CaseEvent", entityId: "e1", action: "CREATE", field, newValue })),
    ];
    const saves = historySentences(t, { q1: { label: "The Korea Herald", href: "/sources/s1" } })(rows);
    expect(saves).toHaveLength(1);
    expect(saveSentence(saves[0])).toBe(
      "Demo Editor added an event: Arrested, March 2013, Tumen, Jilin, China; added a source quote from The Korea Herald: “arrested in Tumen”.",
    );
    expect(saves[0].clauses[1].link?.href).toBe("/sources/s1");
  });

  it("shows edits old → new with labels, and names instead of ids", () => {
    const saves = historySentences(t, { k1: { label: "UNHCR Seoul" }, a1: { label: "Appeal to UNHCR Seoul" } })([
      row({ field: "status", oldValue: "DETAINED", newValue: "REPATRIATED", reason: "Handed over at Tumen" }),
      row({ entity: "AdvocacyAction", entityId: "a1", field: "contactId", oldValue: null, newValue: "k1" }),
    ]);
    expect(saves).toHaveLength(1);
    const sentence = saveSentence(saves[0]);
    expect(sentence).toContain("changed the advocacy action Appeal to UNHCR Seoul: Contact — → UNHCR Seoul");
    expect(sentence).toMatch(/changed the case: Status [^;]+ → Repatriated/);
    expect(sentence).not.toMatch(/REPATRIATED|k1/);
    expect(saves[0].reasons).toEqual(["Handed over at Tumen"]);
  });

  it("separates saves by transaction, and older rows without one by person and time", () => {
    const later = new Date(at.getTime() + 60_000);
    const groups = groupSaves([
      // Two saves a moment apart by the same person are still two saves.
      row({ txid: "80" }),
      row({ txid: "79", at: new Date(at.getTime() + 5) }),
      row({ txid: "79" }),
      // Before transaction ids were kept: person and time decide.
      row({ txid: null, at: later, userId: "u2" }),
      row({ txid: null, at: later, userId: "u1" }),
      row({ txid: null, at: new Date(at.getTime() + 1000) }),
      row({ txid: null }),
    ]);
    expect(groups.map((g) => g.length)).toEqual([1, 2, 1, 1, 2]);
  });

  it("any row renders a non-empty sentence without throwing", () => {
    const entities = [
      "Case",
      "CaseEvent",
      "AdvocacyAction",
      "Contact",
      "Person",
      "Source",
      "SourceClaim",
      "Annotation",
    ];
    const fields = [null, "status", "type", "dateEarliest", "dateLatest", "precision", "contactId", "quote", "code"];
    const anyRow = fc.record({
      id: fc.nat().map(String),
      at: fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
      userId: fc.option(fc.constantFrom("u1", "u2"), { nil: null }),
      userName: fc.option(fc.string(), { nil: null }),
      entity: fc.oneof(fc.constantFrom(...entities), fc.string({ maxLength: 20 })),
      entityId: fc.string({ maxLength: 30 }),
      action: fc.constantFrom("CREATE", "UPDATE", "ARCHIVE", "RESTORE"),
      field: fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 20 })),
      oldValue: fc.option(fc.string(), { nil: null }),
      newValue: fc.option(fc.oneof(fc.string(), fc.constantFrom("2013-03-01", "ARRESTED", "MONTH")), { nil: null }),
      reason: fc.option(fc.string(), { nil: null }),
      txid: fc.option(fc.constantFrom("1", "2", "3"), { nil: null }),
    });
    const render = historySentences(t);
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 1, maxLength: 12 }), (rows) => {
        const saves = render(rows);
        expect(saves.reduce((n, s) => n + s.rows.length, 0)).toBe(rows.length);
        for (const save of saves) {
          expect(save.clauses.length).toBeGreaterThan(0);
          for (const c of save.clauses) expect(c.text.trim().length).toBeGreaterThan(0);
          expect(saveSentence(save).length).toBeGreaterThan(save.who.length + 1);
        }
      }),
      { numRuns: Math.max(100, readEnv().FUZZ_RUNS), seed: readEnv().FUZZ_SEED },
    );
  });
});
