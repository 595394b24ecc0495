import type { Metadata } from "next";
import Link from "next/link";
import { listOpenAnnotations } from "@/lib/data/annotations";
import { requirePagePermission } from "@/lib/auth/pages";
import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/display";
import { ANNOTATABLE_FIELDS } from "@/lib/validations/annotation";

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
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Open annotations</caption>
          <thead className="bg-stone-100 text-left">
            <tr>
              <th scope="col" className="p-2">
                Case
              </th>
              <th scope="col" className="p-2">
                On
              </th>
              <th scope="col" className="p-2">
                Note
              </th>
              <th scope="col" className="p-2">
                By
              </th>
              <th scope="col" className="p-2">
                Replies
              </th>
            </tr>
          </thead>
          <tbody>
            {open.map((a) => (
              <tr key={a.id} className="border-t border-stone-200 align-top">
                <td className="p-2">
                  <Link href={`/cases/${a.case.code}`} className="font-mono underline">
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
        </table>
      )}
    </div>
  );
}
