import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listCaseHistory } from "@/lib/data/history";
import { requirePagePermission } from "@/lib/auth/pages";
import { historyDescriber } from "@/lib/i18n/history-labels";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function CaseHistoryPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requirePagePermission("read:history:case", `/cases/${code}/history`);
  const rows = await listCaseHistory(actor, code);
  if (!rows) notFound();
  const t = await getTranslations("history");
  const describe = historyDescriber(await getTranslations());
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/cases/${code}`} className="underline">
          {t("back", { code })}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading", { code })}</h1>
      <p className="text-sm text-stone-700">{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[t("columns.when"), t("columns.who"), t("columns.what"), t("columns.change"), t("columns.reason")]}
        >
          <tbody>
            {rows.map((r) => {
              const d = describe(r);
              return (
                <tr key={r.id} className="border-t border-stone-200 align-top" data-testid="history-row">
                  <td className="p-2 whitespace-nowrap">{r.at.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td className="p-2">{r.user?.name ?? t("system")}</td>
                  <td className="p-2">
                    {d.what}
                    {d.field ? ` · ${d.field}` : ""}
                  </td>
                  <td className="p-2">
                    {d.field ? (
                      <>
                        <span className="text-stone-600 line-through">{d.oldValue ?? "—"}</span> →{" "}
                        <strong>{d.newValue ?? "—"}</strong>
                      </>
                    ) : (
                      (d.newValue ?? "")
                    )}
                  </td>
                  <td className="p-2">{r.reason ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
