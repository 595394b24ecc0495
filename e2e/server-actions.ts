/**
 * Talking to the running app the way a script or an attacker would, without a browser: server
 * actions posted directly (found in the build's manifest), signing in over HTTP, and the e2e
 * database for checking what was written.
 */
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "../prisma/seed/demo";
import { demoUser, type DemoRole } from "./helpers";
import { readEnv } from "../lib/env";

// Playwright runs from the project root (scripts/test.ts starts it there).
const ROOT = process.cwd();
const require = createRequire(path.join(ROOT, "package.json"));

export type ServerAction = { id: string; page: string };
type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string };

/** Every server action of the build, by exported name, with a page it can be posted to. */
export function discoverActions(): Map<string, ServerAction> {
  const manifest = require(path.join(ROOT, ".next/server/server-reference-manifest.json")) as {
    node: Record<string, ManifestEntry>;
  };
  const actions = new Map<string, ServerAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0];
    const page =
      "/" +
      worker
        .replace(/^app\//, "")
        .replace(/\/page$/, "")
        .replace(/^page$/, "");
    actions.set(entry.exportedName ?? id, { id, page: page.replace("[code]", "CN-2012-0001") });
  }
  return actions;
}

const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

export type ActionOutcome = { http: number; status: string; message: string | undefined; body: string };

/**
 * Posts a form to an action as React would (previous state, form data), bypassing the UI. `status` is
 * the action's own answer ("ok", "invalid", "forbidden"…; "ok" too for a success that redirects) or
 * "HTTP <code>" when there was none.
 */
export async function postAction(
  context: APIRequestContext,
  action: ServerAction,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<ActionOutcome> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const body = await encodeReply([{ status: "idle" }, form]);
  const response = await context.fetch(action.page, {
    method: "POST",
    headers: { "Next-Action": action.id, Accept: "text/x-component", ...headers },
    // The FormData itself, in its order: as an object, the root field "0" would go first (integer keys
    // sort first) and React would decode the form before its fields had arrived.
    multipart: body instanceof FormData ? body : undefined,
    data: typeof body === "string" ? body : undefined,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await response.text();
  // An action that redirects on success (e.g. to the case it created) answers with this header, not a state.
  const redirected = response.headers()["x-action-redirect"];
  const status = /"status":"([a-z-]+)"/.exec(text)?.[1] ?? (redirected ? "ok" : `HTTP ${response.status()}`);
  const message = /"message":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
  return { http: response.status(), status, message, body: text };
}

/** Signs in over HTTP (next-auth's credentials endpoint) and returns a request context holding the session. */
export async function signedInContext(
  baseURL: string,
  role: DemoRole,
  extraHeaders: Record<string, string> = {},
): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: extraHeaders });
  await signInOverHttp(context, demoUser(role).email, DEMO_PASSWORD);
  return context;
}

/** One sign-in attempt over HTTP; true when a session cookie came back. */
export async function signInOverHttp(
  context: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<boolean> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const state = await context.storageState();
  return state.cookies.some((c) => c.name.endsWith("next-auth.session-token"));
}

/** A client on the e2e database, for checking what a request wrote. */
export async function e2eDatabase(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: readEnv().E2E_DATABASE_URL });
  await client.connect();
  return client;
}
