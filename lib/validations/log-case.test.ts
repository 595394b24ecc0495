import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logCaseSchema } from "@/lib/validations/log-case";
import { englishMessage } from "@/lib/i18n/english-message";

const TEXT = "Seoul, 14 Feb 2012. Ten North Koreans were arrested in Shenyang last Wednesday, activists said.";

/** A complete one-pass form as the page sends it: a pasted report, an arrest and an appeal to a new contact. */
const valid: Record<string, string> = {
  title: "Ten caught in Shenyang",
  summary: "",
  sizeMin: "10",
  sizeMax: "",
  sizeBest: "",
  sizeWording: "Ten North Koreans",
  sizeQuote: "Ten North Koreans",
  country: "CN",
  province: "Liaoning",
  cityArea: "Shenyang",
  verification: "LIKELY",
  priority: "NORMAL",
  visibility: "INTERNAL",
  "source.outlet": "Test Herald",
  "source.title": "Ten caught",
  "source.language": "en",
  "source.publishedAt": "2012-02-14",
  "source.text": TEXT,
  "event.type": "ARRESTED",
  "event.dateEarliest": "2012-02-08",
  "event.dateLatest": "",
  "event.precision": "DAY",
  "event.dateWording": "last Wednesday",
  "event.quote": "were arrested in Shenyang last Wednesday",
  "action.add": "yes",
  "action.contactId": "",
  "contact.name": "Park Sun-young",
  "contact.kind": "LAWMAKER",
  "action.kind": "APPEAL",
  "action.date": "2012-02-15",
  "action.askedFor": "Ask China not to repatriate them.",
  "action.response": "NO_RESPONSE",
  "action.status": "AWAITING_RESPONSE",
};

const messages = (form: Record<string, unknown>) => {
  const parsed = logCaseSchema.safeParse(form);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), englishMessage(i.message)]));
};

describe("logCaseSchema", () => {
  it("reads a complete form into the case, its event at the case's place, the pasted source, the passages and the appeal to a new contact", () => {
    const parsed = logCaseSchema.parse(valid);
    expect(parsed.case).toMatchObject({ title: "Ten caught in Shenyang", sizeMin: 10, province: "Liaoning" });
    expect(parsed.event).toMatchObject({ type: "ARRESTED", dateEarliest: "2012-02-08", dateLatest: "2012-02-08" });
    expect(parsed.source).toMatchObject({ mode: "new", outlet: "Test Herald", text: TEXT });
    expect(parsed.sizeQuote).toBe("Ten North Koreans");
    expect(parsed.action?.contact).toMatchObject({ mode: "new", name: "Park Sun-young", kind: "LAWMAKER" });
    expect(parsed.action).toMatchObject({ kind: "APPEAL", askedFor: "Ask China not to repatriate them." });
  });

  it("a picked source and contact need no pasted text or new contact; no action when it is not ticked", () => {
    const picked = {
      ...valid,
      "source.id": "c".repeat(25),
      "source.text": "",
      "source.outlet": "",
      "action.contactId": "d".repeat(25),
      "contact.name": "",
    };
    const parsed = logCaseSchema.parse(picked);
    expect(parsed.source).toEqual({ mode: "existing", id: "c".repeat(25) });
    expect(parsed.action?.contact).toEqual({ mode: "existing", id: "d".repeat(25) });
    expect(logCaseSchema.parse({ ...valid, "action.add": "", "action.askedFor": "" }).action).toBeUndefined();
  });

  it("says in sentences what to fix, under each field's form name", () => {
    expect(messages({ ...valid, "event.quote": "" })["event.quote"]).toMatch(/^Select the passage/);
    expect(messages({ ...valid, sizeQuote: "Eleven North Koreans" }).sizeQuote).toBe(
      "The passage behind the size does not occur word for word in the report's text. Select it in the text shown beside the form.",
    );
    expect(messages({ ...valid, "source.text": "" })["source.text"]).toBe("Paste the text of the report.");
    expect(messages({ ...valid, "contact.name": "" })["contact.name"]).toBe("Enter a name.");
    expect(messages({ ...valid, "action.followUpDue": "2012-02-01" })["action.followUpDue"]).toBe(
      "The follow-up cannot be before the action's date.",
    );
    expect(messages({ ...valid, "event.dateEarliest": "2999-01-01" })["event.dateEarliest"]).toBe(
      "An event cannot start in the future.",
    );
    expect(messages({ ...valid, sizeMax: "3" }).sizeMax).toBe("The maximum cannot be below the minimum.");
  });

  it("never throws on any form, and whatever it accepts is whole: passages in the pasted text, a date range, a source", () => {
    const keys = Object.keys(valid);
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("", " ", "\u0000", "\uD800", "2012-02-30", "-1", "1e9", "yes", "c".repeat(25)),
    );
    const form = fc
      .array(fc.tuple(fc.constantFrom(...keys, "source.id", "action.followUpDue"), fc.option(value)), {
        minLength: 1,
        maxLength: 4,
      })
      .map((changes) => {
        const f: Record<string, unknown> = { ...valid };
        for (const [k, v] of changes)
          if (v === null) delete f[k];
          else f[k] = v;
        return f;
      });
    fc.assert(
      fc.property(form, (f) => {
        const parsed = logCaseSchema.safeParse(f);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          for (const issue of parsed.error.issues) expect(englishMessage(issue.message)).toMatch(/[.”]$/);
          return;
        }
        const v = parsed.data;
        expect(v.event.dateLatest >= v.event.dateEarliest).toBe(true);
        expect(v.eventQuote.length).toBeGreaterThan(0);
        if (v.source.mode === "new") {
          expect(v.source.text).toContain(v.eventQuote);
          if (v.sizeQuote) expect(v.source.text).toContain(v.sizeQuote);
        }
      }),
      { numRuns: 300 },
    );
  });
});
