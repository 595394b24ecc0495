import { describe, expect, it } from "vitest";
import { lexiconEn } from "@/lib/intake/lexicon-en";
import { notTextReason, splitLines, splitSentences } from "@/lib/intake/text";

const sentences = (text: string) => splitSentences(text, splitLines(text), lexiconEn.abbreviations).map((s) => s.text);

describe("sentences", () => {
  it("does not split at abbreviations, initials or dotted acronyms", () => {
    expect(
      sentences(
        "According to Rep. Park Sun-young of the party, N.K. defectors were caught on Feb. 4 by the U.N. office. They face repatriation.",
      ),
    ).toEqual([
      "According to Rep. Park Sun-young of the party, N.K. defectors were caught on Feb. 4 by the U.N. office.",
      "They face repatriation.",
    ]);
  });

  it("keeps closing quotes with their sentence and splits after them", () => {
    expect(sentences("“We have not been passive.” He left. “What now?” she asked.")).toEqual([
      "“We have not been passive.”",
      "He left.",
      "“What now?” she asked.",
    ]);
  });

  it("treats line breaks as boundaries, except inside a hard-wrapped paragraph", () => {
    expect(
      sentences(
        "Headline without a period\nSubhead line\n\nBody text that was wrapped\nin the middle of a sentence. Second one.",
      ),
    ).toEqual([
      "Headline without a period",
      "Subhead line",
      "Body text that was wrapped\nin the middle of a sentence.",
      "Second one.",
    ]);
  });

  it("gives offsets into the original text, with Windows line breaks too", () => {
    const text = "  Title\r\n\r\nFirst sentence. Second sentence.\r\n";
    const lines = splitLines(text);
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(["Title", "First sentence. Second sentence."]);
    for (const s of splitSentences(text, lines, lexiconEn.abbreviations))
      expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("handles empty and blank input", () => {
    expect(sentences("")).toEqual([]);
    expect(sentences(" \n\t\n ")).toEqual([]);
  });
});

describe("page furniture", () => {
  it.each([
    "Back To Top",
    "Share this article",
    "Advertisement",
    "Print",
    "Related Articles",
    "© The Korea Herald",
    "Most Popular",
    "[Photo]",
  ])("%s is clutter", (line) => {
    expect(lexiconEn.clutterLine.test(line)).toBe(true);
  });
  it.each(["N.K. defectors in China face repatriation", "By Song Sang-ho (", "Korea Herald daum"])(
    "%s is not",
    (line) => {
      expect(lexiconEn.clutterLine.test(line)).toBe(false);
    },
  );
});

describe("notTextReason", () => {
  it("accepts text, even with a stray control character", () => {
    expect(notTextReason("An ordinary report.\fPage two.")).toBeNull();
    expect(notTextReason("탈북자 10명이 체포됐다.")).toBeNull();
  });
  it("refuses NUL bytes and control-character soup", () => {
    expect(notTextReason("abc\u0000def")).toBe("it contains NUL bytes");
    expect(notTextReason("\u0001\u0002\u0003\u0004 abc \ufffd\ufffd\ufffd")).toBe(
      "it is mostly control characters or undecodable bytes",
    );
  });
});
