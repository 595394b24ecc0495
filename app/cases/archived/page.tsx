import type { Metadata } from "next";
import { listArchivedCases } from "@/lib/data/cases";
import { requirePagePermission } from "@/lib/auth/pages";
import { formatDay } from "@/lib/format/display";
import { ArchiveButton } from "@/components/cases/archive-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Archived cases" };

export default async function ArchivedCasesPage() {
  const actor = await requirePagePermission("archive:case:any", "/cases/archived");
  const cases = await listArchivedCases(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Archived cases</h1>
      <p className="text-sm text-stone-700">
        Hidden from every list and count. Nothing is deleted: restore a case to bring it back.
      </p>
      {cases.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          No archived cases.
        </p>
      ) : (
        <ul className="space-y-2">
          {cases.map((c) => (
            <li key={c.code} className="rounded border border-stone-300 bg-white p-3 text-sm">
              <p>
                <span className="font-mono">{c.code}</span> — {c.title}
              </p>
              <p className="text-stone-700">
                Archived {formatDay(c.deletedAt)}
                {c.updatedBy ? ` by ${c.updatedBy.name}` : ""}
              </p>
              <ArchiveButton code={c.code} version={c.version} archived />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
