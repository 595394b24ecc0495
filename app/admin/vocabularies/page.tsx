import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listVocabularies, listVocabularyHistory, termLabel } from "@/lib/data/vocabularies";
import { requirePagePermission } from "@/lib/auth/pages";
import { VOCABULARIES } from "@/lib/fields/vocabulary";
import { historySentences, saveSentence } from "@/lib/format/history-sentences";
import { DataTable } from "@/components/ui/data-table";
import { AddTermForm, EditTermForm, MergeTermForm, RetireTermButton } from "@/components/admin/vocabulary-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vocabularies");
  return { title: t("title") };
}

/**
 * The research vocabularies (admins): every term with its definition, source and uses; add, rename,
 * translate, merge and retire; and the vocabularies' history in sentences.
 */
export default async function VocabulariesPage() {
  const actor = await requirePagePermission("manage:vocabulary:any", "/admin/vocabularies");
  const [terms, history] = await Promise.all([listVocabularies(actor), listVocabularyHistory(actor)]);
  const locale = await getLocale();
  const t = await getTranslations("vocabularies");
  const tEnums = await getTranslations("enums");
  const messages = await getTranslations();
  const saves = historySentences(messages, history.names)(history.rows);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-stone-700">{t("intro")}</p>
      <nav aria-label={t("jump")}>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {VOCABULARIES.map((v) => (
            <li key={v}>
              <a href={`#vocabulary-${v}`} className="underline">
                {tEnums(`Vocabulary.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <AddTermForm />
      {VOCABULARIES.map((v) => {
        const own = terms.filter((term) => term.vocabulary === v);
        const current = own.filter((term) => !term.retired);
        const name = tEnums(`Vocabulary.${v}`);
        return (
          <section key={v} aria-labelledby={`vocabulary-${v}`} className="space-y-2">
            <h2 id={`vocabulary-${v}`} className="scroll-mt-4 text-lg font-semibold">
              {name}
            </h2>
            <DataTable
              caption={t("caption", { vocabulary: name })}
              columns={[t("columns.term"), t("columns.definition"), t("columns.uses"), t("columns.actions")]}
              testId={`vocabulary-${v}`}
            >
              <tbody>
                {own.map((term) => {
                  const label = termLabel(term, locale);
                  return (
                    <tr
                      key={term.id}
                      id={`term-${term.id}`}
                      className="border-t border-stone-200 align-top"
                      data-testid={`term-${term.code}`}
                    >
                      <td className="p-2">
                        <strong>{term.labelEn}</strong>
                        {term.labelKo && (
                          <>
                            <br />
                            <span lang="ko">{term.labelKo}</span>
                          </>
                        )}
                        <br />
                        <code className="text-xs text-stone-600">{term.code}</code>
                        {term.retired && (
                          <span className="ml-1 rounded bg-stone-200 px-1 text-xs">{t("retiredBadge")}</span>
                        )}
                        {term.mergedInto && (
                          <p className="text-xs">{t("mergedInto", { term: term.mergedInto.labelEn })}</p>
                        )}
                      </td>
                      <td className="max-w-prose p-2">
                        <p>{term.definition}</p>
                        {term.sourceCitation && (
                          <p className="mt-1 text-xs text-stone-700">
                            {term.sourceUrl ? (
                              <a href={term.sourceUrl} className="underline" rel="noreferrer noopener">
                                {t("definitionSource", { source: term.sourceCitation })}
                              </a>
                            ) : (
                              t("definitionSource", { source: term.sourceCitation })
                            )}
                          </p>
                        )}
                        {(term.placeName || term.latitude !== null) && (
                          <p className="mt-1 text-xs text-stone-700">
                            {[
                              term.placeName,
                              term.latitude !== null && term.longitude !== null
                                ? t("coordinates", { lat: term.latitude.toFixed(4), lng: term.longitude.toFixed(4) })
                                : null,
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                          </p>
                        )}
                      </td>
                      <td className="p-2 whitespace-nowrap">{t("uses", { count: term.uses })}</td>
                      <td className="space-y-1 p-2">
                        {!term.mergedInto && (
                          <>
                            <EditTermForm term={term} label={term.labelEn} />
                            <MergeTermForm
                              termId={term.id}
                              label={term.labelEn}
                              others={current
                                .filter((o) => o.id !== term.id)
                                .map((o) => ({ value: o.id, label: termLabel(o, locale) }))}
                            />
                            <RetireTermButton
                              termId={term.id}
                              version={term.version}
                              retired={term.retired}
                              label={label}
                            />
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          </section>
        );
      })}
      <section aria-labelledby="vocabulary-history" className="space-y-2">
        <h2 id="vocabulary-history" className="text-lg font-semibold">
          {t("history.heading")}
        </h2>
        {saves.length === 0 ? (
          <p className="text-sm">{t("history.empty")}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {saves.map((save) => (
              <li
                key={save.key}
                className="rounded border border-stone-300 bg-white p-2"
                data-testid="vocabulary-change"
              >
                <time dateTime={save.at.toISOString()} className="mr-2 text-stone-600">
                  {save.at.toISOString().slice(0, 16).replace("T", " ")} UTC
                </time>
                {saveSentence(save)}
                {save.reasons.length > 0 && <span className="text-stone-700"> ({save.reasons.join("; ")})</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
