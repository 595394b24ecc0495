import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { listFollowUps, type FollowUp } from "@/lib/data/advocacy";
import { now, todayUtc } from "@/lib/clock";
import { formatDay } from "@/lib/format/display";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Follow-ups" };

function FollowUpTable({
  title,
  items,
  tone,
  canEdit,
}: {
  title: string;
  items: FollowUp[];
  tone: "overdue" | "due";
  canEdit: boolean;
}) {
  const tEnums = useTranslations("enums");
  return (
    <section aria-labelledby={`${tone}-heading`} className="space-y-2" data-testid={`follow-ups-${tone}`}>
      <h2 id={`${tone}-heading`} className="text-lg font-semibold">
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-stone-700">
          {tone === "overdue" ? "Nothing overdue." : "Nothing due in the next 7 days."}
        </p>
      ) : (
        <DataTable
          caption={title}
          columns={[
            "Due",
            "Case",
            "Contact",
            "Action",
            "Asked for",
            "Status",
            ...(canEdit
              ? [
                  <span key="edit" className="sr-only">
                    Edit
                  </span>,
                ]
              : []),
          ]}
        >
          <tbody>
            {items.map((a) => (
              <tr key={a.id} className="border-t border-stone-200 align-top">
                <td className={`p-2 whitespace-nowrap ${tone === "overdue" ? "font-semibold text-red-800" : ""}`}>
                  {formatDay(a.followUpDue)}
                  <span className="block text-xs">{tone === "overdue" ? "Overdue" : "Due this week"}</span>
                </td>
                <td className="p-2">
                  <Link href={`/cases/${a.case.code}`} className="font-mono underline">
                    {a.case.code}
                  </Link>
                </td>
                <td className="p-2">
                  <Link href={`/contacts/${a.contact.id}`} className="underline">
                    {a.contact.name}
                  </Link>
                  {a.contact.organisation && a.contact.organisation !== a.contact.name
                    ? `, ${a.contact.organisation}`
                    : ""}
                </td>
                <td className="p-2">
                  {tEnums(`ActionKind.${a.kind}`)}, {formatDay(a.date)}
                </td>
                <td className="max-w-md p-2 whitespace-pre-wrap">{a.askedFor}</td>
                <td className="p-2">{tEnums(`ActionStatus.${a.status}`)}</td>
                {canEdit && (
                  <td className="p-2">
                    <Link href={`/cases/${a.case.code}/advocacy/${a.id}/edit`} className="underline">
                      Record response
                      {/* Said, not shown: which action, so a screen reader's list of links tells them apart while the
                          name still starts with the visible words (voice control users say what they see). */}
                      <span className="sr-only">
                        {" "}
                        to {tEnums(`ActionKind.${a.kind}`).toLowerCase()} to {a.contact.name}, {a.case.code}
                      </span>
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

export default async function FollowUpsPage() {
  const actor = await requirePagePermission("read:advocacy:any", "/follow-ups");
  const today = todayUtc(await now());
  const { overdue, dueSoon } = await listFollowUps(actor, today);
  const canEdit = can(actor, "write:advocacy:any");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Follow-ups</h1>
      <p className="text-sm text-stone-700">
        Advocacy actions not closed whose follow-up is overdue or due within 7 days of {formatDay(today)}, across the
        cases you can see.
      </p>
      {overdue.length === 0 && dueSoon.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          No follow-ups are overdue or due this week.
        </p>
      ) : (
        <>
          <FollowUpTable title="Overdue" items={overdue} tone="overdue" canEdit={canEdit} />
          <FollowUpTable title="Due this week" items={dueSoon} tone="due" canEdit={canEdit} />
        </>
      )}
    </div>
  );
}
