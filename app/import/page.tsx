import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/pages";
import { getImportJob, listImportJobs } from "@/lib/data/import-jobs";
import { listImportMappings } from "@/lib/data/import-mappings";
import { ImportWizard } from "@/components/import/import-wizard";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import" };

/**
 * Editors and up bring cases in from a spreadsheet: read, map, dry run, apply (lib/data/import-jobs.ts).
 * `?job=` reopens one of the user's imports, running or done.
 */
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ job?: string | string[] }> }) {
  const actor = await requirePagePermission("import:case:any", "/import");
  const t = await getTranslations("importPage");
  const { job: asked } = await searchParams;
  const id = typeof asked === "string" && /^[a-z0-9]{1,64}$/.test(asked) ? asked : null;
  const [job, recent, mappings] = await Promise.all([
    id ? getImportJob(actor, id) : null,
    listImportJobs(actor),
    listImportMappings(actor),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("intro")}</p>
      {asked !== undefined && !job && (
        <p role="alert" className="rounded border border-red-600 bg-red-50 px-2 py-1 text-sm text-red-900">
          {t("notFound")}
        </p>
      )}
      <ImportWizard key={job?.id ?? "new"} job={job} mappings={mappings} />
      <section aria-labelledby="recent-imports" className="space-y-2">
        <h2 id="recent-imports" className="text-lg font-semibold">
          {t("recentHeading")}
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-stone-700">{t("recentEmpty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              caption={t("recentCaption")}
              columns={[t("recentFile"), t("recentState"), t("recentRows"), t("recentStarted")]}
            >
              <tbody>
                {recent.map((r) => (
                  <tr key={r.id} className="border-t border-stone-200 align-top">
                    <td className="p-2">
                      <Link
                        href={`/import?job=${r.id}`}
                        className="underline"
                        aria-current={r.id === job?.id ? "page" : undefined}
                      >
                        {r.fileName}
                      </Link>
                    </td>
                    <td className="p-2">{t(`jobStatus.${r.status}`)}</td>
                    <td className="p-2">{r.rowsTotal.toLocaleString("en")}</td>
                    <td className="p-2">
                      <time dateTime={r.createdAt}>{r.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        )}
      </section>
    </div>
  );
}
