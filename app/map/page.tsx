import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/session";
import { countByPlace, readCaseQuery, type PlaceCount } from "@/lib/data/case-search";
import { countryName, formatPlace } from "@/lib/format/display";
import { COUNTING_RULE, describeFilter, filterToQuery, type CaseFilter } from "@/lib/validations/case-filter";
import { CaseMap, locatePlace, type MapPlace } from "@/components/map/case-map";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Map" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const people = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "person" : "people"}`;
const groups = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "group" : "groups"}`;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : (v ?? ""));

/** "Liaoning, CN", or "China (CN)" for a place recorded only by its country. */
function placeLabel(row: PlaceCount): string {
  const parts = [row.cityArea, row.province].filter(Boolean);
  if (parts.length) return `${parts.join(", ")}, ${row.country}`;
  const name = countryName(row.country);
  return name === row.country ? row.country : `${name} (${row.country})`;
}

const POSITION_NOTE: Record<string, string> = {
  recorded: "",
  city: "shown at the city's centre",
  province: "shown at the approximate centre of the province",
  country: "not on the map: only the country is known (listed beside the map)",
};

function toMapPlace(row: PlaceCount, filter: CaseFilter): MapPlace {
  const query = filterToQuery({
    ...filter,
    country: row.country,
    province: row.province ?? filter.province,
    city: row.cityArea ?? filter.city,
  });
  return {
    key: [row.country, row.province ?? "", row.cityArea ?? ""].join("|"),
    name: row.cityArea || row.province || countryName(row.country),
    label: `${placeLabel(row)}: at least ${people(row.peopleAtLeast)} in ${groups(row.groups)}`,
    href: `/timeline?${query}`,
    groups: row.groups,
    peopleAtLeast: row.peopleAtLeast,
    point: locatePlace(row),
  };
}

/**
 * A place known only by its country is not drawn: its centre can be ~1,500 km from where the group
 * was caught (China's centre for a border arrest). It is listed beside the map instead.
 */
const drawable = (place: MapPlace): MapPlace => (place.point?.level === "country" ? { ...place, point: null } : place);

/** Matching cases by place, on a server-drawn map and in a table with the same figures. */
export default async function MapPage({ searchParams }: Props) {
  const actor = await getActor();
  const raw = await searchParams;
  const parsed = readCaseQuery(actor, raw);

  if (!parsed.ok) {
    const { errors } = parsed;
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Map</h1>
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">These filters cannot be used:</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(errors).map(([param, message]) => (
              <li key={param}>
                <code>{param}</code>
                {first(raw[param]) ? <> = “{first(raw[param])}”</> : null}: {message}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <Link href="/map" className="underline">
              Show the map without filters
            </Link>
          </p>
        </div>
        <CaseMap places={[]} />
      </div>
    );
  }

  const { filter } = parsed;
  const rows = await countByPlace(actor, filter);
  const places = rows.map((row) => ({ row, place: toMapPlace(row, filter) }));
  const totalPeople = rows.reduce((n, r) => n + r.peopleAtLeast, 0);
  const totalGroups = rows.reduce((n, r) => n + r.groups, 0);
  const filterQuery = filterToQuery(filter);
  const countryOnly = places.filter((p) => p.place.point?.level === "country");

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Map</h1>
      <p className="text-sm text-stone-700" data-testid="map-filter">
        {actor ? "Cases your role may see" : "Published cases"}. Filter: {describeFilter(filter)}.
      </p>
      <p className="text-xs text-stone-600">{COUNTING_RULE}</p>
      <p className="text-sm">
        <Link href={filterQuery ? `/timeline?${filterQuery}` : "/timeline"} className="underline">
          Show these cases on the timeline
        </Link>
      </p>
      {rows.length > 0 && (
        <p className="text-lg">
          <strong>At least {people(totalPeople)}</strong> in {groups(totalGroups)}, in {rows.length}{" "}
          {rows.length === 1 ? "place" : "places"}
        </p>
      )}
      <div className={countryOnly.length ? "gap-4 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem]" : ""}>
        <figure className="space-y-1">
          <CaseMap places={places.map((p) => drawable(p.place))} />
          <figcaption className="text-xs text-stone-600">
            Circle area is proportional to the people counted (at least). Places recorded without coordinates are drawn
            at the approximate centre of their city or province; cases known only by their country are listed, not
            drawn. Outlines: Natural Earth via world-atlas (1:50m), drawn on this server.
          </figcaption>
        </figure>
        {countryOnly.length > 0 && (
          <section
            aria-labelledby="unplaced-heading"
            className="mt-3 rounded border border-stone-300 bg-white p-3 text-sm lg:mt-0 lg:self-start"
            data-testid="unplaced"
          >
            <h2 id="unplaced-heading" className="font-semibold">
              Not on the map
            </h2>
            <p className="text-xs text-stone-600">Only the country is known: no province or city recorded.</p>
            <ul className="mt-2 space-y-1">
              {countryOnly.map(({ place }) => (
                <li key={place.key}>
                  <Link href={place.href} className="underline">
                    {place.label}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          No cases match these filters.
        </p>
      ) : (
        <section aria-labelledby="places-heading" className="space-y-2">
          <h2 id="places-heading" className="text-lg font-semibold">
            By place
          </h2>
          <div className="overflow-x-auto">
            <DataTable
              caption={"Matching cases by place: the map's figures"}
              columns={["Place", { label: "Groups", numeric: true }, { label: "People (at least)", numeric: true }]}
            >
              <tbody>
                {places.map(({ row, place }) => (
                  <tr key={place.key} className="border-t border-stone-200 align-top">
                    <th scope="row" className="p-2 text-left font-normal">
                      <Link href={place.href} className="underline">
                        {formatPlace(row)}
                      </Link>{" "}
                      <span className="font-mono text-xs text-stone-600">{row.country}</span>
                      {place.point === null ? (
                        <span className="block text-xs text-stone-600">not on the map (no coordinates)</span>
                      ) : POSITION_NOTE[place.point.level] ? (
                        <span className="block text-xs text-stone-600">{POSITION_NOTE[place.point.level]}</span>
                      ) : null}
                    </th>
                    <td className="p-2 text-right tabular-nums">{row.groups.toLocaleString("en")}</td>
                    <td className="p-2 text-right tabular-nums">{row.peopleAtLeast.toLocaleString("en")}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
          <p className="text-xs text-stone-600">
            A place recorded only as a country, or only as a province, links to every matching case there, including
            those recorded more precisely.
          </p>
        </section>
      )}
    </div>
  );
}
