import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for operators and load balancers. */
export async function GET() {
  const database = await checkDatabase();
  if (database.ok)
    return NextResponse.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  return NextResponse.json(
    { status: "error", database: "unavailable", reason: database.reason },
    { status: 503, headers: { "Cache-Control": "no-store" } },
  );
}
