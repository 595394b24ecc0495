import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { coverage, coverageLine, flattenMessages, type MessageTree } from "@/lib/i18n/coverage";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

const dir = path.join(import.meta.dirname, "messages");
const read = (locale: string) => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8")) as MessageTree;
const english = read("en");

/** The arguments ("{count}", "{n, plural …}") and rich-text tags ("<link>") a message uses, by name. */
function namesIn(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      into.add(`{${el.value}}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`{${el.value}}`);
      for (const option of Object.values(el.options)) namesIn(option.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      namesIn(el.children, into);
    }
  }
  return into;
}

describe("message files", () => {
  it("the list of languages is the set of message files", () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect([...LOCALES].sort()).toEqual(files);
    expect(LOCALES).toContain(DEFAULT_LOCALE);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every key of en.json, no other, each a valid ICU message with English's arguments and tags`, () => {
      const en = flattenMessages(english);
      const own = flattenMessages(read(locale));
      expect([...own.keys()].sort()).toEqual([...en.keys()].sort());
      const mismatches: string[] = [];
      for (const [key, text] of own) {
        const want = [...namesIn(parse(en.get(key)!))].sort();
        const got = [...namesIn(parse(text))].sort();
        if (JSON.stringify(want) !== JSON.stringify(got)) mismatches.push(`${key}: ${got} ≠ ${want}`);
      }
      expect(mismatches).toEqual([]);
    });

    it(`${locale}: translated in full (npm run i18n:keys)`, () => {
      const c = coverage(locale, english, read(locale));
      expect({ missing: c.missing, untranslated: c.untranslated }).toEqual({ missing: [], untranslated: [] });
      expect(coverageLine(c)).toBe(`${locale}: ${c.total}/${c.total} (100%)`);
    });
  }

  it("counts a missing key and a key left in English as untranslated, unless it reads the same everywhere", () => {
    const en: MessageTree = { a: { b: "Cases", c: "Map" }, history: { back: "← {code}" }, d: "Timeline" };
    const ko: MessageTree = { a: { b: "사례", c: "Map" }, history: { back: "← {code}" } };
    const c = coverage("ko", en, ko);
    expect(c).toMatchObject({ translated: 2, total: 4, missing: ["d"], untranslated: ["a.c"] });
    expect(coverageLine(c)).toBe("ko: 2/4 (50%)");
  });
});
