import Link from "next/link";
import { getActor } from "@/lib/auth/session";
import { listFollowUps } from "@/lib/data/advocacy";
import { countCaseComposition, listRecentlyUpdated } from "@/lib/data/case-search";
import { filterFromQuery } from "@/lib/validations/case-filter";
import { getDashboardFigures, listStatSeries, type KeyFigure } from "@/lib/data/dashboard";
import { now, todayUtc } from "@/lib/clock";
import { formatDay, type Speech } from "@/lib/format/display";
import { getSpeech } from "@/lib/i18n/speech";
import { can } from "@/lib/auth/permissions";
import { getTranslations } from "next-intl/server";
import { AccordingTo } from "@/components/ui/according-to";
import { SeriesChart } from "@/components/ui/series-chart";
import { StatusBadge } from "@/components/cases/status-badge";

export const dynamic = "force-dynamic";

async function Figure({
  label,
  figure,
  testId,
  href,
}: {
  label: string;
  figure: KeyFigure;
  testId: string;
  href: string;
}) {
  const t = await getTranslations("format");
  return (
    <section
      aria-labelledby={`${testId}-label`}
      className="rounded border border-stone-300 bg-white p-4"
      data-testid={testId}
    >
      <h2 id={`${testId}-label`} className="text-sm font-medium text-stone-700">
        {label}
      </h2>
      <p className="mt-1 text-3xl font-semibold">
        {t.rich("figure", {
          count: figure.peopleAtLeast,
          link: (chunks) => (
            <Link href={href} className="hover:underline">
              {chunks}
            </Link>
          ),
          unit: (chunks) => <span className="ml-1 text-base font-normal">{chunks}</span>,
        })}
      </p>
      <p className="text-sm text-stone-700">{t("figureGroups", { groups: figure.groups, best: figure.peopleBest })}</p>
      <p className="mt-2 text-xs">
        <AccordingTo sources={figure.sources} />
      </p>
    </section>
  );
}

export default async function DashboardPage() {
  const tEnums = await getTranslations("enums");
  const t = await getTranslations("dashboard");
  const actor = await getActor();
  const speech: Speech = await getSpeech();
  const showFollowUps = can(actor, "read:advocacy:any");
  const tComposition = await getTranslations("composition");
  const [{ caught, atRisk, repatriated, reachedSafety }, composition, series, recent, followUps] = await Promise.all([
    getDashboardFigures(actor),
    // Over the same cases as "People reported caught" (sourced records the reader may see).
    countCaseComposition(actor, filterFromQuery("")),
    listStatSeries(),
    listRecentlyUpdated(actor, 5),
    showFollowUps ? listFollowUps(actor, todayUtc(await now())) : Promise.resolve(null),
  ]);
  const timeline = (f: { query: string }) => (f.query ? `/timeline?${f.query}` : "/timeline");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">
          {t.rich("intro", { signedIn: actor ? "yes" : "no", strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label={t("caught")} figure={caught} testId="figure-caught" href={timeline(caught)} />
        <Figure label={t("atRisk")} figure={atRisk} testId="figure-at-risk" href={timeline(atRisk)} />
        <Figure
          label={t("repatriated")}
          figure={repatriated}
          testId="figure-repatriated"
          href={timeline(repatriated)}
        />
        <Figure
          label={t("reachedSafety")}
          figure={reachedSafety}
          testId="figure-reached-safety"
          href={timeline(reachedSafety)}
        />
      </div>
      {(composition.women.groupsKnown > 0 || composition.children.groupsKnown > 0) && (
        <p data-testid="dashboard-composition">
          {tComposition("totals", { women: composition.women.atLeast, children: composition.children.atLeast })}{" "}
          <Link href="/timeline?includes=women" className="underline">
            {tComposition("groups.women")}
          </Link>
          {" · "}
          <Link href="/timeline?includes=children" className="underline">
            {tComposition("groups.children")}
          </Link>
        </p>
      )}

      {followUps && (
        <section
          aria-labelledby="overdue-heading"
          className="rounded border border-stone-300 bg-white p-4"
          data-testid="dashboard-overdue"
        >
          <h2 id="overdue-heading" className="font-semibold">
            {t("overdueHeading", { count: followUps.overdue.length })}
          </h2>
          {followUps.overdue.length === 0 ? (
            <p className="text-sm text-stone-700">{t("nothingOverdue")}</p>
          ) : (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {followUps.overdue.slice(0, 5).map((a) => (
                <li key={a.id}>
                  <span className="font-semibold text-red-800">{formatDay(a.followUpDue, speech)}</span>:{" "}
                  {t("overdueItem", { kind: tEnums(`ActionKind.${a.kind}`), contact: a.contact.name })}{" "}
                  <Link href={`/cases/${a.case.code}`} className="font-mono underline">
                    {a.case.code}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-sm">
            <Link href="/follow-ups" className="underline">
              {t("allFollowUps")}
            </Link>
          </p>
        </section>
      )}

      <section aria-labelledby="recent-heading" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="recent-heading" className="font-semibold">
          {t("recentHeading")}
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-stone-700">{t("noCases")}</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {recent.map((c) => (
              <li key={c.code}>
                <Link href={`/cases/${c.code}`} className="underline">
                  {c.code}: {c.title}
                </Link>{" "}
                <StatusBadge status={c.status} />{" "}
                <span className="text-stone-600">{t("updated", { day: formatDay(c.updatedAt, speech) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {series.map((s) => (
        <section
          key={s.key}
          aria-labelledby={`series-${s.key}`}
          className="rounded border border-stone-300 bg-white p-4"
        >
          <h2 id={`series-${s.key}`} className="font-semibold">
            {s.title}
          </h2>
          <div className="mt-2 flex flex-wrap items-start gap-6">
            <SeriesChart title={s.title} points={s.points} unit={s.unit} />
            <table className="text-sm">
              <caption className="sr-only">{t("seriesCaption", { title: s.title })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-6 text-left">
                    {t("year")}
                  </th>
                  <th scope="col" className="text-right">
                    {s.unit}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.points.map((p) => (
                  <tr key={p.period}>
                    <td className="pr-6">{p.period}</td>
                    <td className="text-right tabular-nums">{p.value.toLocaleString("en")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {s.source && (
            <p className="mt-2 text-xs">
              <AccordingTo sources={[s.source]} />
              {s.quote && (
                <>
                  : <q className="italic">{s.quote}</q>
                </>
              )}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
