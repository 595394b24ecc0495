import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listCaseHistory } from "@/lib/data/history";
import { requirePagePermission } from "@/lib/auth/pages";
import { historyDescriber } from "@/lib/i18n/history-labels";
import { historySentences } from "@/lib/format/history-sentences";
import { HISTORY_KINDS, readHistoryFilter } from "@/lib/validations/history";
import { DataTable } from "@/components/ui/data-table";
import { input } from "@/components/ui/styles";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** A case's history in sentences, one entry per save, with the raw rows one click away. */
export default async function CaseHistoryPage({ params, searchParams }: Props) {
  const { code } = await params;
  const raw = await searchParams;
  const actor = await requirePagePermission("read:history:case", `/cases/${code}/history`);
  const parsed = readHistoryFilter(raw);
  const history = await listCaseHistory(actor, code, parsed.ok ? parsed.filter : {});
  if (!history) notFound();
  const errors = parsed.ok ? {} : parsed.errors;
  const filtered = Object.values(raw).some((v) => first(v) !== "");
  const messages = await getTranslations();
  const t = await getTranslations("history");
  const describe = historyDescriber(messages);
  const saves = parsed.ok ? historySentences(messages, history.names)(history.rows) : [];
  const field = (name: string) => ({
    id: `h-${name}`,
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `h-${name}-error` : undefined,
  });
  const problem = (name: string) =>
    errors[name] && (
      <p id={`h-${name}-error`} className="text-sm text-red-700">
        {errors[name]}
      </p>
    );
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/cases/${code}`} className="underline">
          {t("back", { code })}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading", { code })}</h1>
      <p className="text-sm text-stone-700">{t("intro")}</p>
      <form
        method="get"
        role="search"
        aria-label={t("filters.label")}
        className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      >
        {!parsed.ok && (
          <div
            role="alert"
            aria-label="History filter problems"
            className="text-sm text-red-900 sm:col-span-2 lg:col-span-5"
          >
            {t("filters.problems")}
          </div>
        )}
        <div>
          <label htmlFor="h-who" className="block text-sm font-medium">
            {t("filters.who")}
          </label>
          <select {...field("who")} defaultValue={first(raw.who)} className={input}>
            <option value="">{t("filters.anyone")}</option>
            {history.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {problem("who")}
        </div>
        <div>
          <label htmlFor="h-kind" className="block text-sm font-medium">
            {t("filters.kind")}
          </label>
          <select {...field("kind")} defaultValue={first(raw.kind)} className={input}>
            <option value="">{t("filters.anything")}</option>
            {HISTORY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.has(`entity.${k}`) ? t(`entity.${k}`) : k}
              </option>
            ))}
          </select>
          {problem("kind")}
        </div>
        <div>
          <label htmlFor="h-from" className="block text-sm font-medium">
            {t("filters.from")}
          </label>
          <input {...field("from")} type="date" defaultValue={first(raw.from)} className={input} />
          {problem("from")}
        </div>
        <div>
          <label htmlFor="h-to" className="block text-sm font-medium">
            {t("filters.to")}
          </label>
          <input {...field("to")} type="date" defaultValue={first(raw.to)} className={input} />
          {problem("to")}
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white">
            {t("filters.apply")}
          </button>
          {filtered && (
            <Link href={`/cases/${code}/history`} className="text-sm underline">
              {t("filters.clear")}
            </Link>
          )}
        </div>
      </form>
      {saves.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center">
          {filtered ? t("filters.none") : t("empty")}
        </p>
      ) : (
        <ol className="space-y-3" aria-label={t("savesCaption")}>
          {saves.map((save) => (
            <li
              key={save.key}
              className="rounded border border-stone-300 bg-white p-3 text-sm"
              data-testid="history-save"
            >
              <p>
                <time dateTime={save.at.toISOString()} className="mr-2 text-stone-600">
                  {save.at.toISOString().slice(0, 16).replace("T", " ")} UTC
                </time>
                <strong>{save.who}</strong>{" "}
                {save.clauses.map((c, i) => {
                  // The record's name in the sentence becomes the link to it.
                  const at = c.link?.href ? c.text.indexOf(c.link.label) : -1;
                  return (
                    <span key={i}>
                      {i > 0 && "; "}
                      {at < 0 || !c.link?.href ? (
                        c.text
                      ) : (
                        <>
                          {c.text.slice(0, at)}
                          <Link href={c.link.href} className="underline">
                            {c.link.label}
                          </Link>
                          {c.text.slice(at + c.link.label.length)}
                        </>
                      )}
                    </span>
                  );
                })}
                .
              </p>
              {save.reasons.map((reason) => (
                <p key={reason} className="mt-1 text-stone-700">
                  {t("reason", { reason })}
                </p>
              ))}
              <details className="mt-2">
                <summary className="cursor-pointer text-stone-700 underline">
                  {t("raw", { count: save.rows.length })}
                </summary>
                <DataTable
                  caption={t("caption")}
                  columns={[t("columns.what"), t("columns.change"), t("columns.reason"), "Id"]}
                >
                  <tbody>
                    {save.rows.map((r) => {
                      const d = describe(r);
                      return (
                        <tr key={r.id} className="border-t border-stone-200 align-top" data-testid="history-row">
                          <td className="p-2">
                            {d.what}
                            {d.field ? ` · ${d.field}` : ""}
                          </td>
                          <td className="p-2">
                            {d.field ? (
                              <>
                                <span className="text-stone-600 line-through">{d.oldValue ?? "—"}</span> →{" "}
                                <strong>{d.newValue ?? "—"}</strong>
                              </>
                            ) : (
                              (d.newValue ?? "")
                            )}
                          </td>
                          <td className="p-2">{r.reason ?? ""}</td>
                          <td className="p-2 font-mono text-xs break-all">
                            {r.entity} {r.entityId} · {r.field ?? ""} {r.oldValue ?? ""} → {r.newValue ?? ""}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </DataTable>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
