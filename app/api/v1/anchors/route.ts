import { publishedAnchors } from "@/lib/data/anchors";

export const dynamic = "force-dynamic";

/** GET /api/v1/anchors: the evidence chain's signed daily anchors and the key that signs them (public). */
export async function GET() {
  return Response.json(await publishedAnchors(), { headers: { "Cache-Control": "public, max-age=300" } });
}
