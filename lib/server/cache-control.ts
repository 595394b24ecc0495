/**
 * Caching of pages a visitor sees. Next.js marks every dynamic page `private, no-cache, no-store`,
 * which also keeps visitor pages out of the browser's cache and its back/forward cache. A page
 * answered to a request without a session is the same for every visitor, so it may be kept for a
 * minute; signed-in pages carry non-public data and stay `no-store` (next.config.js).
 *
 * `private`, not `public`: each page carries a per-response CSP script nonce (proxy.ts), and a shared
 * cache would hand one nonce to every reader. `Vary: Cookie` makes the browser fetch again once the
 * reader signs in or picks another language (the language cookie); `Vary: Accept-Language`, once their
 * browser asks for another language (the page's language follows it when no cookie says otherwise).
 */
export const VISITOR_PAGE_CACHE_CONTROL = "private, max-age=60, stale-while-revalidate=300";

/** next-auth's session cookie names (plain and on HTTPS). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/** Whether a request carries a session cookie, i.e. may be answered with signed-in data. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return Boolean(cookieHeader && SESSION_COOKIE.test(cookieHeader));
}

/**
 * Whether a response may be given VISITOR_PAGE_CACHE_CONTROL: a successful HTML page (not an API
 * answer, not a server action) read with GET or HEAD without a session, that sets no cookie.
 */
export function isCacheableVisitorPage(req: {
  method?: string;
  url?: string;
  cookie?: string;
  nextAction?: boolean;
  status: number;
  contentType?: string;
  setsCookie: boolean;
}): boolean {
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    req.status === 200 &&
    !req.nextAction &&
    !req.setsCookie &&
    !hasSessionCookie(req.cookie) &&
    !(req.url ?? "/").startsWith("/api/") &&
    /^text\/html\b/i.test(req.contentType ?? "")
  );
}

/** What a visitor page depends on besides its URL: the session and language cookies, and Accept-Language. */
const VISITOR_PAGE_VARY = ["Cookie", "Accept-Language"];

/** A Vary header value with Cookie and Accept-Language added (each once). */
export function varyWithCookie(vary: string | undefined): string {
  const parts = (vary ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.includes("*")) return parts.join(", ");
  for (const header of VISITOR_PAGE_VARY)
    if (!parts.some((p) => p.toLowerCase() === header.toLowerCase())) parts.push(header);
  return parts.join(", ");
}
