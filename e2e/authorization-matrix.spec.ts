/**
 * The authorization matrix: every page, route handler and server action × every role (visitor
 * included), checked against the running app. Server actions are POSTed to directly, the way an
 * attacker would, bypassing the UI. The test fails when a route or action exists without an entry.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signInAs, type DemoRole } from "./helpers";
import { discoverActions, postAction } from "./server-actions";
import { discoverRoutes, loadSampleIds, ROLES, ROUTES, sampleUrl, type Role } from "./routes";

/**
 * What an allowed role gets for an empty form, where it is not "invalid": the language switcher
 * changes only the reader's own cookie, and an empty form changes nothing and returns to the page.
 */
const EMPTY_FORM_OUTCOME: Record<string, string> = { setLocaleAction: "ok" };

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
  logCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  updateCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  archiveCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  restoreCaseAction: ["EDITOR", "STAFF", "ADMIN"],
  addEventAction: ["EDITOR", "STAFF", "ADMIN"],
  removeEventAction: ["EDITOR", "STAFF", "ADMIN"],
  restoreEventAction: ["EDITOR", "STAFF", "ADMIN"],
  recordWhatHappenedAction: ["EDITOR", "STAFF", "ADMIN"],
  updateEventAction: ["EDITOR", "STAFF", "ADMIN"],
  createApiTokenAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  revokeApiTokenAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  saveViewAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  deleteSavedViewAction: ["RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
  proposeFromReportAction: ["EDITOR", "STAFF", "ADMIN"],
  saveFromReportAction: ["EDITOR", "STAFF", "ADMIN"],
  importSpreadsheetAction: ["EDITOR", "STAFF", "ADMIN"],
  importJobStatusAction: ["EDITOR", "STAFF", "ADMIN"],
  createUserAction: ["ADMIN"],
  changeRoleAction: ["ADMIN"],
  setDisabledAction: ["ADMIN"],
  resetPasswordAction: ["ADMIN"],
  signOutEverywhereAction: ["ADMIN"],
  addTermAction: ["ADMIN"],
  updateTermAction: ["ADMIN"],
  mergeTermsAction: ["ADMIN"],
  retireTermAction: ["ADMIN"],
  // Choosing the language is for everyone; signed in, it is also saved on the account.
  setLocaleAction: ["VISITOR", "RESEARCHER", "EDITOR", "STAFF", "ADMIN"],
};

const contexts = {} as Record<Role, APIRequestContext>;

test.describe("[AUTHZ] authorization matrix", () => {
  test.beforeAll(async ({ browser }) => {
    await loadSampleIds();
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
        const url = sampleUrl(sample);
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

  test("the upload route refuses every role that may not attach files, and cross-site posts", async () => {
    const url = sampleUrl(ROUTES["/api/sources/[id]/files"][0]);
    const origin = test.info().project.use.baseURL!;
    // An empty form: allowed roles get 400 (no file, nothing written); visitors 401; other roles 403.
    const expected: Record<Role, number> = { VISITOR: 401, RESEARCHER: 403, EDITOR: 400, STAFF: 400, ADMIN: 400 };
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const response = await contexts[role].post(url, { headers: { Origin: origin }, multipart: { note: "empty" } });
      if (response.status() !== expected[role])
        mismatches.push(`${role} POST ${url}: ${response.status()}, expected ${expected[role]}`);
    }
    // The same post from another site (or with no Origin at all) is refused before anything is read.
    for (const headers of [{ Origin: "https://attacker.example" }, {}] as Record<string, string>[]) {
      const response = await contexts.ADMIN.post(url, { headers, multipart: { note: "empty" } });
      if (response.status() !== 403)
        mismatches.push(`ADMIN cross-site POST ${url}: ${response.status()}, expected 403`);
    }
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
        const expected = allowed.includes(role) ? (EMPTY_FORM_OUTCOME[name] ?? "invalid") : "forbidden";
        checked++;
        if (status !== expected) mismatches.push(`${role} → ${name}: ${status}, expected ${expected}`);
      }
    }
    console.log(`action checks: ${checked}`);
    expect(mismatches).toEqual([]);
  });
});
