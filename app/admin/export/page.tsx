import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/pages";
import { FULL_EXPORT_FILES } from "@/lib/data/full-export";
import { primaryButton } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Full export" };

/** Admins download every record with its history; restricted fields only when they tick the box (logged). */
export default async function FullExportPage() {
  await requirePagePermission("export:all:any", "/admin/export");
  const t = await getTranslations("fullExport");
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-stone-700">{t("intro")}</p>
      <p className="text-sm text-stone-700">
        {t("files")} <span className="font-mono break-words">{[...FULL_EXPORT_FILES, "manifest.json"].join(", ")}</span>
      </p>
      <form
        method="get"
        action="/admin/export/download"
        className="space-y-3 rounded border border-stone-300 bg-white p-4"
      >
        <div className="flex items-start gap-2">
          <input
            id="restricted"
            name="restricted"
            type="checkbox"
            value="1"
            aria-describedby="restricted-hint"
            className="mt-1"
          />
          <div>
            <label htmlFor="restricted" className="font-medium">
              {t("restricted")}
            </label>
            <p id="restricted-hint" className="text-sm text-stone-700">
              {t("restrictedHint")}
            </p>
          </div>
        </div>
        <button type="submit" className={primaryButton}>
          {t("download")}
        </button>
      </form>
    </div>
  );
}
