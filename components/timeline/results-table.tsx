import Link from "next/link";
import type { CaseRow } from "@/lib/data/case-search";
import { useTranslations } from "next-intl";
import { formatPlace, formatRange, formatUncertainDate } from "@/lib/format/display";
import { useSpeech } from "@/lib/i18n/use-speech";
import { filterToQuery, type CaseFilter, type Sort } from "@/lib/validations/case-filter";
import { StatusBadge } from "@/components/cases/status-badge";
import { BilingualText, PlaceText } from "@/components/ui/bilingual-text";

const COLUMNS: { key: string; label: string; sort?: "date" | "size" | "code" | "place" | "status" }[] = [
  { key: "code", label: "Code", sort: "code" },
  { key: "case", label: "Case" },
  { key: "people", label: "People", sort: "size" },
  { key: "when", label: "When", sort: "date" },
  { key: "where", label: "Where", sort: "place" },
  { key: "status", label: "Status", sort: "status" },
  { key: "verification", label: "Verification" },
];

/**
 * One page of results. Sorting and paging are links that keep the filter, so each view has its
 * own URL; the sorted column says so to screen readers (aria-sort).
 */
export function ResultsTable({
  path,
  filter,
  items,
  sort,
  page,
  pageCount,
  showVisibility,
  by,
  defaultSort = "date",
}: {
  path: string;
  /** The order the page uses when the URL names none (left out of links). */
  defaultSort?: Sort;
  /** The chart step, kept in links when the page has a chart. */
  by?: string;
  filter: CaseFilter;
  items: CaseRow[];
  sort: Sort;
  page: number;
  pageCount: number;
  showVisibility: boolean;
}) {
  const tEnums = useTranslations("enums");
  const speech = useSpeech();
  const href = (extra: { sort?: string; page?: number }) => {
    const chosen = extra.sort ?? sort;
    const q = filterToQuery(filter, {
      sort: chosen === defaultSort ? undefined : chosen,
      page: extra.page && extra.page > 1 ? extra.page : undefined,
      by,
    });
    return q ? `${path}?${q}` : path;
  };
  const active = sort.replace(/^-/, "");
  const descending = sort.startsWith("-");
  if (items.length === 0) {
    return (
      <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
        No cases match these filters.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <div className="relative overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm" data-testid="results">
          <caption className="sr-only">
            Cases matching the filters, sorted by {active}
            {descending ? ", descending" : ""}
          </caption>
          <thead className="bg-stone-100 text-left">
            <tr>
              {COLUMNS.map((col) => {
                const isActive = col.sort === active;
                const next = isActive && !descending ? `-${col.sort}` : col.sort;
                return (
                  <th
                    key={col.key}
                    scope="col"
                    className="p-2"
                    aria-sort={isActive ? (descending ? "descending" : "ascending") : undefined}
                  >
                    {col.sort ? (
                      <Link href={href({ sort: next })} className="underline decoration-dotted">
                        {col.label}
                        {isActive ? (descending ? " ↓" : " ↑") : ""}
                        <span className="sr-only">
                          {isActive
                            ? `, sorted ${descending ? "descending" : "ascending"}; sort ${descending ? "ascending" : "descending"}`
                            : ", sort"}
                        </span>
                      </Link>
                    ) : (
                      col.label
                    )}
                  </th>
                );
              })}
              {showVisibility && (
                <th scope="col" className="p-2">
                  Visibility
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.code} className="border-t border-stone-200 align-top">
                <td className="p-2 font-mono text-xs">{c.code}</td>
                <td className="p-2">
                  <Link href={`/cases/${c.code}`} className="underline">
                    <BilingualText text={c.title} lang={c.lang ?? "en"} alt={c.titleAlt} />
                  </Link>
                  {c.origin === "SYNTHETIC" && (
                    <span className="ml-1 rounded bg-purple-100 px-1 text-xs text-purple-900">synthetic</span>
                  )}
                </td>
                <td className="p-2 tabular-nums">
                  {formatRange(c.sizeMin, c.sizeMax, speech)}
                  {c.sizeBest !== null && c.sizeBest !== c.sizeMin && (
                    <span className="block text-xs text-stone-600">best {c.sizeBest}</span>
                  )}
                </td>
                <td className="p-2">
                  {c.firstEventEarliest && c.lastEventLatest
                    ? formatUncertainDate(c.firstEventEarliest, c.lastEventLatest, "DAY", speech)
                    : "—"}
                </td>
                <td className="p-2">
                  <PlaceText place={c} other={false} />
                </td>
                <td className="p-2">
                  <StatusBadge status={c.status} />
                </td>
                <td className="p-2">{tEnums(`Verification.${c.verification}`)}</td>
                {showVisibility && <td className="p-2">{tEnums(`Visibility.${c.visibility}`)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 && (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {page > 1 && (
            <Link href={href({ page: page - 1 })} className="underline">
              Previous page
            </Link>
          )}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && (
            <Link href={href({ page: page + 1 })} className="underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
