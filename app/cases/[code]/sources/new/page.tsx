import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/pages";
import { getCaseByCode } from "@/lib/data/cases";
import { getSourceSummary, listSourcesForPicker } from "@/lib/data/sources";
import { getTranslations } from "next-intl/server";
import { formatDay, formatUncertainDate, isoDay } from "@/lib/format/display";

import { AddClaimForm, CaptureSourceForm, type PickerSource } from "@/components/sources/source-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Attach a source" };

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Editors and up: capture a report (or pick one already captured) and tie a quote of it to this case. */
export default async function AttachSourcePage({ params, searchParams }: Props) {
  const tEnums = await getTranslations("enums");
  const { code } = await params;
  const actor = await requirePagePermission("write:source:any", `/cases/${encodeURIComponent(code)}/sources/new`);
  const c = await getCaseByCode(actor, code);
  if (!c) notFound();
  const query = await searchParams;
  const selectedId = typeof query.source === "string" ? query.source : undefined;
  const [sources, selected] = await Promise.all([
    listSourcesForPicker(actor),
    selectedId ? getSourceSummary(actor, selectedId) : Promise.resolve(null),
  ]);
  const picker: PickerSource[] = sources.map((s) => ({
    id: s.id,
    outlet: s.outlet,
    title: s.title,
    publishedAt: s.publishedAt ? isoDay(s.publishedAt) : null,
  }));
  if (selected && !picker.some((s) => s.id === selected.id)) {
    picker.unshift({
      id: selected.id,
      outlet: selected.outlet,
      title: selected.title,
      publishedAt: selected.publishedAt ? isoDay(selected.publishedAt) : null,
    });
  }
  const events = c.events.map((e) => ({
    id: e.id,
    label: `${tEnums(`EventType.${e.type}`)}, ${formatUncertainDate(e.dateEarliest, e.dateLatest, e.precision)}`,
  }));

  return (
    <div className="max-w-3xl space-y-8">
      <header>
        <p className="font-mono text-sm text-stone-600">{c.code}</p>
        <h1 className="text-2xl font-semibold">Attach a source to {c.title}</h1>
        <p className="text-sm">
          <Link href={`/cases/${c.code}`} className="underline">
            Back to the case
          </Link>
        </p>
      </header>

      {selected && (
        <section
          role="status"
          aria-label="Selected source"
          className="rounded border border-green-700 bg-green-50 p-3 text-sm"
          data-testid="selected-source"
        >
          <p>
            {query.captured
              ? "Captured: "
              : query.existing
                ? "This exact text was captured before; that capture is selected: "
                : "Selected: "}
            <Link href={`/sources/${selected.id}`} className="font-medium underline">
              {selected.title}
            </Link>{" "}
            ({selected.outlet}
            {selected.publishedAt ? `, published ${formatDay(selected.publishedAt)}` : ""}; captured{" "}
            {formatDay(selected.retrievedAt)})
          </p>
          <p className="mt-1 break-all font-mono text-xs">
            SHA-256 <span data-testid="captured-sha256">{selected.sha256}</span>
          </p>
          <p className="mt-1">Now quote a passage of it below.</p>
        </section>
      )}

      <section aria-labelledby="claim-heading" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="claim-heading" className="text-lg font-semibold">
          Quote a passage
        </h2>
        <p className="text-sm text-stone-700">
          Tie a passage of a captured source to this case, one of its events, or one figure.
        </p>
        <AddClaimForm
          key={selected?.id ?? "none"}
          caseCode={c.code}
          sources={picker}
          events={events}
          selectedSourceId={selected?.id}
        />
      </section>

      <section aria-labelledby="capture-heading" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="capture-heading" className="text-lg font-semibold">
          Capture a new report
        </h2>
        <p className="text-sm text-stone-700">
          If the report is not in the list above, capture it here first; it is then selected for quoting.
        </p>
        <CaptureSourceForm key={selected?.id ?? "none"} caseCode={c.code} sources={picker} />
      </section>
    </div>
  );
}
