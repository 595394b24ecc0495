// npm run i18n:keys — the number of message keys and how many each language translates
// (lib/i18n/coverage.ts). Lists what is missing or still English; exits 1 below 100%.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { coverage, coverageLine, type MessageTree } from "../lib/i18n/coverage.ts";
import { LOCALES } from "../lib/i18n/locales.ts";

const dir = path.join(import.meta.dirname, "../lib/i18n/messages");
const read = async (locale: string) =>
  JSON.parse(await readFile(path.join(dir, `${locale}.json`), "utf8")) as MessageTree;

const english = await read("en");
let complete = true;
const results = [];
for (const locale of LOCALES) results.push(coverage(locale, english, await read(locale)));
console.log(`message keys: ${results[0]?.total ?? 0}`);
for (const c of results) {
  console.log(coverageLine(c));
  for (const key of c.missing) console.log(`  missing: ${key}`);
  for (const key of c.untranslated) console.log(`  same as English: ${key}`);
  if (c.translated < c.total) complete = false;
}
process.exitCode = complete ? 0 : 1;
