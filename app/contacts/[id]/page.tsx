import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/pages";
import { getContact } from "@/lib/data/contacts";
import { can } from "@/lib/auth/permissions";
import { ArchiveContactForm, EditContactForm } from "@/components/advocacy/contact-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePagePermission("read:contact:any", `/contacts/${id}`);
  const contact = await getContact(actor, id);
  if (!contact) notFound();
  const seesDetails = can(actor, "read:contact-details:restricted");
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/contacts" className="underline">
          ← Contacts
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{contact.name}</h1>
      {can(actor, "write:contact:any") ? (
        <>
          <EditContactForm
            contact={{ ...contact, contactDetails: contact.restricted?.contactDetails ?? null }}
            canSetDetails={seesDetails}
          />
          <ArchiveContactForm id={contact.id} version={contact.version} />
        </>
      ) : null}
    </div>
  );
}
