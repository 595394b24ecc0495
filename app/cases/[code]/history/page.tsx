import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listCaseHistory } from "@/lib/data/history";
import { requirePagePermission } from "@/lib/auth/pages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case history" };

export default async function CaseHistoryPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requirePagePermission("read:history:case", `/cases/${code}/history`);
  const rows = await listCaseHistory(actor, code);
  if (!rows) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href={`/cases/${code}`} className="underline">← {code}</Link></p>
      <h1 className="text-2xl font-semibold">History of {code}</h1>
      <p className="text-sm text-stone-700">Every change, newest first. The history is append-only: the database refuses to alter it.</p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center">No changes recorded.</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Changes, newest first</caption>
          <thead className="bg-stone-100 text-left">
            <tr><th scope="col" className="p-2">When (UTC)</th><th scope="col" className="p-2">Who</th><th scope="col" className="p-2">What</th><th scope="col" className="p-2">Change</th><th scope="col" className="p-2">Reason</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-stone-200 align-top" data-testid="history-row">
                <td className="p-2 whitespace-nowrap">{r.at.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td className="p-2">{r.user?.name ?? "system"}</td>
                <td className="p-2">{r.action.toLowerCase()} {r.entity}{r.field ? ` · ${r.field}` : ""}</td>
                <td className="p-2">{r.field ? <><span className="text-stone-600 line-through">{r.oldValue ?? "—"}</span> → <strong>{r.newValue ?? "—"}</strong></> : r.newValue ?? ""}</td>
                <td className="p-2">{r.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
