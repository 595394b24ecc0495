import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth";
import { listAnnotationsForCase } from "@/lib/data/annotations";
import { getCaseByCode } from "@/lib/data/cases";
import { listPeopleForCase } from "@/lib/data/people";
import { can } from "@/lib/permissions";
import { CaseView } from "@/components/cases/case-view";
import { PeopleSection } from "@/components/cases/people-section";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const found = await getCaseByCode(await getActor(), decodeURIComponent(code));
  return { title: found ? `${found.code}: ${found.title}` : "Case not found" };
}

export default async function CasePage({ params }: Props) {
  const { code } = await params;
  const actor = await getActor();
  const c = await getCaseByCode(actor, decodeURIComponent(code));
  if (!c) notFound();
  const [annotations, people] = await Promise.all([listAnnotationsForCase(actor, c.id), listPeopleForCase(actor, c.code)]);
  return (
    <>
      {can(actor, "publish:case:any") && (
        <p className="mb-4 text-sm">
          {c.visibility === "PUBLIC" ? "This case is published." : "This case is not published."}{" "}
          <Link href={`/cases/${c.code}/preview`} className="underline">Preview what visitors {c.visibility === "PUBLIC" ? "see" : "would see"}</Link>
        </p>
      )}
      <CaseView
        c={c}
        people={<PeopleSection people={people} />}
        viewer={{
          signedIn: Boolean(actor),
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
