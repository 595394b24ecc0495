import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { getCaseByCode, getCasePublishPreview } from "@/lib/data/cases";
import { can } from "@/lib/auth/permissions";
import { CaseView, VISITOR_VIEW } from "@/components/cases/case-view";
import { PublishForm } from "@/components/cases/publish-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Publish preview" };

export default async function PublishPreviewPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await getActor();
  // Only those who may publish see a preview; for anyone else it does not exist.
  if (!can(actor, "publish:case:any")) notFound();
  const [preview, current] = await Promise.all([getCasePublishPreview(actor, code), getCaseByCode(actor, code)]);
  if (!preview || !current) notFound();
  return (
    <div className="space-y-6">
      <div className="rounded border border-amber-500 bg-amber-50 p-4">
        <h1 className="text-xl font-semibold">
          Preview: what visitors {current.visibility === "PUBLIC" ? "see" : "will see"}
        </h1>
        <p className="text-sm">
          Below is exactly what a visitor who is not signed in{" "}
          {current.visibility === "PUBLIC" ? "sees now" : "would see once this case is published"}: no internal notes,
          no advocacy records, no restricted fields.{" "}
          <Link href={`/cases/${current.code}`} className="underline">
            Back to the case
          </Link>
        </p>
        <PublishForm
          code={current.code}
          version={current.version}
          published={current.visibility === "PUBLIC"}
          restricted={current.visibility === "RESTRICTED"}
        />
      </div>
      <div className="rounded border-2 border-dashed border-stone-400 p-4" aria-label="Visitor view">
        <CaseView c={preview} viewer={VISITOR_VIEW} />
      </div>
    </div>
  );
}
