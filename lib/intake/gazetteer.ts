/**
 * The places the extractor recognises: countries on the escape routes, every province-level division
 * of China and North Korea, China's prefecture-level cities, the county-level cities and border towns
 * of Jilin, Liaoning and Heilongjiang, North Korea's cities, and the cities on the routes south — each
 * with its romanisations, Korean (Hangul) and Chinese names and coordinates. The city list is generated
 * from GeoNames (gazetteer/data.ts, see gazetteer/generate.ts and docs/decisions/009-intake-gazetteer.md);
 * countries and provinces are in gazetteer/regions.ts.
 *
 * Names are found by looking words up, not by one huge regex: capitalised runs of Latin words, runs
 * of Hangul (a Korean particle or 시/성/현 after the name is allowed: "선양에서", "지린성") and runs of
 * Chinese characters. Pure data and functions: safe in the browser.
 */
import { CITY_TABLE } from "./gazetteer/data";
import { CN_ADMIN1, COUNTRIES, EXTRA_PLACES, KP_ADMIN1 } from "./gazetteer/regions";

export type PlaceLevel = "country" | "province" | "city";
export type PlaceEntry = {
  name: string;
  aliases: string[];
  country: string;
  province: string | null;
  city: string | null;
  level: PlaceLevel;
  /** 5 national capital, 4 provincial capital, 3 prefecture seat, 2 county seat, 1 town, 0 village. */
  rank: number;
  lat: number;
  lon: number;
};

/** A place name as compared: case, accents, apostrophes, spaces and hyphens ignored. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s'’`.-]+/g, "");
}

function build(): PlaceEntry[] {
  const out: PlaceEntry[] = [];
  for (const [code, r] of Object.entries(COUNTRIES))
    out.push({
      name: r.name,
      aliases: r.aliases,
      country: code,
      province: null,
      city: null,
      level: "country",
      rank: 6,
      lat: r.at[0],
      lon: r.at[1],
    });
  for (const [country, table] of [
    ["CN", CN_ADMIN1],
    ["KP", KP_ADMIN1],
  ] as const) {
    for (const r of Object.values(table))
      out.push({
        name: r.name,
        aliases: r.aliases,
        country,
        province: r.name,
        city: null,
        level: "province",
        rank: 5,
        lat: r.at[0],
        lon: r.at[1],
      });
  }
  for (const line of CITY_TABLE.split("\n")) {
    const [name, country, province, rank, lat, lon, , aliases] = line.split("\t");
    out.push({
      name,
      aliases: aliases ? aliases.split("|") : [],
      country,
      province: province || null,
      city: name,
      level: "city",
      rank: Number(rank),
      lat: Number(lat),
      lon: Number(lon),
    });
  }
  for (const p of EXTRA_PLACES)
    out.push({
      name: p.name,
      aliases: p.aliases,
      country: p.country,
      province: p.province,
      city: p.name,
      level: "city",
      rank: 3,
      lat: p.at[0],
      lon: p.at[1],
    });
  return out;
}

export const GAZETTEER: readonly PlaceEntry[] = build();

/** Province-level cities: the name means the city, and the province is the same. */
const MUNICIPALITIES = new Set(["Beijing", "Shanghai", "Tianjin", "Chongqing", "Pyongyang"]);
const NORTHEAST = new Set(["Jilin", "Liaoning", "Heilongjiang"]);

/** Which of several places of one name a report most likely means. */
function priority(e: PlaceEntry): number {
  if (e.level === "country") return 1000;
  // A province-level city (Beijing) is the city; otherwise a province wins over a city of its name (Jilin).
  if (e.level === "city" && MUNICIPALITIES.has(e.name) && e.province === e.city) return 950;
  if (e.level === "province") return 900;
  return (e.province && NORTHEAST.has(e.province) ? 100 : 0) + (e.country === "KP" ? 50 : 0) + e.rank * 10;
}

const INDEX = new Map<string, PlaceEntry[]>();
for (const e of GAZETTEER) {
  for (const n of new Set([e.name, ...e.aliases])) {
    const key = normalizeName(n);
    if (!key) continue;
    const list = INDEX.get(key) ?? [];
    if (!list.includes(e)) list.push(e);
    INDEX.set(key, list);
  }
}
for (const list of INDEX.values()) list.sort((a, b) => priority(b) - priority(a));

/** Every place of a name, most likely first. */
export function lookupAll(name: string): PlaceEntry[] {
  return INDEX.get(normalizeName(name)) ?? [];
}
/** The most likely place of a name, or null. */
export function lookupPlace(name: string): PlaceEntry | null {
  return lookupAll(name)[0] ?? null;
}
/** The city of a name, when the words say it is the city ("Jilin city", "지린시"). */
export function lookupCity(name: string): PlaceEntry | null {
  return lookupAll(name).find((e) => e.level === "city") ?? null;
}

export type NameHit = { start: number; end: number; wording: string; entry: PlaceEntry };

/** Korean particles and administrative suffixes that may follow a place name. */
const KO_TAIL =
  /^(?:시|성|현|도|진|구|군)?(?:에서는|에서도|에서|으로|에게|까지|부터|에는|에도|서|과|와|의|에|로|을|를|이|가|은|는|도)?$/;
const LATIN_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3}/gu;
const HANGUL_RUN = /\p{Script=Hangul}+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Known place names inside [start, end) of the text, in order. Latin names must start with a capital
 * (places are proper nouns); the longest known name in a run of capitalised words wins ("Inner
 * Mongolia" over "Mongolia").
 */
export function findPlaceNames(text: string, start = 0, end = text.length): NameHit[] {
  const part = text.slice(start, end);
  const hits: NameHit[] = [];
  for (const m of part.matchAll(LATIN_RUN)) {
    const words = [...m[0].matchAll(/\S+/g)];
    let i = 0;
    while (i < words.length) {
      let found: NameHit | null = null;
      for (let j = words.length; j > i && !found; j--) {
        const a = m.index + (words[i].index ?? 0);
        const last = words[j - 1];
        let b = m.index + (last.index ?? 0) + last[0].length;
        let wording = part.slice(a, b);
        // "Jilin's", "Tumen’s": a possessive is not part of the name.
        const poss = /['’]s$/.exec(wording);
        if (poss) {
          b -= poss[0].length;
          wording = wording.slice(0, -poss[0].length);
        }
        const entry = lookupPlace(wording);
        if (entry) found = { start: start + a, end: start + b, wording, entry };
        else if (j === i + 1) break;
        if (found) i = j;
      }
      if (!found) i++;
      else hits.push(found);
    }
  }
  for (const re of [HANGUL_RUN, HAN_RUN]) {
    for (const m of part.matchAll(re)) {
      const token = m[0];
      // The longest known name at the start of the token whose remainder is a particle or suffix.
      for (let len = token.length; len >= 2; len--) {
        const head = token.slice(0, len);
        const entry = lookupPlace(head);
        if (!entry || !(re === HAN_RUN || KO_TAIL.test(token.slice(len)))) continue;
        const a = start + m.index;
        hits.push({ start: a, end: a + len, wording: head, entry });
        break;
      }
    }
  }
  return hits.sort((x, y) => x.start - y.start);
}
