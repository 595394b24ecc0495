import Link from "next/link";
import { getActor } from "@/lib/auth";
import { getDashboardFigures, listStatSeries, type KeyFigure } from "@/lib/data/dashboard";
import { AccordingTo } from "@/components/ui/according-to";

export const dynamic = "force-dynamic";

function Figure({ label, figure, testId, href }: { label: string; figure: KeyFigure; testId: string; href: string }) {
  return (
    <section aria-labelledby={`${testId}-label`} className="rounded border border-stone-300 bg-white p-4" data-testid={testId}>
      <h2 id={`${testId}-label`} className="text-sm font-medium text-stone-700">{label}</h2>
      <p className="mt-1 text-3xl font-semibold">
        <Link href={href} className="hover:underline">at least {figure.peopleAtLeast}</Link>
        <span className="ml-1 text-base font-normal">people</span>
      </p>
      <p className="text-sm text-stone-700">
        in {figure.groups} {figure.groups === 1 ? "group" : "groups"}; best estimate {figure.peopleBest}
      </p>
      <p className="mt-2 text-xs">
        <AccordingTo sources={figure.sources} />
      </p>
    </section>
  );
}

export default async function DashboardPage() {
  const actor = await getActor();
  const [{ caught, atRisk }, series] = await Promise.all([getDashboardFigures(actor), listStatSeries()]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">
          North Koreans reported caught in China and at risk of forced return. Totals add up each group&apos;s
          <strong> minimum</strong> reported size (the conservative figure); the best estimate is shown beside it.
          {actor ? " Includes the internal cases your role may see." : " Public cases only."} Synthetic demo records are not counted.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Figure label="People reported caught" figure={caught} testId="figure-caught" href="/cases" />
        <section aria-labelledby="figure-groups-label" className="rounded border border-stone-300 bg-white p-4" data-testid="figure-groups">
          <h2 id="figure-groups-label" className="text-sm font-medium text-stone-700">Groups</h2>
          <p className="mt-1 text-3xl font-semibold"><Link href="/cases" className="hover:underline">{caught.groups}</Link></p>
          <p className="text-sm text-stone-700">groups of people caught together</p>
          <p className="mt-2 text-xs"><AccordingTo sources={caught.sources} /></p>
        </section>
        <Figure label="At risk now (detained or facing repatriation)" figure={atRisk} testId="figure-at-risk" href="/cases" />
      </div>

      {series.map((s) => (
        <section key={s.key} aria-labelledby={`series-${s.key}`} className="rounded border border-stone-300 bg-white p-4">
          <h2 id={`series-${s.key}`} className="font-semibold">{s.title}</h2>
          <table className="mt-2 text-sm">
            <caption className="sr-only">{s.title}, by year</caption>
            <thead>
              <tr><th scope="col" className="pr-6 text-left">Year</th><th scope="col" className="text-right">{s.unit}</th></tr>
            </thead>
            <tbody>
              {s.points.map((p) => (
                <tr key={p.period}><td className="pr-6">{p.period}</td><td className="text-right tabular-nums">{p.value.toLocaleString("en")}</td></tr>
              ))}
            </tbody>
          </table>
          {s.source && (
            <p className="mt-2 text-xs">
              <AccordingTo sources={[s.source]} />
              {s.quote && <>: <q className="italic">{s.quote}</q></>}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
