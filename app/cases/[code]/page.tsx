import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { listAnnotationsForCase } from "@/lib/data/annotations";
import { getCaseByCode } from "@/lib/data/cases";
import { listArchivedEvents } from "@/lib/data/events";
import { listSourcesForPicker } from "@/lib/data/sources";
import { formatDay } from "@/lib/format/display";
import { listPeopleForCase } from "@/lib/data/people";
import { can } from "@/lib/auth/permissions";
import { CaseView } from "@/components/cases/case-view";
import { termChoices } from "@/lib/data/vocabularies";
import { EVENT_TERM_FIELDS } from "@/lib/fields/event";
import { PeopleSection } from "@/components/cases/people-section";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const found = await getCaseByCode(await getActor(), code);
  return { title: found ? `${found.code}: ${found.title}` : "Case not found" };
}

export default async function CasePage({ params }: Props) {
  const { code } = await params;
  const actor = await getActor();
  const c = await getCaseByCode(actor, code);
  if (!c) notFound();
  const editEvents = can(actor, "write:event:any");
  // The event forms offer current terms, and keep the ones this case's events already use (even retired).
  const usedTerms = c.events.flatMap((e) => EVENT_TERM_FIELDS.map((f) => e[f]).filter((v): v is string => Boolean(v)));
  const [annotations, people, archivedEvents, sources, terms] = await Promise.all([
    listAnnotationsForCase(actor, c.id),
    listPeopleForCase(actor, c.code),
    listArchivedEvents(actor, c.id),
    listSourcesForPicker(actor),
    editEvents ? termChoices(usedTerms) : undefined,
  ]);
  return (
    <>
      {can(actor, "update:case:any") && (
        <nav
          aria-label="Case tools"
          className="mb-4 flex flex-wrap gap-x-4 gap-y-1 rounded border border-stone-300 bg-white px-3 py-2 text-sm"
        >
          <span>{c.visibility === "PUBLIC" ? "Published." : "Not published."}</span>
          <Link href={`/cases/${c.code}/edit`} className="underline">
            Edit case
          </Link>
          {can(actor, "read:history:case") && (
            <Link href={`/cases/${c.code}/history`} className="underline">
              History
            </Link>
          )}
          {can(actor, "write:source:any") && (
            <Link href={`/cases/${c.code}/sources/new`} className="underline">
              Attach a source
            </Link>
          )}
          {can(actor, "write:advocacy:any") && (
            <Link href={`/cases/${c.code}/advocacy/new`} className="underline">
              Record an advocacy action
            </Link>
          )}
          {can(actor, "publish:case:any") && (
            <Link href={`/cases/${c.code}/preview`} className="underline">
              Preview what visitors {c.visibility === "PUBLIC" ? "see" : "would see"}
            </Link>
          )}
        </nav>
      )}
      <CaseView
        c={c}
        people={<PeopleSection people={people} />}
        viewer={{
          signedIn: Boolean(actor),
          editEvents,
          terms,
          archivedEvents,
          whatHappenedSources: can(actor, "write:source:any")
            ? sources.map((s) => ({
                value: s.id,
                label: `${s.outlet}: ${s.title}${s.publishedAt ? ` (${formatDay(s.publishedAt)})` : ""}`,
              }))
            : undefined,
          editAdvocacy: can(actor, "write:advocacy:any"),
          annotations,
          can: {
            read: can(actor, "read:annotation:any"),
            create: can(actor, "create:annotation:any"),
            reply: can(actor, "reply:annotation:any"),
            resolve: can(actor, "resolve:annotation:any"),
          },
        }}
      />
    </>
  );
}
