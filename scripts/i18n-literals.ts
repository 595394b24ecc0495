/**
 * Lists the user-facing literals outside the message files (lib/i18n/literal-text.ts), file:line:text.
 * With --write-pending, rewrites lib/i18n/literal-pending.json to what is found and not allow-listed
 * (only to shrink it after moving texts: the unit test refuses a list that grows past its ceiling).
 */
import fs from "node:fs";
import path from "node:path";
import allowList from "@/lib/i18n/literal-allow-list.json";
import { scanProject } from "@/lib/i18n/literal-text";

const root = path.resolve(import.meta.dirname, "..");
const allowed = new Set(allowList.map((entry) => entry.text));
const found = scanProject(root).filter((l) => !allowed.has(l.text));
for (const l of found) console.log(`${l.file}:${l.line}: ${l.text}  [${l.kind}]`);
console.log(`${found.length} literal texts`);
if (process.argv.includes("--write-pending")) {
  const seen = new Set<string>();
  const entries = found.flatMap((l) => {
    const key = `${l.file}\u0000${l.text}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ file: l.file, text: l.text }];
  });
  fs.writeFileSync(path.join(root, "lib/i18n/literal-pending.json"), JSON.stringify(entries, null, 1) + "\n");
  console.log(`pending: ${entries.length}`);
}
