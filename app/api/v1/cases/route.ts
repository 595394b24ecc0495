import { apiActor, publicOrigin } from "@/lib/api/actor";
import { casesApiResponse } from "@/lib/api/cases";

export const dynamic = "force-dynamic";

/** GET /api/v1/cases: the timeline's filters as query parameters, paginated. See /api/v1/openapi.json. */
export async function GET(request: Request) {
  const who = await apiActor(request);
  if ("refused" in who) return who.refused;
  return casesApiResponse(who.actor, new URL(request.url).searchParams, publicOrigin(request));
}
