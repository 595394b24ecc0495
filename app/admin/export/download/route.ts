import { Readable } from "node:stream";
import { apiActor } from "@/lib/api/actor";
import { fullExportZip } from "@/lib/api/full-export";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";

export const dynamic = "force-dynamic";

/**
 * GET /admin/export/download[?restricted=1]: the full export as a ZIP (lib/api/full-export.ts), for
 * admins only. As for admin pages: visitors are sent to sign in, other roles get 404.
 */
export async function GET(request: Request) {
  const who = await apiActor(request);
  if ("refused" in who) return who.refused;
  if (!who.actor) {
    const login = new URL(`/login?callbackUrl=${encodeURIComponent("/admin/export")}`, request.url);
    return new Response(null, { status: 307, headers: { Location: login.pathname + login.search } });
  }
  if (!can(who.actor, "export:all:any")) return new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  const restricted = search.get("restricted") === "1";
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  const at = await now();
  const zip = await fullExportZip(who.actor, { restricted, ip, now: at });
  const stamp = at.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="refoulement-watch-full-export-${stamp}.zip"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
