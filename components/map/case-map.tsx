import "server-only";
import { geoBounds, geoMercator, geoPath, type GeoProjection, type GeoStream } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// 1:50m rather than 1:110m: the cases cluster along the China–North Korea border, and at the
// zoom this map reaches (a few hundred km across) the 110m outlines lose the Yalu and Tumen
// rivers and most of the Korean coast. The 50m file's extra detail is kept off the page by
// clipping to the view and simplifying to under a pixel (see `simplify`): about 19 kB of path
// data for the default East Asia view, 5 kB for the border region. The 10m file would add
// nothing visible at this size. Bundled with the server, so no tiles and no internet: the map
// renders the same offline.
import world from "world-atlas/countries-50m.json";
import { placeCoordinates, type PlaceLevel } from "@/lib/geo/places";
import { countryName } from "@/lib/format/display";

/** Where a place is drawn: its recorded (mean) coordinates, else the bundled approximate centroid. */
export type MapPoint = { lat: number; lon: number; level: PlaceLevel | "recorded" };

/** One circle on the map: a place with its counts, the link to its cases and the link's accessible name. */
export type MapPlace = {
  key: string;
  name: string;
  label: string;
  href: string;
  groups: number;
  peopleAtLeast: number;
  point: MapPoint | null;
};

/** The point to draw a place at, or null when neither the case nor the bundled place list has one. */
export function locatePlace(row: {
  country: string | null;
  province: string | null;
  cityArea: string | null;
  latitude: number | null;
  longitude: number | null;
}): MapPoint | null {
  if (
    row.latitude !== null &&
    row.longitude !== null &&
    Number.isFinite(row.latitude) &&
    Number.isFinite(row.longitude)
  ) {
    return { lat: row.latitude, lon: row.longitude, level: "recorded" };
  }
  return placeCoordinates(row);
}

const WIDTH = 960;
const HEIGHT = 600;
const PADDING = 24;
const MAX_RADIUS = 34;
const MIN_RADIUS = 6;
/** Outlines are simplified to within this many SVG units (under a screen pixel): invisible, and it halves the path data. */
const SIMPLIFY_TOLERANCE = 0.75;

type Extent = { west: number; south: number; east: number; north: number };
/** East Asia from Yunnan and the Mekong to Japan, around China and Korea: the view with one place or none. */
const DEFAULT_EXTENT: Extent = { west: 97, south: 20, east: 137, north: 50 };

type CountryShape = { id: string; name: string; shape: GeoJSON.Feature; bounds: [[number, number], [number, number]] };

// Parsed once per server process: the topology, its GeoJSON features and their bounds.
const COUNTRY_SHAPES: CountryShape[] = (() => {
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topology, topology.objects.countries).features.map((shape) => ({
    id: String(shape.id ?? shape.properties?.name),
    name: shape.properties?.name ?? "",
    shape,
    bounds: geoBounds(shape),
  }));
})();

/** Outline path data per view, so repeated views (most requests share one) are not re-projected. */
const OUTLINE_CACHE = new Map<string, { id: string; d: string }[]>();
const OUTLINE_CACHE_SIZE = 40;

/** The countries labelled on the map, lightly, for orientation. */
const LABELLED_COUNTRIES = ["CN", "KP", "KR", "RU", "MN", "LA", "VN", "TH", "KH", "MM", "JP"];

/** The view: East Asia for one place or none, else the places' extent with padding and a minimum size. */
function viewExtent(points: MapPoint[]): Extent {
  const distinct = new Set(points.map((p) => `${p.lat.toFixed(2)},${p.lon.toFixed(2)}`));
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  let e: Extent;
  if (distinct.size < 2) {
    e = { ...DEFAULT_EXTENT };
    // A lone place outside East Asia still has to be on the map.
    for (const p of points) {
      e = {
        west: Math.min(e.west, p.lon - 4),
        east: Math.max(e.east, p.lon + 4),
        south: Math.min(e.south, p.lat - 4),
        north: Math.max(e.north, p.lat + 4),
      };
    }
  } else {
    e = { west: Math.min(...lons), east: Math.max(...lons), south: Math.min(...lats), north: Math.max(...lats) };
    const padLon = Math.max(2, (e.east - e.west) * 0.15);
    const padLat = Math.max(1.5, (e.north - e.south) * 0.15);
    e = { west: e.west - padLon, east: e.east + padLon, south: e.south - padLat, north: e.north + padLat };
    // Never zoom in so far that the outlines turn into a few straight lines.
    const grow = (lo: number, hi: number, min: number): [number, number] => {
      const span = hi - lo;
      return span >= min ? [lo, hi] : [lo - (min - span) / 2, hi + (min - span) / 2];
    };
    [e.west, e.east] = grow(e.west, e.east, 12);
    [e.south, e.north] = grow(e.south, e.north, 8);
  }
  return {
    west: Math.max(-180, e.west),
    east: Math.min(180, e.east),
    south: Math.max(-70, e.south),
    north: Math.min(78, e.north),
  };
}

function projectionFor(extent: Extent): GeoProjection {
  return geoMercator()
    .fitExtent(
      [
        [PADDING, PADDING],
        [WIDTH - PADDING, HEIGHT - PADDING],
      ],
      {
        type: "MultiPoint",
        coordinates: [
          [extent.west, extent.south],
          [extent.east, extent.north],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
}

/** Douglas–Peucker: the points of a projected line to keep so none strays more than SIMPLIFY_TOLERANCE from it. */
function simplifyLine(points: [number, number][]): [number, number][] {
  const n = points.length;
  if (n < 3) return points;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a];
    const [dx, dy] = [points[b][0] - ax, points[b][1] - ay];
    const len2 = dx * dx + dy * dy;
    let max = -1,
      at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
      const d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
      if (d > max) [max, at] = [d, i];
    }
    if (max > SIMPLIFY_TOLERANCE) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A stream stage after projection and clipping that simplifies each line or ring in screen units. */
function simplify(sink: GeoStream): GeoStream {
  let line: [number, number][] | null = null;
  return {
    point(x, y) {
      if (line) line.push([x, y]);
      else sink.point(x, y);
    },
    lineStart() {
      line = [];
      sink.lineStart();
    },
    lineEnd() {
      for (const [x, y] of simplifyLine(line ?? [])) sink.point(x, y);
      line = null;
      sink.lineEnd();
    },
    polygonStart() {
      sink.polygonStart();
    },
    polygonEnd() {
      sink.polygonEnd();
    },
    sphere() {
      sink.sphere?.();
    },
  };
}

const overlaps = (aLo: number, aHi: number, bLo: number, bHi: number) => aLo <= bHi && bLo <= aHi;

/** Path data of the countries that intersect the view, clipped to it. */
function outlines(projection: GeoProjection, extent: Extent): { id: string; d: string }[] {
  const key = [extent.west, extent.south, extent.east, extent.north].map((n) => n.toFixed(3)).join(",");
  const cached = OUTLINE_CACHE.get(key);
  if (cached) return cached;
  const [west, north] = projection.invert?.([0, 0]) ?? [extent.west, extent.north];
  const [east, south] = projection.invert?.([WIDTH, HEIGHT]) ?? [extent.east, extent.south];
  const path = geoPath({ stream: (sink) => projection.stream(simplify(sink)) }).digits(0);
  const out: { id: string; d: string }[] = [];
  for (const c of COUNTRY_SHAPES) {
    const [[w, s], [e, n]] = c.bounds;
    if (!overlaps(s, n, south, north)) continue;
    // Bounds with west > east cross the antimeridian (Russia, Fiji): two longitude ranges.
    const inLon = w <= e ? overlaps(w, e, west, east) : overlaps(w, 180, west, east) || overlaps(-180, e, west, east);
    if (!inLon) continue;
    const d = path(c.shape);
    if (d) out.push({ id: c.id, d });
  }
  if (OUTLINE_CACHE.size >= OUTLINE_CACHE_SIZE) OUTLINE_CACHE.delete(OUTLINE_CACHE.keys().next().value as string);
  OUTLINE_CACHE.set(key, out);
  return out;
}

/**
 * A server-rendered SVG map of case counts by place: no client script, no tiles. Each circle's
 * area is proportional to the people counted there (at least) and links to those cases on the
 * timeline; the page gives the same figures as a table.
 */
export function CaseMap({
  places,
  id = "case-map",
  title = "Map of matching cases by place",
}: {
  places: MapPlace[];
  id?: string;
  title?: string;
}) {
  const onMap = places.filter((p): p is MapPlace & { point: MapPoint } => p.point !== null);
  const extent = viewExtent(onMap.map((p) => p.point));
  const projection = projectionFor(extent);
  const countries = outlines(projection, extent);
  const maxPeople = Math.max(0, ...onMap.map((p) => p.peopleAtLeast));
  // Largest first, so smaller circles stay on top and clickable.
  const circles = onMap
    .map((p) => {
      const [x, y] = projection([p.point.lon, p.point.lat]) ?? [NaN, NaN];
      const r = maxPeople > 0 ? Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(p.peopleAtLeast / maxPeople)) : MIN_RADIUS;
      return { ...p, x, y, r };
    })
    .filter((c) => Number.isFinite(c.x) && Number.isFinite(c.y))
    .sort((a, b) => b.r - a.r);
  const countryLabels = LABELLED_COUNTRIES.map((code) => [code, countryName(code)] as const)
    .map(([code, name]) => {
      const at = placeCoordinates({ country: code });
      const [x, y] = at ? (projection([at.lon, at.lat]) ?? [NaN, NaN]) : [NaN, NaN];
      return { code, name, x, y };
    })
    .filter((l) => l.x > 40 && l.x < WIDTH - 40 && l.y > 20 && l.y < HEIGHT - 20)
    // A circle at a country's centre is labelled already; keep the country's name out of its way.
    .filter((l) => !circles.some((c) => Math.hypot(c.x - l.x, c.y - l.y) < c.r + 36));
  const described =
    circles.length === 0
      ? "No places to show."
      : `${circles.length} ${circles.length === 1 ? "place" : "places"} shown. Circle area is proportional to the number of people counted (at least); each circle links to those cases on the timeline. The table below gives the same figures.`;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full rounded border border-stone-300 bg-sky-50"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      data-testid="case-map"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{described}</desc>
      <g aria-hidden="true" fill="#e7e5e4" stroke="#a8a29e" strokeWidth={0.75} strokeLinejoin="round">
        {countries.map((c) => (
          <path key={c.id} d={c.d} />
        ))}
      </g>
      <g aria-hidden="true" fill="#78716c" fontSize={13} fontStyle="italic" textAnchor="middle">
        {countryLabels.map((l) => (
          <text key={l.code} x={Math.round(l.x)} y={Math.round(l.y)}>
            {l.name}
          </text>
        ))}
      </g>
      <g>
        {circles.map((c) => (
          <a key={c.key} href={c.href} aria-label={c.label} className="group">
            <title>{c.label}</title>
            <circle
              cx={c.x.toFixed(1)}
              cy={c.y.toFixed(1)}
              r={c.r.toFixed(1)}
              className="fill-red-700/70 stroke-white stroke-2 group-hover:fill-red-800/85 group-focus-visible:fill-red-800/85 group-focus-visible:stroke-stone-950 group-focus-visible:stroke-[4]"
            />
            {c.r >= 13 && (
              <text
                x={c.x.toFixed(1)}
                y={c.y.toFixed(1)}
                dy="0.35em"
                textAnchor="middle"
                fontSize={13}
                fontWeight={600}
                fill="#fff"
                className="pointer-events-none"
              >
                {c.peopleAtLeast}
              </text>
            )}
          </a>
        ))}
      </g>
      <g
        aria-hidden="true"
        fontSize={13}
        fill="#1c1917"
        stroke="#fff"
        strokeWidth={3}
        paintOrder="stroke"
        className="pointer-events-none"
      >
        {circles.slice(0, 12).map((c) => (
          <text key={c.key} x={(c.x + c.r + 4).toFixed(1)} y={c.y.toFixed(1)} dy="0.35em">
            {c.name}
          </text>
        ))}
      </g>
    </svg>
  );
}
