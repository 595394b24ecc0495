/**
 * The authorization matrix: every page, route handler and server action × every role (visitor
 * included), checked against the running app. Server actions are POSTed to directly, the way an
 * attacker would, bypassing the UI. The test fails when a route or action exists without an entry.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { signInAs, type DemoRole } from "./helpers";
import { discoverActions, postAction } from "./server-actions";
import { readEnv } from "../lib/env";

// Playwright runs from the project root (scripts/test.ts starts it there).
const ROOT = process.cwd();
const ROLES = ["VISITOR", "RESEARCHER", "EDITOR", "STAFF", "ADMIN"] as const;
type Role = (typeof ROLES)[number];

/** Expected HTTP status for each role. 307 = sent to sign in (or away from /login), 404 = does not exist for you. */
type Expected = Record<Role, number>;
const all = (status: number): Expected => ({
  VISITOR: status,
  RESEARCHER: status,
  EDITOR: status,
  STAFF: status,
  ADMIN: status,
});
const signedInOnly = (allowed: Role[]): Expected =>
  Object.fromEntries(ROLES.map((r) => [r, r === "VISITOR" ? 307 : allowed.includes(r) ? 200 : 404])) as Expected;

/** Route pattern (as the app/ folder names it) → sample URLs and what each role must get. */
const ROUTES: Record<string, { url: string | (() => string); expected: Expected }[]> = {
  "/": [{ url: "/", expected: all(200) }],
  "/cases": [{ url: "/cases", expected: all(200) }],
  "/cases/[code]": [
    { url: "/cases/CN-2012-0001", expected: all(200) },
    { url: "/cases/SYN-2012-0001", expected: { VISITOR: 404, RESEARCHER: 200, EDITOR: 200, STAFF: 200, ADMIN: 200 } },
    { url: "/cases/SYN-2012-0002", expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 } },
  ],
  "/cases/[code]/preview": [
    {
      url: "/cases/CN-2012-0001/preview",
      expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 200, STAFF: 200, ADMIN: 200 },
    },
    {
      url: "/cases/SYN-2012-0002/preview",
      expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/cases/new": [{ url: "/cases/new", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/from-report": [{ url: "/cases/from-report", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/archived": [{ url: "/cases/archived", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/[code]/edit": [
    { url: "/cases/CN-2012-0001/edit", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
    { url: "/cases/SYN-2012-0002/edit", expected: signedInOnly(["STAFF", "ADMIN"]) },
  ],
  "/cases/[code]/history": [
    { url: "/cases/CN-2012-0001/history", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
  ],
  "/cases/[code]/sources/new": [
    { url: "/cases/CN-2012-0001/sources/new", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
    // A restricted case: editors may attach sources but may not see it.
    {
      url: "/cases/SYN-2012-0002/sources/new",
      expected: { VISITOR: 307, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/sources/[id]": [{ url: () => `/sources/${reportSourceId}`, expected: all(200) }],
  "/login": [{ url: "/login", expected: { VISITOR: 200, RESEARCHER: 307, EDITOR: 307, STAFF: 307, ADMIN: 307 } }],
  "/annotations": [{ url: "/annotations", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/contacts": [{ url: "/contacts", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/contacts/[id]": [{ url: () => `/contacts/${contactId}`, expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/follow-ups": [{ url: "/follow-ups", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/import": [{ url: "/import", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/[code]/advocacy/new": [
    { url: "/cases/CN-2012-0001/advocacy/new", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
    { url: "/cases/SYN-2012-0002/advocacy/new", expected: signedInOnly(["STAFF", "ADMIN"]) },
  ],
  "/cases/[code]/advocacy/[id]/edit": [
    {
      url: () => `/cases/CN-2012-0001/advocacy/${advocacyId}/edit`,
      expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]),
    },
    // The right action under another case's code does not exist.
    { url: () => `/cases/CN-2012-0002/advocacy/${advocacyId}/edit`, expected: signedInOnly([]) },
  ],
  "/timeline": [{ url: "/timeline?from=2012-02-01&to=2012-02-29", expected: all(200) }],
  "/timeline/export": [
    { url: "/timeline/export?format=csv&from=2012-02-01&to=2012-02-29", expected: all(200) },
    { url: "/timeline/export?format=xml", expected: all(400) },
  ],
  "/map": [{ url: "/map", expected: all(200) }],
  "/account": [{ url: "/account", expected: signedInOnly(["RESEARCHER", "EDITOR", "STAFF", "ADMIN"]) }],
  "/api/v1/cases": [
    { url: "/api/v1/cases", expected: all(200) },
    // Filtering by advocacy contact would reveal advocacy: refused below editors.
    {
      url: () => `/api/v1/cases?contact=${contactId}`,
      expected: { VISITOR: 400, RESEARCHER: 400, EDITOR: 200, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/api/v1/cases/[code]": [
    { url: "/api/v1/cases/CN-2012-0001", expected: all(200) },
    {
      url: "/api/v1/cases/SYN-2012-0001",
      expected: { VISITOR: 404, RESEARCHER: 200, EDITOR: 200, STAFF: 200, ADMIN: 200 },
    },
    {
      url: "/api/v1/cases/SYN-2012-0002",
      expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/api/v1/openapi.json": [{ url: "/api/v1/openapi.json", expected: all(200) }],
  "/admin/users": [{ url: "/admin/users", expected: signedInOnly(["ADMIN"]) }],
  "/admin/audit": [{ url: "/admin/audit", expected: signedInOnly(["ADMIN"]) }],
  "/api/health": [{ url: "/api/health", expected: all(200) }],
  "/api/auth/[...nextauth]": [{ url: "/api/auth/session", expected: all(200) }],
};

/** Server action → roles allowed to run it. Everyone else must get "forbidden". */
const ACTIONS: Record<string, Role[]> = {
  createAnnotationAction: ["STAFF", "ADMIN"],
  replyAnnotationAction: ["EDITOR", "STAFF", "ADMIN"],
  resolveAnnotationAction: ["STAFF", "ADMIN"],
  setCaseVisibilityAction: ["EDITOR", "STAFF", "ADMIN"],
  captureSourceAction: ["EDITOR", "STAFF", "ADMIN"],
  addClaimAction: ["EDITOR", "STAFF", "ADMIN"],
  createContactAction: ["EDITOR", "STAFF", "ADMIN"],
  updateContactAction: ["EDITOR", "STAFF", "ADMIN"],
  archiveContactAction: ["EDITOR", "STAFF", "ADMIN"],
  createAdvocacyActionAction: ["EDITOR", "STAFF", "ADMIN"],
  updateAdvocacyActionAction: ["EDITOR", "STAFF", "ADMIN"],
  createCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  updateCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  archiveCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  restoreCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  addEventAction: ["EDITOR", "STAFF", "ADMIN"],
  removeEventAction: ["EDITOR", "STAFF", "ADMIN"],
  updateEventAction: ["EDITOR", "STAFF", "ADMIN"],
  createApiTokenAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  revokeApiTokenAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  saveViewAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  deleteSavedViewAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  proposeFromReportAction: ["EDITOR", "STAFF", "ADMIN"],
  saveFromReportAction: ["EDITOR", "STAFF", "ADMIN"],
  importSpreadsheetAction: ["EDITOR", "STAFF", "ADMIN"],
  createUserAction: ["ADMIN"],
  changeRoleAction: ["ADMIN"],
  setDisabledAction: ["ADMIN"],
  resetPasswordAction: ["ADMIN"],
  signOutEverywhereAction: ["ADMIN"],
};

let reportSourceId = "";
let contactId = "";
let advocacyId = "";
const contexts = {} as Record<Role, APIRequestContext>;

/** Route patterns from the app/ folder: every page.tsx and route.ts. */
function discoverRoutes(dir = path.join(ROOT, "app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`; // route groups add no segment
      found.push(...discoverRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (/^(page|route)\.(tsx|ts)$/.test(entry.name)) {
      found.push(prefix || "/");
    }
  }
  return found;
}

test.describe("[AUTHZ] authorization matrix", () => {
  test.beforeAll(async ({ browser }) => {
    const db = new pg.Client({ connectionString: readEnv().E2E_DATABASE_URL });
    await db.connect();
    reportSourceId = (await db.query(`SELECT id FROM "Source" WHERE outlet = 'The Korea Herald' LIMIT 1`)).rows[0].id;
    contactId = (await db.query(`SELECT id FROM "Contact" WHERE "deletedAt" IS NULL ORDER BY "createdAt" LIMIT 1`))
      .rows[0].id;
    advocacyId = (
      await db.query(
        `SELECT a.id FROM "AdvocacyAction" a JOIN "Case" c ON c.id = a."caseId" WHERE c.code = 'CN-2012-0001' ORDER BY a."createdAt" LIMIT 1`,
      )
    ).rows[0].id;
    await db.end();
    const baseURL = test.info().project.use.baseURL;
    contexts.VISITOR = await playwrightRequest.newContext({ baseURL });
    for (const role of ROLES.filter((r) => r !== "VISITOR")) {
      const context = await browser.newContext();
      await signInAs(await context.newPage(), role as DemoRole);
      contexts[role] = await playwrightRequest.newContext({ baseURL, storageState: await context.storageState() });
      await context.close();
    }
  });

  test("every route and action has an entry", () => {
    expect(discoverRoutes().sort()).toEqual(Object.keys(ROUTES).sort());
    expect([...discoverActions().keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  test("pages and route handlers answer each role as expected", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [pattern, samples] of Object.entries(ROUTES)) {
      for (const sample of samples) {
        const url = typeof sample.url === "function" ? sample.url() : sample.url;
        for (const role of ROLES) {
          const response = await contexts[role].get(url, { maxRedirects: 0 });
          checked++;
          if (response.status() !== sample.expected[role])
            mismatches.push(`${role} GET ${url} (${pattern}): ${response.status()}, expected ${sample.expected[role]}`);
        }
      }
    }
    console.log(`route checks: ${checked}`);
    expect(mismatches).toEqual([]);
  });

  test("server actions posted directly refuse every role without the permission", async () => {
    const actions = discoverActions();
    const mismatches: string[] = [];
    let checked = 0;
    for (const [name, allowed] of Object.entries(ACTIONS)) {
      const action = actions.get(name)!;
      for (const role of ROLES) {
        // An empty form: allowed roles get "invalid" (validation, nothing written); others "forbidden".
        const { status } = await postAction(contexts[role], action, {});
        const expected = allowed.includes(role) ? "invalid" : "forbidden";
        checked++;
        if (status !== expected) mismatches.push(`${role} → ${name}: ${status}, expected ${expected}`);
      }
    }
    console.log(`action checks: ${checked}`);
    expect(mismatches).toEqual([]);
  });
});
