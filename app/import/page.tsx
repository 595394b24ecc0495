import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/pages";
import { ImportWizard } from "@/components/import/import-wizard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import" };

/** Editors and up bring cases in from a spreadsheet: read, map, dry run, apply (lib/data/imports.ts). */
export default async function ImportPage() {
  await requirePagePermission("import:case:any", "/import");
  const t = await getTranslations("importPage");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("intro")}</p>
      <ImportWizard />
    </div>
  );
}
