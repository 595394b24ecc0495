/**
 * The HTTP server in front of Next.js (what `npm start` and the end-to-end tests run instead of
 * `next start`). Next.js renders every page; this server owns what must be decided before a page is
 * rendered, at the edge of the app:
 *  - who the client is: forwarded headers are believed only from RW_TRUSTED_PROXIES (lib/server/forwarded.ts);
 *  - whether the database is reachable: while it is not, pages and the API answer 503 with
 *    Retry-After, and a probe notices when it is back (lib/server/db-availability.ts);
 *  - how many requests are rendered at once: beyond RW_MAX_ACTIVE_REQUESTS they wait in a bounded line,
 *    writes first, and beyond that line (or its wait) they get 503 with Retry-After (lib/server/admission.ts);
 *  - stopping: Ctrl-C or SIGTERM stops taking requests, lets those in flight finish for up to
 *    RW_SHUTDOWN_GRACE_SECONDS, then exits.
 * Usage: node --import tsx scripts/serve.ts [--dev]   (PORT, DATABASE_URL and the app's settings from the environment)
 */
import http from "node:http";
import pg from "pg";
import { Admission, priorityOf } from "../lib/server/admission.ts";
import { dbAvailability, noteDbError, noteDbOk } from "../lib/server/db-availability.ts";
import { parseTrustedProxies, sanitiseForwardedHeaders } from "../lib/server/forwarded.ts";
import { requestContext, type RequestContext } from "../lib/server/request-context.ts";
import { busyResponse, unavailableResponse, type PlainResponse } from "../lib/server/unavailable.ts";
import { isCacheableVisitorPage, VISITOR_PAGE_CACHE_CONTROL, varyWithCookie } from "../lib/server/cache-control.ts";
import { readEnv } from "../lib/env.ts";
import { utcDay, writeAnchor, type Query } from "../lib/evidence/anchor.ts";
import { ROOT } from "./lib/demo-database.ts";

const dev = process.argv.includes("--dev");
// Before Next.js is loaded: it picks its production or development build from this.
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";

const config = readEnv();
if (!config.DATABASE_URL)
  throw new Error(
    "DATABASE_URL must be set: scripts/serve.ts serves the app on an existing database (npm start sets it up).",
  );
const databaseUrl = config.DATABASE_URL;
const trusted = parseTrustedProxies(config.RW_TRUSTED_PROXIES);
const log = (m: string) => console.log(`[serve] ${m}`);

/** Requests that need no database and no page: Next's static files. */
const isStaticAsset = (url: string | undefined) =>
  Boolean(url && (url.startsWith("/_next/static/") || url === "/favicon.ico"));

/** Pages and API calls wait their turn; static files, and the health check monitors rely on, never do. */
const admission = new Admission({
  maxActive: config.RW_MAX_ACTIVE_REQUESTS,
  maxQueued: config.RW_MAX_QUEUED_REQUESTS,
  maxWaitMs: config.RW_MAX_QUEUE_WAIT_MS,
});
const waitsItsTurn = (url: string | undefined) => !isStaticAsset(url) && (url ?? "/").split("?")[0] !== "/api/health";

function send(res: http.ServerResponse, reply: PlainResponse): void {
  res.writeHead(reply.status, { ...reply.headers, "Content-Length": Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

// --- database availability ---------------------------------------------------------------------

let probing: Promise<void> | null = null;
let lastProbe = 0;

/** One connection attempt and SELECT 1, at most every 500 ms, only while the database is marked down. */
function probeDatabase(): void {
  if (probing || Date.now() - lastProbe < 500 || dbAvailability().available) return;
  lastProbe = Date.now();
  probing = (async () => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000, query_timeout: 2000 });
    client.on("error", () => {}); // a drop after the check is the next probe's business
    try {
      await client.connect();
      await client.query("SELECT 1");
      if (!dbAvailability().available) log("The database answers again.");
      noteDbOk();
    } catch (error) {
      noteDbError(error);
    } finally {
      await client.end().catch(() => {});
      probing = null;
    }
  })();
}
setInterval(probeDatabase, 500).unref();

/**
 * Next.js answers 500 for two failures that are not the server's fault, and this turns them into
 * what they are, replacing Next's error page:
 *  - the database went away mid-request: 503 "database unavailable" (the data layer marks the
 *    outage synchronously when a query fails, before Next.js writes the status);
 *  - a server action's envelope could not be decoded (a hand-made POST with a broken body): 400.
 *    An action whose own code started and then failed keeps its 500 (lib/server/request-context.ts).
 */
function classifyServerErrors(req: http.IncomingMessage, res: http.ServerResponse, context: RequestContext): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => http.ServerResponse;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status < 500) return writeHead(status, ...rest);
    const availability = dbAvailability();
    let reply: PlainResponse | null = null;
    if (!availability.available) reply = unavailableResponse(req, availability.reason, availability.since);
    else if (req.headers["next-action"] && !context.actionStarted) reply = MALFORMED_ACTION;
    if (!reply) return writeHead(status, ...rest);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    writeHead(reply.status, { ...reply.headers, "Content-Length": Buffer.byteLength(reply.body) });
    end(reply.body);
    // Whatever Next.js still writes for its error page goes nowhere.
    res.write = (() => true) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
      callback?.();
      return res;
    }) as typeof res.end;
    return res;
  }) as typeof res.writeHead;
}

/** Lets a visitor's page be cached for a minute instead of Next's no-store (lib/server/cache-control.ts). */
function cacheVisitorPages(req: http.IncomingMessage, res: http.ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => http.ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const cacheable = isCacheableVisitorPage({
      method: req.method,
      url: req.url,
      cookie: req.headers.cookie,
      nextAction: Boolean(req.headers["next-action"]),
      status,
      contentType: String(res.getHeader("content-type") ?? ""),
      setsCookie: res.hasHeader("set-cookie"),
    });
    if (cacheable) {
      res.setHeader("Cache-Control", VISITOR_PAGE_CACHE_CONTROL);
      res.setHeader("Vary", varyWithCookie(res.getHeader("vary")?.toString()));
    }
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
}

const MALFORMED_ACTION: PlainResponse = {
  status: 400,
  headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  body: "Bad request: the form submission could not be read. Reload the page and try again.",
};

/** A path Next.js cannot decode ("/cases/%%") is the client's mistake: 400, not Next's 500. */
function malformedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0];
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

// --- the server ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { default: next } = await import("next");
  const app = next({ dev, dir: ROOT, hostname: "localhost", port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let inFlight = 0;
  let stopping = false;
  const server = http.createServer((req, res) => {
    inFlight++;
    res.once("close", () => inFlight--);
    if (stopping) res.setHeader("Connection", "close");
    sanitiseForwardedHeaders(req.headers, req.socket.remoteAddress, trusted);
    if (malformedPath(req.url))
      return send(res, {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        body: "Bad request: the address is not valid.",
      });
    // Aborted when the client leaves before the answer is complete: its running SQL is cancelled.
    const abandoned = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) abandoned.abort();
    });
    const context: RequestContext = { actionStarted: false, signal: abandoned.signal };
    if (!isStaticAsset(req.url)) {
      const availability = dbAvailability();
      // Form posts go through: the action answers with a message in the form, keeping what was typed.
      if (!availability.available && !req.headers["next-action"]) {
        probeDatabase();
        return send(res, unavailableResponse(req, availability.reason, availability.since));
      }
    }
    const render = () => {
      if (!isStaticAsset(req.url)) {
        classifyServerErrors(req, res, context);
        cacheVisitorPages(req, res);
      }
      return requestContext
        .run(context, () => handle(req, res))
        .catch((error: unknown) => {
          noteDbError(error);
          console.error(error);
          if (!res.headersSent)
            send(res, {
              status: 500,
              headers: { "Content-Type": "text/plain; charset=utf-8" },
              body: "Internal server error",
            });
          else res.destroy();
        });
    };
    if (!waitsItsTurn(req.url)) return void render();
    void admission.request(priorityOf(req.method, req.headers), abandoned.signal).then((turn) => {
      if (turn.admitted) {
        // The slot is held until the answer is sent or the client is gone (then at once).
        if (res.closed) return turn.release();
        res.once("close", turn.release);
        return void render();
      }
      if (turn.reason !== "cancelled") send(res, busyResponse(req));
    });
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  // A client that sends headers slower than this is dropped (slowloris); Next's own defaults otherwise.
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  log(
    `Listening on port ${config.PORT} (${dev ? "development" : "production"}); trusted proxies: ${trusted.describe}.`,
  );
  scheduleDailyAnchor();

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log(`${signal}: no new requests; ${inFlight} in flight get up to ${config.RW_SHUTDOWN_GRACE_SECONDS} s to finish.`);
    server.close();
    server.closeIdleConnections();
    const timer = setInterval(() => {
      server.closeIdleConnections();
      const overdue = Date.now() - started >= config.RW_SHUTDOWN_GRACE_SECONDS * 1000;
      if (inFlight > 0 && !overdue) return;
      if (inFlight > 0) log(`Grace period over: closing ${inFlight} request(s) still running.`);
      server.closeAllConnections();
      clearInterval(timer);
      process.exit(0);
    }, 50);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[serve] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/**
 * The evidence chain's daily anchor (docs/decisions/014): written at start when today has none, then
 * checked every quarter of an hour, so a server that runs for days signs one each day. Without
 * RW_ANCHOR_PRIVATE_KEY (DATABASE_URL set and no key given) nothing is signed; `npm start` says so.
 */
function scheduleDailyAnchor(): void {
  const privateKey = config.RW_ANCHOR_PRIVATE_KEY;
  if (!privateKey || !config.DATABASE_URL) return;
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 1 });
  pool.on("error", () => {}); // a dropped idle connection; the next tick opens another
  const query: Query = async (text, values) => (await pool.query(text, values)).rows;
  let done = "";
  const tick = async () => {
    const day = utcDay();
    if (day === done) return;
    try {
      const { anchor, created, timestamp } = await writeAnchor(query, { privateKey, tsaUrl: config.RW_TSA_URL });
      done = day;
      if (created)
        log(
          `Signed the evidence anchor of ${anchor.day}: link ${anchor.seq}, hash ${anchor.hash}; time-stamp ${timestamp}.`,
        );
    } catch (error) {
      log(`Could not write the evidence anchor of ${day} (tried again later): ${(error as Error).message}`);
    }
  };
  void tick();
  setInterval(() => void tick(), 15 * 60_000).unref();
}
