import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/pages";
import { getAdvocacyActionForEdit } from "@/lib/data/advocacy";
import { listContactOptions } from "@/lib/data/contacts";
import { isoDay } from "@/lib/format/display";
import { AdvocacyForm } from "@/components/advocacy/advocacy-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit an advocacy action" };

export default async function EditAdvocacyPage({ params }: { params: Promise<{ code: string; id: string }> }) {
  const { code, id } = await params;
  const actor = await requirePagePermission("write:advocacy:any", `/cases/${code}/advocacy/${id}/edit`);
  const found = await getAdvocacyActionForEdit(actor, code, id);
  if (!found) notFound();
  const contacts = await listContactOptions(actor);
  // An archived contact is not offered for new actions, but stays selectable on the one it received.
  if (!contacts.some((c) => c.id === found.contact.id)) contacts.unshift(found.contact);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/cases/${found.case.code}`} className="underline">
          ← {found.case.code}: {found.case.title}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Edit an advocacy action</h1>
      <p className="text-sm text-stone-700">
        Record the response, move the follow-up date, or close the action. Every change is kept in the case&apos;s
        history.
      </p>
      <AdvocacyForm
        caseCode={found.case.code}
        contacts={contacts}
        initial={{
          id: found.id,
          version: found.version,
          contactId: found.contactId,
          kind: found.kind,
          date: isoDay(found.date),
          followUpDue: isoDay(found.followUpDue),
          response: found.response,
          status: found.status,
          askedFor: found.askedFor,
          notes: found.notes,
        }}
      />
    </div>
  );
}
