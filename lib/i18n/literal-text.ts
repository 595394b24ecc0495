/**
 * Finds user-facing text written into the code instead of the message files (lib/i18n/messages/*.json),
 * with the TypeScript compiler's parser: JSX text, the JSX attributes people read (aria-label, title,
 * placeholder…), and in any file the texts that reach a person through data: `message:` and `error:`
 * properties (zod, form action results, API error bodies), zod's rule messages (`.min(3, "…")`),
 * refusals thrown with `ruleBroken("…")` / `new DataError(…, "…")` and strings a form action returns.
 * Used by lib/i18n/literal-text.test.ts; the allow-list and the pending list sit beside it.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Literal = { file: string; line: number; text: string; kind: string };

/** JSX attributes whose value a person reads or hears. */
export const READ_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "placeholder",
  "title",
  "alt",
  "label",
  "hint",
  "legend",
  "heading",
  "description",
  "summary",
  "caption",
  "emptyText",
  "empty",
  "confirm",
  "confirmText",
  "prompt",
]);

/** Zod (and similar) methods whose string argument is the message shown when the rule fails. */
const RULE_METHODS = new Set([
  "min",
  "max",
  "length",
  "regex",
  "refine",
  "int",
  "email",
  "url",
  "nonempty",
  "positive",
  "nonnegative",
  "startsWith",
  "endsWith",
  "includes",
]);

/** Properties whose string value is shown to a person. */
const MESSAGE_PROPERTIES = new Set(["message", "error", "errorMessage", "hint", "label", "ariaLabel", "description"]);

/** Calls whose string arguments are refusals a person reads. */
const REFUSAL_CALLS = new Set(["ruleBroken", "DataError"]);

/** A message key ("validation.case.titleRequired"), or a key with parameters ("validation.x?max=3"): not literal text. */
export const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+(\?.*)?$/;

/** Text that reads as words: a letter, and not a CSS class list, a URL, a path, a key or an identifier. */
export function readsAsText(raw: string): boolean {
  const text = raw.trim();
  if (!/\p{L}/u.test(text)) return false;
  if (MESSAGE_KEY.test(text)) return false;
  if (/^(https?:|mailto:|\/|#|\.)/.test(text)) return false;
  return true;
}

/** The visible text of a string-ish expression: literals, templates (their fixed parts), and both arms of a ?: or ??. */
function literalParts(node: ts.Node): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ node, text: node.text }];
  if (ts.isTemplateExpression(node)) {
    const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("…");
    return [{ node, text }];
  }
  if (ts.isParenthesizedExpression(node)) return literalParts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalParts(node.whenTrue), ...literalParts(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
  )
    return [...literalParts(node.left), ...literalParts(node.right)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...literalParts(node.left), ...literalParts(node.right)];
  return [];
}

function attributeName(name: ts.JsxAttributeName): string {
  return ts.isIdentifier(name) ? name.text : `${name.namespace.text}:${name.name.text}`;
}

function calleeName(expr: ts.Expression): string | null {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return null;
}

/** Words in a string that a form action returns as its message ("Saved."): a sentence, not a token. */
function isSentence(text: string): boolean {
  return readsAsText(text) && /\s/.test(text.trim()) && /[A-Za-z]/.test(text);
}

/** Whether a function is a form action's `run` (its returned strings are messages for people). */
function inRunCallback(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
      const parent = n.parent;
      if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.name.text === "run") return true;
      if (ts.isMethodDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === "run") return true;
    }
  }
  return false;
}

/** The user-facing literals of one source text. */
export function scanSource(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string, kind: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file, line, text: text.replace(/\s+/g, " ").trim(), kind });
  };
  const addParts = (expr: ts.Node, kind: string, test: (t: string) => boolean = readsAsText) => {
    for (const part of literalParts(expr)) if (test(part.text)) add(part.node, part.text, kind);
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (readsAsText(node.text)) add(node, node.text, "jsx-text");
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      // {"text"} or {cond ? "a" : "b"} among a JSX element's children
      addParts(node.expression, "jsx-text");
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = attributeName(node.name);
      if (READ_ATTRIBUTES.has(name)) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) {
          if (readsAsText(init.text)) add(init, init.text, `attr:${name}`);
        } else if (ts.isJsxExpression(init) && init.expression) addParts(init.expression, `attr:${name}`);
      }
    } else if (ts.isPropertyAssignment(node)) {
      const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : null;
      if (name && MESSAGE_PROPERTIES.has(name) && !ts.isJsxAttributes(node.parent))
        addParts(node.initializer, `property:${name}`, isSentence);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = calleeName(node.expression);
      const args = node.arguments ?? ts.factory.createNodeArray();
      if (callee && REFUSAL_CALLS.has(callee)) for (const arg of args) addParts(arg, `refusal:${callee}`, isSentence);
      else if (callee && RULE_METHODS.has(callee) && ts.isPropertyAccessExpression(node.expression))
        for (const arg of args) addParts(arg, `rule:${callee}`, isSentence);
    } else if (ts.isReturnStatement(node) && node.expression && inRunCallback(node)) {
      addParts(node.expression, "action-message", isSentence);
    } else if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && inRunCallback(node.body)) {
      addParts(node.body, "action-message", isSentence);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Folders scanned, from the project root. */
export const SCANNED = ["app", "components", "lib"];

/** Paths not scanned: tests, generated code, data tables, message files and tools that speak to operators. */
export const EXCLUDED: RegExp[] = [
  /\.test\.tsx?$/,
  /\.test-data\.ts$/,
  /\.fixture\.ts$/,
  /^lib\/generated\//,
  /^lib\/testing\//,
  /^lib\/i18n\/messages\//,
  // The intake reader's word lists and gazetteer are data it matches report text against, in the reports' languages.
  /^lib\/intake\/(gazetteer|lexicon|groups)/,
  /^lib\/intake\/corpus-eval\.ts$/,
  // Command-line tools for operators (backup, restore, key rotation) print to a terminal, not to the app's users.
  /^lib\/ops\//,
  // Configuration errors stop the server at start-up and are read by whoever deploys it, in its log.
  /^lib\/env\.ts$/,
  // The OpenAPI document describes the API to programmers; it is a technical reference, kept in English.
  /^lib\/api\/openapi\.ts$/,
];

/** The .ts/.tsx files under the scanned folders, relative to `root`, with "/" separators. */
export function scannedFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") && !EXCLUDED.some((re) => re.test(rel)))
        out.push(rel);
    }
  };
  for (const dir of SCANNED) walk(dir);
  return out.sort();
}

/** Every user-facing literal in the project. */
export function scanProject(root: string): Literal[] {
  return scannedFiles(root).flatMap((file) => scanSource(file, fs.readFileSync(path.join(root, file), "utf8")));
}
