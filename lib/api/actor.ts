import "server-only";
import { getActor } from "@/lib/auth/session";
import { actorFromApiToken } from "@/lib/data/api-tokens";
import type { Actor } from "@/lib/auth/permissions";
import { settings } from "@/lib/env";
import { apiMessage } from "@/lib/api/messages";

/**
 * Who is calling the API: the user of a bearer token ("Authorization: Bearer rw_…"), else the
 * signed-in browser session, else a visitor. A bad token is refused (401) rather than silently
 * treated as a visitor, so a script notices that its token was revoked.
 */
export async function apiActor(request: Request): Promise<{ actor: Actor } | { refused: Response }> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await actorFromApiToken(match[1]) : "invalid";
    if (actor === "invalid") {
      return {
        refused: new Response(
          JSON.stringify({
            error: { code: "invalid_token", message: apiMessage(request)("api.invalidToken") },
          }),
          {
            status: 401,
            headers: {
              "Content-Type": "application/json; charset=utf-8",
              "WWW-Authenticate": 'Bearer realm="refoulement-watch"',
              "Cache-Control": "no-store",
            },
          },
        ),
      };
    }
    return { actor };
  }
  return { actor: await getActor() };
}

/** The app's public origin for links in API answers and exports. */
export function publicOrigin(request: Request): string {
  return settings().NEXTAUTH_URL?.replace(/\/$/, "") || new URL(request.url).origin;
}
