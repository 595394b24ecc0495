import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaseForEdit } from "@/lib/data/cases";
import { requirePagePermission } from "@/lib/auth/pages";
import { historyValue } from "@/lib/format/history";
import { CaseForm } from "@/components/cases/case-form";
import { ArchiveButton } from "@/components/cases/archive-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit case" };

export default async function EditCasePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requirePagePermission("update:case:any", `/cases/${code}/edit`);
  const c = await getCaseForEdit(actor, code);
  if (!c) notFound();
  const initial = Object.fromEntries(Object.entries(c).map(([k, val]) => [k, historyValue(val) ?? ""]));
  return (
    <div className="max-w-4xl space-y-4">
      <p className="text-sm">
        <Link href={`/cases/${c.code}`} className="underline">
          ← {c.code}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Edit {c.code}</h1>
      <CaseForm mode="edit" initial={initial} />
      <section aria-labelledby="archive" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="archive" className="font-semibold">
          Archive
        </h2>
        <p className="text-sm text-stone-700">
          Archiving hides the case from every list. Nothing is deleted; it can be restored from Archived cases.
        </p>
        <ArchiveButton code={c.code} version={c.version} archived={false} />
      </section>
    </div>
  );
}
