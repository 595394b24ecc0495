import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/pages";
import { CaseForm } from "@/components/cases/case-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log a case" };

export default async function NewCasePage() {
  await requirePagePermission("create:case:any", "/cases/new");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Log a case</h1>
      <p className="text-sm text-stone-700">
        One case is one group of people caught together. Give the conservative figure as “at least”. The code is
        assigned when you save; the case starts internal, and you can publish it from its preview. Add events and
        sources from the case page, or{" "}
        <Link href="/cases/log" className="underline">
          log an arrest in one pass
        </Link>{" "}
        with its event, source, passages and an advocacy action.
      </p>
      <CaseForm
        mode="create"
        initial={{ country: "CN", verification: "UNVERIFIED", priority: "NORMAL", visibility: "INTERNAL" }}
      />
    </div>
  );
}
