import type { Metadata } from "next";
import Link from "next/link";
import { annotationAnchor } from "@/lib/validations/annotation";
import { listOpenAnnotations } from "@/lib/data/annotations";
import { requirePagePermission } from "@/lib/auth/pages";
import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/display";
import { ANNOTATABLE_FIELDS } from "@/lib/validations/annotation";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Open annotations" };

export default async function OpenAnnotationsPage() {
  const actor = await requirePagePermission("read:annotation:any", "/annotations");
  const open = await listOpenAnnotations(actor);
  const t = await getTranslations();
  const target = (a: (typeof open)[number]): string =>
    a.field && (ANNOTATABLE_FIELDS as readonly string[]).includes(a.field)
      ? t(`annotation.fields.${a.field}`)
      : a.event
        ? t(`enums.EventType.${a.event.type}`)
        : t("annotation.fields.case");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Open annotations</h1>
      <p className="text-sm text-stone-700">Unresolved staff notes across the cases you can see, oldest first.</p>
      {open.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          No open annotations.
        </p>
      ) : (
        <DataTable caption="Open annotations" columns={["Case", "On", "Note", "By", "Replies"]}>
          <tbody>
            {open.map((a) => (
              <tr key={a.id} className="border-t border-stone-200 align-top">
                <td className="p-2">
                  <Link href={`/cases/${a.case.code}#${annotationAnchor(a)}`} className="font-mono underline">
                    {a.case.code}
                  </Link>
                </td>
                <td className="p-2">{target(a)}</td>
                <td className="max-w-md p-2 whitespace-pre-wrap">{a.body}</td>
                <td className="p-2">
                  {a.author.name}, {formatDay(a.createdAt)}
                </td>
                <td className="p-2">{a.replies.length}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
