import { apiActor, publicOrigin } from "@/lib/api/actor";
import { badParameters } from "@/lib/api/cases";
import { exportResponse } from "@/lib/api/export";
import { profileExportResponse } from "@/lib/api/export-profiles";
import { EXPORT_PROFILES, type ExportProfile } from "@/lib/export/profiles";
import { readCaseQuery } from "@/lib/data/case-search";
import { now } from "@/lib/clock";
import { paramsFromUrl, unknownParams } from "@/lib/validations/case-filter";
import { apiMessage } from "@/lib/api/messages";

export const dynamic = "force-dynamic";

/**
 * GET /timeline/export?format=csv|json[&provenance=header]&<filters>: exactly the filtered view,
 * streamed and logged. `profile=acled|hxl|uwazi` gives the same cases as a CSV other tools read
 * (lib/export/profiles.ts).
 */
export async function GET(request: Request) {
  const who = await apiActor(request);
  if ("refused" in who) return who.refused;
  const search = new URL(request.url).searchParams;
  const format = search.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return badParameters({ format: "Use csv or json." });
  const profile = search.get("profile");
  if (profile !== null && !EXPORT_PROFILES.includes(profile as ExportProfile))
    return badParameters({ profile: `Use one of: ${EXPORT_PROFILES.join(", ")}.` });
  if (profile !== null && format !== "csv") return badParameters({ format: "A profile is a CSV: leave out format." });
  search.delete("format");
  // The "# …" provenance block breaks a default import in Excel or pandas: only on request.
  const provenance = search.get("provenance");
  if (provenance !== null && (provenance !== "header" || format !== "csv"))
    return badParameters({ provenance: "Use provenance=header with format=csv, or leave it out." });
  search.delete("provenance");
  search.delete("profile");
  const unknown = unknownParams(search, ["by"]);
  if (Object.keys(unknown).length) return badParameters(unknown);
  const query = readCaseQuery(who.actor, paramsFromUrl(search));
  if (!query.ok) return badParameters(query.errors);
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  if (profile !== null)
    return profileExportResponse(who.actor, query.filter, profile as ExportProfile, ip, await now());
  return exportResponse(who.actor, query.filter, format, publicOrigin(request), ip, await now(), {
    provenanceHeader: provenance === "header",
    message: apiMessage(request),
  });
}
