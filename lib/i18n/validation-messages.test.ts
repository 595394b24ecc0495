import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import { englishMessage } from "@/lib/i18n/english-message";
import { messageKey, translateMessage, type RootTranslator } from "@/lib/i18n/message-key";
import { createCaseSchema } from "@/lib/validations/case";
import { logCaseSchema } from "@/lib/validations/log-case";

const root = path.resolve(import.meta.dirname, "..", "..");
const sources = ["lib/validations", "lib/fields", "lib/actions"].flatMap((dir) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => fs.readFileSync(path.join(root, dir, f), "utf8")),
);
/** Every message key the shared schemas name. */
const referenced = [
  ...new Set(sources.flatMap((s) => [...s.matchAll(/"((?:validation|actions)\.[A-Za-z0-9_.]+)"/g)].map((m) => m[1]))),
];

function leaf(messages: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}
function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

const korean = createTranslator({ locale: "ko", messages: { ...en, ...ko } }) as unknown as RootTranslator;
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("validation and form action messages", () => {
  it("are message keys that exist in English and in Korean", () => {
    expect(referenced.length).toBeGreaterThan(80);
    for (const key of referenced) {
      expect(typeof leaf(en, key), `en: ${key}`).toBe("string");
      expect(typeof leaf(ko, key), `ko: ${key}`).toBe("string");
    }
  });

  it("keep the same placeholders in both languages, and every Korean message is Korean", () => {
    // The namespaces this test's messages live in (other namespaces have their own checks in lib/i18n/messages.test.ts).
    const own = ["validation", "actions", "api", "export", "dashboard", "filterForm", "timelinePage", "errorSummary"];
    for (const [key, text] of leaves(ko).filter(([key]) => own.includes(key.split(".")[0]))) {
      expect(typeof leaf(en, key), `en: ${key}`).toBe("string");
      expect(placeholders(text), key).toEqual(placeholders(leaf(en, key) as string));
      if (!/^\{\w+\}: \{\w+\}$/.test(text)) expect(text, key).toMatch(/[\uac00-\ud7a3]/);
    }
  });

  it("read as sentences in the reader's language, with the field named in it", () => {
    const issues = issuesOf(createCaseSchema.safeParse({ title: "x".repeat(301), sizeMin: "1", sizeMax: "-1" }));
    expect(englishMessage(issues.title)).toBe("The title is limited to 300 characters.");
    expect(translateMessage(korean, issues.title)).toBe("제목: 300자까지 입력할 수 있습니다.");
    expect(translateMessage(korean, issues.sizeMax)).toBe("최대 인원: 음수는 입력할 수 없습니다.");
    expect(translateMessage(korean, issues.verification)).toBe("검증 수준을 선택하세요.");
  });

  it("translate a message nested in another (a passage's own problem)", () => {
    const issues = issuesOf(logCaseSchema.safeParse({ sizeQuote: "\u0000" }));
    expect(englishMessage(issues.sizeQuote)).toMatch(/^The passage behind the size: The quote contains characters/);
    expect(translateMessage(korean, issues.sizeQuote)).toMatch(/^인원 수의 근거 구절: 인용문: 저장할 수 없는 문자/);
  });

  it("leave plain text and unknown keys as they are", () => {
    expect(englishMessage("Saved.")).toBe("Saved.");
    expect(englishMessage("validation.noSuchKey")).toBe("validation.noSuchKey");
    expect(englishMessage(messageKey("actions.notFound", { what: "actions.record.Case" }))).toBe(
      "Case not found. It may have been removed, or you may not have access.",
    );
    expect(translateMessage(korean, messageKey("actions.duplicates", { count: 2 }))).toMatch(
      /^비슷해 보이는 기존 사례가 2건/,
    );
    expect(englishMessage(messageKey("actions.duplicates", { count: 1 }))).toMatch(/^1 existing case looks similar/);
    expect(englishMessage(messageKey("actions.conflict", { hasBy: "yes", by: "Ana", hasAt: "no", at: "" }))).toBe(
      "This was changed by Ana since you opened it. Reload to see the latest version; nothing was saved.",
    );
    expect(englishMessage(messageKey("validation.tooLong", { label: "validation.label.summary", max: 10000 }))).toBe(
      "The summary is limited to 10,000 characters.",
    );
  });
});
