import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAuditEvents } from "@/lib/data/audit";
import { requirePagePermission } from "@/lib/auth/pages";
import { auditFilterSchema } from "@/lib/validations/audit";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePagePermission("read:audit:any", "/admin/audit");
  const filter = auditFilterSchema.parse(await searchParams);
  const [kind, outcome, email] = [filter.kind ?? "", filter.outcome ?? "", filter.email ?? ""];
  const log = await listAuditEvents(actor, {
    kind: filter.kind,
    success: outcome === "success" ? true : outcome === "failure" ? false : undefined,
    email: filter.email,
    page: filter.page,
  });
  if (!log) notFound();
  const query = (p: number) => `?${new URLSearchParams({ kind, outcome, email, page: String(p) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="text-sm text-stone-700">
        Sign-ins (successes and failures), exports and admin actions. Append-only: the database refuses to change or
        delete entries.
      </p>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded border border-stone-300 bg-white p-3 text-sm"
      >
        <div>
          <label htmlFor="kind" className="block font-medium">
            Kind
          </label>
          <select id="kind" name="kind" defaultValue={kind} className="rounded border border-stone-400 px-2 py-1">
            <option value="">All</option>
            {log.kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="outcome" className="block font-medium">
            Outcome
          </label>
          <select
            id="outcome"
            name="outcome"
            defaultValue={outcome}
            className="rounded border border-stone-400 px-2 py-1"
          >
            <option value="">All</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
        </div>
        <div>
          <label htmlFor="email" className="block font-medium">
            Email contains
          </label>
          <input
            id="email"
            name="email"
            defaultValue={email}
            maxLength={320}
            className="rounded border border-stone-400 px-2 py-1"
          />
        </div>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 font-medium text-white">
          Filter
        </button>
      </form>
      <p className="text-sm">
        {log.total} {log.total === 1 ? "entry" : "entries"}
      </p>
      {log.events.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          No entries match.
        </p>
      ) : (
        <DataTable
          caption="Audit entries, newest first"
          columns={["When (UTC)", "Kind", "Outcome", "Email", "IP", "Detail"]}
        >
          <tbody>
            {log.events.map((e) => (
              <tr key={e.id} className="border-t border-stone-200 align-top">
                <td className="p-2 whitespace-nowrap">{e.at.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td className="p-2">{e.kind}</td>
                <td className="p-2">{e.success ? "success" : <span className="text-red-800">failure</span>}</td>
                <td className="p-2">{e.actorEmail ?? "—"}</td>
                <td className="p-2">{e.ip ?? "—"}</td>
                <td className="p-2 font-mono text-xs">{e.detail ? JSON.stringify(e.detail) : ""}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {log.pageCount > 1 && (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {log.page > 1 && (
            <Link href={query(log.page - 1)} className="underline">
              Newer
            </Link>
          )}
          <span>
            Page {log.page} of {log.pageCount}
          </span>
          {log.page < log.pageCount && (
            <Link href={query(log.page + 1)} className="underline">
              Older
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
