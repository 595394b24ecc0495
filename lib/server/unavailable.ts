/**
 * What a person or a script gets while the database cannot be reached: 503 with Retry-After, a page
 * that says nothing saved is lost (for browsers), or a JSON error (for /api). Served by the HTTP
 * server itself, so it needs neither the database nor a page render.
 */
import type { IncomingMessage } from "node:http";

export const RETRY_AFTER_SECONDS = 30;

export type PlainResponse = { status: number; headers: Record<string, string>; body: string };

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Database unavailable · Refoulement Watch</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #fafaf9; color: #1c1917; }
  main { max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; }
  h1 { font-size: 1.5rem; }
  a { color: #1c1917; }
</style>
</head>
<body>
<main>
<h1>The database is unavailable</h1>
<p>Refoulement Watch cannot reach its database right now. <strong>Nothing you saved is lost</strong>: every change
that was confirmed is stored.</p>
<p>Try again in a minute. If you were filling in a form, go back: your browser usually keeps what you typed.</p>
<p><a href="">Try again</a></p>
</main>
</body>
</html>
`;

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
  return { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" }, body: PAGE };
}
