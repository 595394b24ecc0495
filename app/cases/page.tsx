import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth";
import { listCases } from "@/lib/data/cases";
import { can } from "@/lib/permissions";
import { formatPlace, formatUncertainDate, formatRange, visibilityLabel, verificationLabel } from "@/lib/format";
import { StatusBadge } from "@/components/cases/status-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const requested = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const { items, total, page, pageCount } = await listCases(actor, { page: Number.isFinite(requested) ? requested : 1 });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-semibold">Cases</h1>
        {can(actor, "create:case:any") && <Link href="/cases/new" className="rounded bg-stone-900 px-3 py-1 text-sm font-medium text-white">Log a case</Link>}
        {can(actor, "archive:case:any") && <Link href="/cases/archived" className="text-sm underline">Archived cases</Link>}
      </div>
      <p className="text-sm text-stone-700">
        {total} {total === 1 ? "case" : "cases"} {actor ? "you may see" : "published"}. Each case is one group of people caught together.
      </p>
      {items.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">No cases to show yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Cases, most recent first</caption>
            <thead className="bg-stone-100 text-left">
              <tr>
                <th scope="col" className="p-2">Code</th>
                <th scope="col" className="p-2">Case</th>
                <th scope="col" className="p-2">People</th>
                <th scope="col" className="p-2">When</th>
                <th scope="col" className="p-2">Where</th>
                <th scope="col" className="p-2">Status</th>
                <th scope="col" className="p-2">Verification</th>
                {actor && <th scope="col" className="p-2">Visibility</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.code} className="border-t border-stone-200">
                  <td className="p-2 font-mono text-xs">{c.code}</td>
                  <td className="p-2"><Link href={`/cases/${c.code}`} className="underline">{c.title}</Link></td>
                  <td className="p-2 tabular-nums">{formatRange(c.sizeMin, c.sizeMax)}</td>
                  <td className="p-2">{c.firstEventEarliest && c.lastEventLatest ? formatUncertainDate(c.firstEventEarliest, c.lastEventLatest, "DAY") : "—"}</td>
                  <td className="p-2">{formatPlace(c)}</td>
                  <td className="p-2"><StatusBadge status={c.status} /></td>
                  <td className="p-2">{verificationLabel(c.verification)}</td>
                  {actor && <td className="p-2">{visibilityLabel(c.visibility)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 && (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {page > 1 && <Link href={`/cases?page=${page - 1}`} className="underline">Previous page</Link>}
          <span>Page {page} of {pageCount}</span>
          {page < pageCount && <Link href={`/cases?page=${page + 1}`} className="underline">Next page</Link>}
        </nav>
      )}
    </div>
  );
}
