import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/pages";
import { listContacts } from "@/lib/data/contacts";
import { can } from "@/lib/auth/permissions";
import { countryName } from "@/lib/format/display";
import { getTranslations } from "next-intl/server";
import { CreateContactForm } from "@/components/advocacy/contact-forms";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const tEnums = await getTranslations("enums");
  const actor = await requirePagePermission("read:contact:any", "/contacts");
  const contacts = await listContacts(actor);
  const seesDetails = can(actor, "read:contact-details:restricted");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Contacts</h1>
      <p className="text-sm text-stone-700">
        Lawmakers, officials, NGOs, UN bodies, embassies, journalists and lawyers you appeal to.
      </p>
      {contacts.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          No contacts yet. Add the first one below.
        </p>
      ) : (
        <DataTable
          caption="Contacts"
          columns={["Name", "Kind", "Organisation", "Role", "Country", ...(seesDetails ? ["Contact details"] : [])]}
        >
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id} className="border-t border-stone-200 align-top">
                <td className="p-2">
                  <Link href={`/contacts/${c.id}`} className="underline">
                    {c.name}
                  </Link>
                </td>
                <td className="p-2">{tEnums(`ContactKind.${c.kind}`)}</td>
                <td className="p-2">{c.organisation ?? "—"}</td>
                <td className="p-2">{c.role ?? "—"}</td>
                <td className="p-2">{c.country ? countryName(c.country) : "—"}</td>
                {seesDetails && <td className="p-2 whitespace-pre-wrap">{c.restricted?.contactDetails ?? "—"}</td>}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {can(actor, "write:contact:any") && <CreateContactForm canSetDetails={seesDetails} />}
    </div>
  );
}
