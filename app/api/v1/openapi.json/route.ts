import { publicOrigin } from "@/lib/api/actor";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 description. */
export function GET(request: Request) {
  return Response.json(openApiDocument(publicOrigin(request)), { headers: { "Cache-Control": "public, max-age=300" } });
}
