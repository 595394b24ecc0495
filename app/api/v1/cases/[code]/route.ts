import { apiActor, publicOrigin } from "@/lib/api/actor";
import { caseApiResponse } from "@/lib/api/cases";
import { apiMessage } from "@/lib/api/messages";

export const dynamic = "force-dynamic";

/** GET /api/v1/cases/{code}: one case with its events and sources. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const who = await apiActor(request);
  if ("refused" in who) return who.refused;
  const { code } = await params;
  return caseApiResponse(who.actor, code, publicOrigin(request), apiMessage(request));
}
