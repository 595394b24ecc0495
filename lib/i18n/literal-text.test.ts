import path from "node:path";
import { describe, expect, it } from "vitest";
import allowList from "@/lib/i18n/literal-allow-list.json";
import pending from "@/lib/i18n/literal-pending.json";
import { scanProject, scanSource, type Literal } from "@/lib/i18n/literal-text";

/**
 * No user-facing text outside the message files: every literal the scanner finds must be a proper name or a
 * technical token on the allow-list (each with its reason), or on the pending list of texts not moved yet.
 * The pending list may only shrink: an entry the scanner no longer finds fails the test until it is removed,
 * and the list may never grow past PENDING_CEILING.
 */
const PENDING_CEILING = 507;

const root = path.resolve(import.meta.dirname, "..", "..");
const allowed = new Set(allowList.map((entry) => entry.text));
const pendingKey = (file: string, text: string) => `${file}\u0000${text}`;
const pendingSet = new Set(pending.map((entry) => pendingKey(entry.file, entry.text)));
const show = (l: Literal) => `${l.file}:${l.line}: ${l.text}  [${l.kind}]`;

describe("the literal-text scanner", () => {
  it("finds JSX text, read attributes, rule messages, action results and refusals", () => {
    const sample = `
      export function Page({ n }: { n: number }) {
        return (
          <section aria-label="Cases table" className="p-2 text-sm">
            <h1>Case list</h1>
            {n > 1 ? "Many" : "One"}
            <input placeholder="Search…" name="q" type="text" />
            <img alt={t("images.logo")} src="/logo.png" />
            <p>{t("cases.none")} — 12</p>
          </section>
        );
      }
      const schema = z.string({ message: "Give a title." }).min(3, \`Title needs \${3} characters.\`).max(9, "validation.tooLong");
      const act = () => runFormAction(null, null, { run: async () => "Case saved." });
      throw ruleBroken("You cannot do that here.");
    `;
    const texts = scanSource("components/sample.tsx", sample)
      .map((l) => [l.line, l.text, l.kind])
      .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1])));
    expect(texts).toEqual([
      [4, "Cases table", "attr:aria-label"],
      [5, "Case list", "jsx-text"],
      [6, "Many", "jsx-text"],
      [6, "One", "jsx-text"],
      [7, "Search…", "attr:placeholder"],
      [13, "Give a title.", "property:message"],
      [13, "Title needs … characters.", "rule:min"],
      [14, "Case saved.", "action-message"],
      [15, "You cannot do that here.", "refusal:ruleBroken"],
    ]);
  });

  it("leaves message keys, class names, URLs and punctuation alone", () => {
    const sample = `<p className="mt-2 text-sm" title="validation.case.titleRequired"><a href="/cases">{"—"}</a> · {code}</p>`;
    expect(scanSource("components/x.tsx", sample)).toEqual([]);
  });
});

describe("the code", () => {
  const found = scanProject(root);

  it("has no user-facing literal text outside the message files, the allow-list and the pending list", () => {
    const unexpected = found.filter((l) => !allowed.has(l.text) && !pendingSet.has(pendingKey(l.file, l.text)));
    expect(unexpected.map(show), "move these texts into lib/i18n/messages/en.json and ko.json").toEqual([]);
  });

  it("keeps the pending list shrinking: every entry still exists, and there are no more than the ceiling", () => {
    const present = new Set(found.map((l) => pendingKey(l.file, l.text)));
    const stale = pending.filter((entry) => !present.has(pendingKey(entry.file, entry.text)));
    expect(stale, "these texts were moved: remove them from lib/i18n/literal-pending.json").toEqual([]);
    expect(pending.length).toBeLessThanOrEqual(PENDING_CEILING);
  });

  it("gives every allow-list entry a reason", () => {
    for (const entry of allowList) expect(entry.reason.length, entry.text).toBeGreaterThan(10);
  });
});
