import { scaleBand, scaleLinear } from "d3-scale";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import type { ChartCell } from "@/lib/data/case-search";
import { useTranslations } from "next-intl";
import type { ChartUnit } from "@/lib/validations/case-filter";
import { ENGLISH, type Speech } from "@/lib/format/display";
import { useSpeech } from "@/lib/i18n/use-speech";

/** Status colours, chosen to stay distinguishable in greyscale order as well. */
const COLOUR: Record<CaseStatus, string> = {
  REPORTED_DETAINED: "#ea580c",
  AT_RISK_OF_REPATRIATION: "#b91c1c",
  REPATRIATED: "#1c1917",
  RELEASED: "#0284c7",
  REACHED_SAFETY: "#15803d",
  DIED: "#78716c",
  UNKNOWN: "#d6d3d1",
};
const STATUSES = Object.keys(COLOUR) as CaseStatus[];
export const MAX_BUCKETS = 160;

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);
const yearFmt = (locale: string) => new Intl.DateTimeFormat(locale, { year: "numeric", timeZone: "UTC" });

/**
 * A period's label in the reader's language: "2012", "Feb 2012", or "week of 6 Feb 2012" ("2012년",
 * "2012년 2월", "2012년 2월 6일 주간"); `bare` leaves out "week of" (the axis).
 */
export function periodLabel(start: string, unit: ChartUnit, speech: Speech = ENGLISH, bare = false): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (unit === "year") return speech.locale === "en" ? String(d.getUTCFullYear()) : yearFmt(speech.locale).format(d);
  if (unit === "month")
    return new Intl.DateTimeFormat(intlLocale(speech.locale), {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(d);
  const day = new Intl.DateTimeFormat(intlLocale(speech.locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(d);
  return bare ? day : speech.t("weekOf", { day });
}

function nextPeriod(d: Date, unit: ChartUnit): Date {
  if (unit === "year") return new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
  if (unit === "month") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return new Date(d.getTime() + 7 * 86_400_000);
}

/** Every period from the first cell's start to the last cell's end (or null when there are too many to draw). */
export function periods(cells: ChartCell[], unit: ChartUnit): string[] | null {
  if (cells.length === 0) return [];
  const first = cells.reduce((m, c) => (c.start < m ? c.start : m), cells[0].start);
  const last = cells.reduce((m, c) => (c.end > m ? c.end : m), cells[0].end);
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d = nextPeriod(d, unit)) {
    out.push(d.toISOString().slice(0, 10));
    if (out.length > MAX_BUCKETS) return null;
  }
  return out;
}

/**
 * People per period, stacked by current status. A case whose date falls in one period is a bar
 * segment; one whose uncertain date spans several periods is drawn as a range under the bars,
 * never as an invented point. The same figures follow as a table for screen readers and keyboards.
 */
export function TimelineChart({ cells, unit }: { cells: ChartCell[]; unit: ChartUnit }) {
  const tStatus = useTranslations("enums.CaseStatus");
  const t = useTranslations("chart");
  const speech = useSpeech();
  const label = (start: string) => periodLabel(start, unit, speech);
  const keys = periods(cells, unit);
  if (keys === null) return <p className="text-sm text-stone-700">{t("tooMany", { unit })}</p>;
  if (keys.length === 0) return <p className="text-sm text-stone-700">{t("nothing")}</p>;

  const exact = cells.filter((c) => c.start === c.end);
  const ranges = cells.filter((c) => c.start !== c.end);
  const byPeriod = new Map(keys.map((k) => [k, new Map<CaseStatus, ChartCell>()]));
  for (const c of exact) byPeriod.get(c.start)!.set(c.status, c);
  const totals = keys.map((k) => [...byPeriod.get(k)!.values()].reduce((n, c) => n + c.peopleAtLeast, 0));
  const presentStatuses = STATUSES.filter((s) => cells.some((c) => c.status === s));

  const width = 760;
  const left = 40;
  const barHeight = 180;
  const rangeRow = 14;
  const shownRanges = ranges.slice(0, 30);
  const height = barHeight + 30 + shownRanges.length * rangeRow + (shownRanges.length ? 16 : 0);
  const x = scaleBand<string>()
    .domain(keys)
    .range([left, width - 10])
    .padding(0.15);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice()
    .range([barHeight, 10]);
  const labelEvery = Math.ceil(keys.length / 12);
  const status = (s: CaseStatus) => (speech.locale === "en" ? tStatus(s).toLowerCase() : tStatus(s));
  const rangeTitle = (c: ChartCell) =>
    t("rangeTitle", {
      people: c.peopleAtLeast,
      groups: c.groups,
      status: status(c.status),
      from: label(c.start),
      to: label(c.end),
    });

  return (
    <figure className="space-y-2" aria-labelledby="chart-caption">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-4xl"
        role="img"
        aria-labelledby="chart-caption"
        data-testid="timeline-chart"
      >
        {y.ticks(4).map((t) => (
          <g key={t}>
            <line x1={left} x2={width - 10} y1={y(t)} y2={y(t)} stroke="#e7e5e4" />
            <text x={left - 4} y={y(t) + 4} textAnchor="end" fontSize="10" fill="#57534e">
              {t}
            </text>
          </g>
        ))}
        {keys.map((k, i) => {
          let top = barHeight;
          return (
            <g key={k}>
              {STATUSES.map((s) => {
                const c = byPeriod.get(k)!.get(s);
                if (!c) return null;
                const h = barHeight - y(c.peopleAtLeast);
                top -= h;
                return (
                  <rect key={s} x={x(k)} y={top} width={x.bandwidth()} height={h} fill={COLOUR[s]} data-status={s}>
                    <title>
                      {t("barTitle", {
                        period: label(k),
                        people: c.peopleAtLeast,
                        groups: c.groups,
                        status: status(s),
                      })}
                    </title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text
                  x={(x(k) ?? 0) + x.bandwidth() / 2}
                  y={barHeight + 14}
                  textAnchor="middle"
                  fontSize="10"
                  fill="#44403c"
                >
                  {periodLabel(k, unit, speech, true)}
                </text>
              )}
            </g>
          );
        })}
        {shownRanges.length > 0 && (
          <text x={left} y={barHeight + 34} fontSize="10" fill="#44403c">
            {t("uncertain")}
          </text>
        )}
        {shownRanges.map((c, i) => {
          const x0 = x(c.start) ?? left;
          const x1 = (x(c.end) ?? width - 10) + x.bandwidth();
          const yy = barHeight + 40 + i * rangeRow;
          return (
            <g key={`${c.start}-${c.end}-${c.status}`} data-range={`${c.start}/${c.end}`}>
              <rect
                x={x0}
                y={yy}
                width={Math.max(2, x1 - x0)}
                height={rangeRow - 5}
                rx={3}
                fill={COLOUR[c.status]}
                fillOpacity={0.35}
                stroke={COLOUR[c.status]}
              />
              <text x={x0 + 4} y={yy + rangeRow - 7} fontSize="9" fill="#1c1917">
                {c.peopleAtLeast}
              </text>
              <title>{rangeTitle(c)}</title>
            </g>
          );
        })}
      </svg>
      <figcaption id="chart-caption" className="text-sm text-stone-700">
        {t("caption", { unit })}
        {ranges.length > 0 &&
          t("captionRanges", {
            count: ranges.length,
            unit,
            more: ranges.length > shownRanges.length ? "yes" : "no",
            shown: shownRanges.length,
          })}
      </figcaption>
      <ul className="flex flex-wrap gap-3 text-xs" aria-label={t("legend")}>
        {presentStatuses.map((s) => (
          <li key={s} className="inline-flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: COLOUR[s] }} aria-hidden="true" />
            {tStatus(s)}
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer underline">{t("asTable")}</summary>
        <table className="mt-2 border-collapse bg-white text-sm" data-testid="chart-table">
          <caption className="sr-only">{t("tableCaption", { unit })}</caption>
          <thead className="bg-stone-100 text-left">
            <tr>
              <th scope="col" className="p-1">
                {t("period")}
              </th>
              {presentStatuses.map((s) => (
                <th key={s} scope="col" className="p-1">
                  {tStatus(s)}
                </th>
              ))}
              <th scope="col" className="p-1">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...exact.map((c) => c.start), ...ranges.map((c) => `${c.start}/${c.end}`)]
              .filter((v, i, a) => a.indexOf(v) === i)
              .sort()
              .map((key) => {
                const [start, end] = key.split("/");
                const row = cells.filter((c) => c.start === start && c.end === (end ?? start));
                const people = row.reduce((n, c) => n + c.peopleAtLeast, 0);
                const groups = row.reduce((n, c) => n + c.groups, 0);
                return (
                  <tr key={key} className="border-t border-stone-200">
                    <th scope="row" className="p-1 text-left font-normal">
                      {end ? speech.t("between", { from: label(start), to: label(end) }) : label(start)}
                    </th>
                    {presentStatuses.map((s) => (
                      <td key={s} className="p-1 text-right tabular-nums">
                        {row.find((c) => c.status === s)?.peopleAtLeast ?? ""}
                      </td>
                    ))}
                    <td className="p-1 text-right tabular-nums">
                      {people} ({groups})
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
