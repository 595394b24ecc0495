/**
 * A small bundled gazetteer, so the map can place cases that were recorded without coordinates
 * (most are: reports say "in China" or "in Jilin") and works with no internet.
 *
 * Every coordinate here is an APPROXIMATE centroid (or, for cities, the city centre), rounded to
 * about 0.1°, compiled by hand from public reference figures (country centroids as in the
 * widely used Google DSPL `countries` table; provinces and cities from their Wikipedia / Natural
 * Earth admin-1 positions). They are good enough to put a circle in the right region of a
 * small-scale map and nothing more: never show them as a case's recorded location.
 */

export type PlaceLevel = "city" | "province" | "country";
export type PlacePoint = { lat: number; lon: number; level: PlaceLevel };
type LatLon = readonly [lat: number, lon: number];

/** Approximate country centroids, by ISO 3166-1 alpha-2 code. */
const COUNTRIES: Record<string, LatLon> = {
  CN: [35.9, 104.2],
  KP: [40.3, 127.5],
  KR: [35.9, 127.8],
  RU: [61.5, 105.3],
  MN: [46.9, 103.8],
  LA: [19.9, 102.5],
  VN: [14.1, 108.3],
  TH: [15.9, 101.0],
  KH: [12.6, 105.0],
  MM: [21.9, 96.0],
  JP: [36.2, 138.3],
};

/**
 * Approximate centroids of first-level divisions, by country. Names are the common English ones;
 * `aliases` lists other spellings seen in reports (romanisations, official names).
 */
const PROVINCES: Record<string, { name: string; at: LatLon; aliases?: string[] }[]> = {
  // All 34 provincial-level divisions of China: 23 provinces (including Taiwan), 5 autonomous
  // regions, 4 municipalities and 2 special administrative regions.
  CN: [
    { name: "Anhui", at: [31.8, 117.2] },
    { name: "Fujian", at: [26.1, 118.0] },
    { name: "Gansu", at: [37.8, 101.0] },
    { name: "Guangdong", at: [23.4, 113.4] },
    { name: "Guizhou", at: [26.8, 106.8] },
    { name: "Hainan", at: [19.2, 109.7] },
    { name: "Hebei", at: [39.0, 115.8] },
    { name: "Heilongjiang", at: [47.9, 127.8] },
    { name: "Henan", at: [33.9, 113.5] },
    { name: "Hubei", at: [30.9, 112.3] },
    { name: "Hunan", at: [27.6, 111.7] },
    { name: "Jiangsu", at: [33.0, 119.5] },
    { name: "Jiangxi", at: [27.6, 115.7] },
    { name: "Jilin", at: [43.6, 126.2] },
    { name: "Liaoning", at: [41.3, 122.6] },
    { name: "Qinghai", at: [35.7, 96.0] },
    { name: "Shaanxi", at: [35.2, 108.9] },
    { name: "Shandong", at: [36.4, 118.2] },
    { name: "Shanxi", at: [37.6, 112.3] },
    { name: "Sichuan", at: [30.6, 102.7] },
    { name: "Yunnan", at: [24.9, 101.5] },
    { name: "Zhejiang", at: [29.2, 120.1] },
    { name: "Taiwan", at: [23.7, 121.0] },
    { name: "Inner Mongolia", at: [44.1, 113.9], aliases: ["Nei Mongol", "Nei Menggu"] },
    { name: "Guangxi", at: [23.8, 108.8], aliases: ["Guangxi Zhuang"] },
    { name: "Tibet", at: [31.7, 88.1], aliases: ["Xizang"] },
    { name: "Ningxia", at: [37.3, 106.2], aliases: ["Ningxia Hui"] },
    { name: "Xinjiang", at: [41.1, 85.2], aliases: ["Xinjiang Uyghur", "Xinjiang Uygur"] },
    { name: "Beijing", at: [40.2, 116.4] },
    { name: "Tianjin", at: [39.3, 117.3] },
    { name: "Shanghai", at: [31.2, 121.5] },
    { name: "Chongqing", at: [30.0, 107.9] },
    { name: "Hong Kong", at: [22.3, 114.2] },
    { name: "Macau", at: [22.2, 113.5], aliases: ["Macao"] },
  ],
  // North Korea's nine provinces and its directly governed cities.
  KP: [
    {
      name: "North Hamgyong",
      at: [41.8, 129.4],
      aliases: ["Hamgyong-bukto", "Hamgyong Bukdo", "Hamgyŏng-pukto", "Hamgyong-pukto"],
    },
    { name: "South Hamgyong", at: [40.3, 127.8], aliases: ["Hamgyong-namdo", "Hamgyŏng-namdo"] },
    { name: "Ryanggang", at: [41.2, 128.2], aliases: ["Yanggang", "Ryanggang-do", "Yanggang-do"] },
    { name: "Chagang", at: [40.7, 126.4], aliases: ["Jagang", "Chagang-do", "Jagang-do"] },
    { name: "North Pyongan", at: [40.0, 125.0], aliases: ["Pyonganbuk-do", "Phyonganbuk-do", "P'yŏngan-pukto"] },
    { name: "South Pyongan", at: [39.4, 125.9], aliases: ["Pyongannam-do", "Phyongannam-do"] },
    { name: "North Hwanghae", at: [38.6, 126.4], aliases: ["Hwanghaebuk-do"] },
    { name: "South Hwanghae", at: [38.2, 125.5], aliases: ["Hwanghaenam-do"] },
    { name: "Kangwon", at: [38.8, 127.5], aliases: ["Kangwon-do", "Gangwon"] },
    { name: "Pyongyang", at: [39.0, 125.8], aliases: ["P'yŏngyang"] },
    { name: "Rason", at: [42.3, 130.4], aliases: ["Rajin-Sonbong"] },
    { name: "Nampo", at: [38.7, 125.4], aliases: ["Nampho"] },
    { name: "Kaesong", at: [38.0, 126.6] },
  ],
};

/** City centres, by country: mostly towns on or near the China–North Korea border. */
const CITIES: Record<string, { name: string; at: LatLon; aliases?: string[] }[]> = {
  CN: [
    { name: "Yanji", at: [42.9, 129.5] },
    { name: "Dandong", at: [40.1, 124.4] },
    { name: "Shenyang", at: [41.8, 123.4] },
    { name: "Tumen", at: [43.0, 129.8] },
    { name: "Hunchun", at: [42.9, 130.4] },
    { name: "Changbai", at: [41.4, 128.2] },
    { name: "Kunming", at: [25.0, 102.7] },
    { name: "Beijing", at: [39.9, 116.4] },
    { name: "Shanghai", at: [31.2, 121.5] },
    { name: "Qingdao", at: [36.1, 120.4] },
  ],
  KP: [
    { name: "Sinuiju", at: [40.1, 124.4] },
    { name: "Hyesan", at: [41.4, 128.2] },
    { name: "Pyongyang", at: [39.0, 125.8] },
  ],
};

/**
 * A name as compared: case, accents, punctuation and spacing ignored, and a trailing
 * administrative word ("Province", "City", "-do") dropped, so "Jilin Province" finds "Jilin".
 */
export function normalizePlaceName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/ (province|autonomous region|municipality|special administrative region|sar|city|shi|sheng|do)$/, "")
    .replace(/ /g, "");
}

type Index = Map<string, Map<string, LatLon>>;

function buildIndex(table: Record<string, { name: string; at: LatLon; aliases?: string[] }[]>): Index {
  const index: Index = new Map();
  for (const [country, entries] of Object.entries(table)) {
    const byName = new Map<string, LatLon>();
    for (const e of entries) for (const n of [e.name, ...(e.aliases ?? [])]) byName.set(normalizePlaceName(n), e.at);
    index.set(country, byName);
  }
  return index;
}

const PROVINCE_INDEX = buildIndex(PROVINCES);
const CITY_INDEX = buildIndex(CITIES);

function lookup(index: Index, country: string, name: string | null | undefined): LatLon | undefined {
  if (!name?.trim()) return undefined;
  const byName = index.get(country);
  if (!byName) return undefined;
  // Free-text places are often "Yanji, Yanbian": try the whole text, then its first part.
  return byName.get(normalizePlaceName(name)) ?? byName.get(normalizePlaceName(name.split(",")[0]));
}

/**
 * Approximate coordinates for a recorded place, from the most precise part this list knows:
 * the city, else the province, else the country. Null when none is known.
 */
export function placeCoordinates(place: {
  country: string | null | undefined;
  province?: string | null;
  cityArea?: string | null;
}): PlacePoint | null {
  const country = place.country?.trim().toUpperCase();
  if (!country) return null;
  const city = lookup(CITY_INDEX, country, place.cityArea);
  if (city) return { lat: city[0], lon: city[1], level: "city" };
  const province = lookup(PROVINCE_INDEX, country, place.province);
  if (province) return { lat: province[0], lon: province[1], level: "province" };
  const centre = COUNTRIES[country];
  return centre ? { lat: centre[0], lon: centre[1], level: "country" } : null;
}

/** Names of the provinces this list knows for a country (for tests and documentation). */
export function knownProvinces(country: string): string[] {
  return (PROVINCES[country.toUpperCase()] ?? []).map((p) => p.name);
}
