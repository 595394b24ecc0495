import { describe, expect, it } from "vitest";
import { addClaimSchema, captureSourceSchema, isStorableText, MAX_SOURCE_TEXT } from "@/lib/validations/source";
import { englishMessage } from "@/lib/i18n/english-message";

const ID = "ckabcdefghij0123456789xy";
const capture = {
  caseCode: "CN-2012-0001",
  url: "https://www.koreaherald.com/view.php?ud=1",
  outlet: "The Korea Herald",
  title: "NK defectors",
  author: "",
  language: "en",
  publishedAt: "2012-02-20",
  text: "Ten people were caught.\r\nThey face repatriation.",
  supersedesId: "",
};
const claim = {
  sourceId: ID,
  caseCode: "CN-2012-0001",
  target: "FIELD",
  field: "sizeMin",
  value: "10",
  quote: "Ten people were caught.",
  eventId: "",
};

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((i) => [String(i.path[0] ?? "form"), englishMessage(i.message)]),
  );
}

describe("captureSourceSchema", () => {
  it("accepts a full form, normalizes CRLF line breaks and blank optional fields", () => {
    const parsed = captureSourceSchema.parse(capture);
    expect(parsed.text).toBe("Ten people were caught.\nThey face repatriation.");
    expect(parsed.author).toBeUndefined();
    expect(parsed.supersedesId).toBeUndefined();
    expect(parsed.publishedAt?.toISOString()).toBe("2012-02-20T00:00:00.000Z");
  });

  it("keeps the text exactly otherwise: leading spaces, zero-width and RTL marks are part of it", () => {
    const text = "  \u200b\u200fשלום 10 people\u202e ";
    expect(captureSourceSchema.parse({ ...capture, text }).text).toBe(text);
  });

  it("leaves a blank language to be detected from the text at capture, and needs outlet, title and text", () => {
    const r = captureSourceSchema.safeParse({ language: "" });
    expect(r.success).toBe(false);
    const e = errorsOf(r);
    expect(Object.keys(e).sort()).toEqual(["outlet", "text", "title"]);
    expect(captureSourceSchema.parse({ ...capture, language: "" }).language).toBeUndefined();
    expect(captureSourceSchema.parse({ ...capture, language: "ko" }).language).toBe("ko");
  });

  it("refuses non-http URLs, future and impossible dates, over-long fields, each with its own message", () => {
    for (const url of [
      "javascript:alert(1)",
      "ftp://example.org/x",
      "file:///etc/passwd",
      "example.org",
      "data:text/html,<b>",
    ]) {
      expect(errorsOf(captureSourceSchema.safeParse({ ...capture, url })).url).toMatch(/http/);
    }
    const tomorrowPlusOne = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, publishedAt: tomorrowPlusOne })).publishedAt).toMatch(
      /future/,
    );
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, publishedAt: "2012-02-30" })).publishedAt).toMatch(
      /does not exist/,
    );
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, publishedAt: "20/02/2012" })).publishedAt).toMatch(
      /2012-02-20/,
    );
    expect(
      captureSourceSchema.safeParse({ ...capture, publishedAt: new Date().toISOString().slice(0, 10) }).success,
    ).toBe(true);
    const e = errorsOf(
      captureSourceSchema.safeParse({
        ...capture,
        outlet: "x".repeat(301),
        title: "x".repeat(501),
        author: "x".repeat(301),
        language: "english please",
      }),
    );
    expect(Object.keys(e).sort()).toEqual(["author", "language", "outlet", "title"]);
  });

  it("limits the text to 1,000,000 characters and refuses whitespace-only or unstorable text", () => {
    expect(captureSourceSchema.safeParse({ ...capture, text: "a".repeat(MAX_SOURCE_TEXT) }).success).toBe(true);
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, text: "a".repeat(MAX_SOURCE_TEXT + 1) })).text).toMatch(
      /1,000,000/,
    );
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, text: " \n\t " })).text).toMatch(/Paste/);
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, text: "a\u0000b" })).text).toMatch(/cannot be stored/);
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, text: "broken \ud800 pair" })).text).toMatch(
      /cannot be stored/,
    );
    expect(errorsOf(captureSourceSchema.safeParse({ ...capture, outlet: "A\u0000" })).outlet).toMatch(
      /cannot be stored/,
    );
  });
});

describe("addClaimSchema", () => {
  it("accepts a field claim and trims the quote", () => {
    expect(addClaimSchema.parse({ ...claim, quote: "  Ten people were caught. " })).toEqual({
      sourceId: ID,
      caseCode: "CN-2012-0001",
      target: "FIELD",
      field: "sizeMin",
      value: "10",
      quote: "Ten people were caught.",
      eventId: undefined,
    });
  });

  it("needs an event for EVENT and a known field for FIELD", () => {
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, target: "EVENT" })).eventId).toMatch(/event/);
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, field: "" })).field).toMatch(/field/);
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, field: "passwordHash" })).field).toMatch(/list/);
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, target: "PERSON" })).target).toMatch(
      /case, an event or a field/,
    );
  });

  it("keeps only what the target uses", () => {
    expect(addClaimSchema.parse({ ...claim, target: "CASE", eventId: ID })).toMatchObject({
      target: "CASE",
      field: undefined,
      value: undefined,
      eventId: undefined,
    });
    expect(addClaimSchema.parse({ ...claim, target: "EVENT", eventId: ID })).toMatchObject({
      target: "EVENT",
      eventId: ID,
      field: undefined,
      value: undefined,
    });
  });

  it("wants digits for counts, any short text otherwise; the quote is 1 to 5,000 characters", () => {
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, value: "ten" })).value).toMatch(/digits/);
    expect(addClaimSchema.parse({ ...claim, field: "status", value: "AT_RISK_OF_REPATRIATION" }).value).toBe(
      "AT_RISK_OF_REPATRIATION",
    );
    expect(addClaimSchema.parse({ ...claim, value: "" }).value).toBeUndefined();
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, field: "province", value: "x".repeat(301) })).value).toMatch(
      /300/,
    );
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, quote: "   " })).quote).toMatch(/Copy/);
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, quote: "q".repeat(5001) })).quote).toMatch(/5,000/);
    expect(addClaimSchema.safeParse({ ...claim, quote: "q".repeat(5000) }).success).toBe(true);
  });

  it("refuses an empty form field by field, and malformed ids", () => {
    const e = errorsOf(addClaimSchema.safeParse({}));
    expect(Object.keys(e).sort()).toEqual(["caseCode", "quote", "sourceId", "target"]);
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, sourceId: '\'; DROP TABLE "Source"; --' })).sourceId).toMatch(
      /source/,
    );
    expect(errorsOf(addClaimSchema.safeParse({ ...claim, caseCode: "cn-2012-0001" })).caseCode).toMatch(/case/);
  });
});

describe("isStorableText", () => {
  it("accepts emoji and astral characters, refuses NUL and lone surrogates", () => {
    expect(isStorableText("👨‍👩‍👧 𠜎 ﷽")).toBe(true);
    expect(isStorableText("\u0000")).toBe(false);
    expect(isStorableText("\udc00x")).toBe(false);
  });
});
