import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/pages";
import { getCaseByCode } from "@/lib/data/cases";
import { listContactOptions } from "@/lib/data/contacts";
import { now, todayUtc } from "@/lib/clock";
import { isoDay } from "@/lib/format/display";
import { AdvocacyForm } from "@/components/advocacy/advocacy-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Record an advocacy action" };

export default async function NewAdvocacyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await requirePagePermission("write:advocacy:any", `/cases/${code}/advocacy/new`);
  const found = await getCaseByCode(actor, code);
  if (!found) notFound();
  const contacts = await listContactOptions(actor);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/cases/${code}`} className="underline">
          ← {found.code}: {found.title}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Record an advocacy action</h1>
      {contacts.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          There are no contacts yet.{" "}
          <Link href="/contacts" className="underline">
            Add a contact
          </Link>{" "}
          first.
        </p>
      ) : (
        <AdvocacyForm
          caseCode={found.code}
          contacts={contacts}
          initial={{ date: isoDay(todayUtc(await now())), response: "NO_RESPONSE", status: "SENT" }}
        />
      )}
    </div>
  );
}
