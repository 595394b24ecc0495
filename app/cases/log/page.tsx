import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/pages";
import { now } from "@/lib/clock";
import { listContactOptions } from "@/lib/data/contacts";
import { getSourceForActor, listSourcesForPicker } from "@/lib/data/sources";
import { isoDay } from "@/lib/format/display";
import { LogCaseForm } from "@/components/cases/log-case-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log an arrest in one pass" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Editors and up: a case, its first event, the source with the passages behind the size and the
 * event (selected in the text shown beside the form) and an advocacy action, saved at once.
 * `?source=ID` shows an already-captured source to quote from instead of pasting one.
 */
export default async function LogCasePage({ searchParams }: Props) {
  const actor = await requirePagePermission("create:case:any", "/cases/log");
  const t = await getTranslations("logCase");
  const query = await searchParams;
  const pickedId = typeof query.source === "string" ? query.source : undefined;
  const [sources, picked, contacts, today] = await Promise.all([
    listSourcesForPicker(actor),
    pickedId ? getSourceForActor(actor, pickedId) : Promise.resolve(null),
    listContactOptions(actor),
    now(),
  ]);
  const label = (s: { outlet: string; title: string; publishedAt: Date | null }) =>
    `${s.outlet}: ${s.title}${s.publishedAt ? ` (${isoDay(s.publishedAt)})` : ""}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("intro")}</p>
      <p className="text-sm">
        <Link href="/cases/new" className="underline">
          {t("caseOnly")}
        </Link>
      </p>
      <form method="get" action="/cases/log" className="flex flex-wrap items-end gap-2" aria-labelledby="pick-heading">
        <div className="min-w-0 max-w-full">
          <label id="pick-heading" htmlFor="pick-source" className="block text-sm font-medium">
            {t("pickSource")}
          </label>
          <select
            id="pick-source"
            name="source"
            defaultValue={picked?.id ?? ""}
            className="mt-1 w-full max-w-xl rounded border border-stone-400 bg-white px-2 py-1"
          >
            <option value="">{t("pasteNew")}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-stone-900 px-3 py-1 text-sm font-medium">
          {t("showSource")}
        </button>
      </form>
      {pickedId && !picked && (
        <p role="alert" aria-label={t("pickStatus")} className="text-sm text-red-700">
          {t("sourceGone")}
        </p>
      )}
      <LogCaseForm
        key={picked?.id ?? "new"}
        picked={picked ? { id: picked.id, label: label(picked), text: picked.text } : null}
        contacts={contacts.map((c) => ({
          value: c.id,
          label: c.organisation ? `${c.name} (${c.organisation})` : c.name,
        }))}
        today={isoDay(today)}
      />
    </div>
  );
}
