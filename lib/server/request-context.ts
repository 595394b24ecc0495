/**
 * What the HTTP server (scripts/serve.ts) needs to learn about a request while Next.js handles it.
 * Whether a server action's own code started: Next.js answers 500 when it cannot decode an action's
 * envelope (a hand-made POST with a broken body), the same status as a real failure inside an
 * action; the server tells the two apart by this mark and answers the first 400. And, the other
 * way, a signal the server aborts when the client leaves before the answer is sent: the database
 * pool cancels the request's running statement on it (lib/db/create.ts).
 *
 * Kept on globalThis for the same reason as db-availability.ts: the server and Next's compiled
 * code load separate copies of this module in one process.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { actionStarted: boolean; signal?: AbortSignal };

const KEY = Symbol.for("refoulement-watch.request-context");
export const requestContext: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

/** Called first thing by every server action (lib/actions/action-state.ts runFormAction). */
export function noteActionStarted(): void {
  const context = requestContext.getStore();
  if (context) context.actionStarted = true;
}
