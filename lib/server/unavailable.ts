/**
 * What a person or a script gets while the database cannot be reached, or while the server is too
 * busy to take one more request (lib/server/admission.ts): 503 with Retry-After, a page that says
 * nothing saved is lost (for browsers), or a JSON error (for /api). Served by the HTTP server itself,
 * so it needs neither the database nor a page render.
 */
import type { IncomingMessage } from "node:http";

export const RETRY_AFTER_SECONDS = 30;
/** A busy server frees up within seconds: ask for a quick retry. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export type PlainResponse = { status: number; headers: Record<string, string>; body: string };

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Refoulement Watch</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #fafaf9; color: #1c1917; }
  main { max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; }
  h1 { font-size: 1.5rem; }
  a { color: #1c1917; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
<p>If you were filling in a form, go back: your browser usually keeps what you typed.</p>
<p><a href="">Try again</a></p>
</main>
</body>
</html>
`;

const UNAVAILABLE_PAGE = page(
  "The database is unavailable",
  `<p>Refoulement Watch cannot reach its database right now. <strong>Nothing you saved is lost</strong>: every change
that was confirmed is stored. Try again in a minute.</p>`,
);
const BUSY_PAGE = page(
  "Too many requests at once",
  `<p>Refoulement Watch is answering more requests than it can right now, so it did not start on yours.
<strong>Nothing you saved is lost.</strong> Try again in a few seconds.</p>`,
);

/** The 503 for `request`: JSON under /api (health gets its reason), the page elsewhere. */
export function unavailableResponse(request: Pick<IncomingMessage, "url">, reason: string, since: Date): PlainResponse {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  const path = (request.url ?? "/").split("?")[0];
  if (path === "/api/health") {
    return {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ status: "error", database: "unavailable", reason, since: since.toISOString() }),
    };
  }
  if (path.startsWith("/api/")) {
    const message = "The database is unavailable. Nothing that was saved is lost; try again in a minute.";
    return {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ error: { code: "database-unavailable", message } }),
    };
  }
  return { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" }, body: UNAVAILABLE_PAGE };
}

/** The 503 for a request the server is too busy to start (its line is full, or its wait ran out). */
export function busyResponse(request: Pick<IncomingMessage, "url">): PlainResponse {
  const headers = { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if ((request.url ?? "/").startsWith("/api/")) {
    const message =
      "The server is busy with other requests. Nothing that was saved is lost; try again in a few seconds.";
    return {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ error: { code: "server-busy", message } }),
    };
  }
  return { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" }, body: BUSY_PAGE };
}
