/**
 * Place names the extractor recognises, with where each one is: country (ISO 3166-1 alpha-2),
 * province and city. Deliberately small: the countries on escape routes, all of China's
 * provincial-level divisions (from lib/places.ts, which the map uses) and the cities that come up
 * in reports, mostly on the China–North Korea border and along the route south.
 *
 * Names are the usual English romanisations; add other languages' names as aliases when a
 * lexicon for them is written (a Korean report says 선양 for Shenyang).
 */
import { knownProvinces } from "@/lib/places";

export type PlaceEntry = { name: string; aliases?: string[]; country: string; province: string | null; city: string | null; level: "country" | "province" | "city" };

const COUNTRIES: PlaceEntry[] = [
  { name: "China", aliases: ["mainland China", "PRC"], country: "CN", province: null, city: null, level: "country" },
  { name: "North Korea", aliases: ["DPRK"], country: "KP", province: null, city: null, level: "country" },
  { name: "South Korea", aliases: ["Republic of Korea"], country: "KR", province: null, city: null, level: "country" },
  { name: "Russia", country: "RU", province: null, city: null, level: "country" },
  { name: "Mongolia", country: "MN", province: null, city: null, level: "country" },
  { name: "Laos", country: "LA", province: null, city: null, level: "country" },
  { name: "Vietnam", aliases: ["Viet Nam"], country: "VN", province: null, city: null, level: "country" },
  { name: "Thailand", country: "TH", province: null, city: null, level: "country" },
  { name: "Cambodia", country: "KH", province: null, city: null, level: "country" },
  { name: "Myanmar", aliases: ["Burma"], country: "MM", province: null, city: null, level: "country" },
  { name: "Japan", country: "JP", province: null, city: null, level: "country" },
];

/** Province-level cities (Beijing, Shanghai, …) are listed as cities below, so a province of that name is skipped here. */
const PROVINCE_ALIASES: Record<string, string[]> = {
  "Inner Mongolia": ["Nei Mongol"],
  Tibet: ["Xizang"],
};

const CN_CITIES: Array<[city: string, province: string]> = [
  ["Yanji", "Jilin"],
  ["Yanbian", "Jilin"],
  ["Tumen", "Jilin"],
  ["Hunchun", "Jilin"],
  ["Longjing", "Jilin"],
  ["Helong", "Jilin"],
  ["Changbai", "Jilin"],
  ["Baishan", "Jilin"],
  ["Tonghua", "Jilin"],
  ["Changchun", "Jilin"],
  ["Dandong", "Liaoning"],
  ["Shenyang", "Liaoning"],
  ["Dalian", "Liaoning"],
  ["Kuandian", "Liaoning"],
  ["Harbin", "Heilongjiang"],
  ["Mudanjiang", "Heilongjiang"],
  ["Qingdao", "Shandong"],
  ["Yantai", "Shandong"],
  ["Weihai", "Shandong"],
  ["Kunming", "Yunnan"],
  ["Xishuangbanna", "Yunnan"],
  ["Mengla", "Yunnan"],
  ["Nanning", "Guangxi"],
  ["Pingxiang", "Guangxi"],
  ["Guangzhou", "Guangdong"],
  ["Shenzhen", "Guangdong"],
  ["Beijing", "Beijing"],
  ["Shanghai", "Shanghai"],
  ["Tianjin", "Tianjin"],
];

const OTHER_CITIES: PlaceEntry[] = [
  { name: "Vientiane", country: "LA", province: null, city: "Vientiane", level: "city" },
  { name: "Bangkok", country: "TH", province: null, city: "Bangkok", level: "city" },
  { name: "Hanoi", country: "VN", province: null, city: "Hanoi", level: "city" },
  { name: "Ulaanbaatar", aliases: ["Ulan Bator"], country: "MN", province: null, city: "Ulaanbaatar", level: "city" },
  { name: "Vladivostok", country: "RU", province: null, city: "Vladivostok", level: "city" },
  { name: "Phnom Penh", country: "KH", province: null, city: "Phnom Penh", level: "city" },
  { name: "Seoul", country: "KR", province: null, city: "Seoul", level: "city" },
  { name: "Sinuiju", country: "KP", province: null, city: "Sinuiju", level: "city" },
  { name: "Hyesan", country: "KP", province: null, city: "Hyesan", level: "city" },
  { name: "Pyongyang", country: "KP", province: null, city: "Pyongyang", level: "city" },
];

const cityNames = new Set(CN_CITIES.map(([c]) => c));

export const GAZETTEER: readonly PlaceEntry[] = [
  ...COUNTRIES,
  ...knownProvinces("CN")
    .filter((p) => !cityNames.has(p))
    .map((p): PlaceEntry => ({ name: p, aliases: PROVINCE_ALIASES[p], country: "CN", province: p, city: null, level: "province" })),
  ...CN_CITIES.map(([city, province]): PlaceEntry => ({ name: city, country: "CN", province, city, level: "city" })),
  ...OTHER_CITIES,
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");

const BY_NAME = new Map<string, PlaceEntry>();
for (const e of GAZETTEER) for (const n of [e.name, ...(e.aliases ?? [])]) BY_NAME.set(n.toLowerCase().replace(/\s+/g, " "), e);

const ALL_NAMES = [...new Set(GAZETTEER.flatMap((e) => [e.name, ...(e.aliases ?? [])]))];

/** Regex source matching any known place name (longest first, case-sensitive: places are proper nouns). */
export const PLACE_NAME_SOURCE = `(?<![\\w-])(?:${ALL_NAMES.sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|")})(?![\\w-])`;

export function lookupPlace(name: string): PlaceEntry | null {
  return BY_NAME.get(name.toLowerCase().replace(/\s+/g, " ")) ?? null;
}

/** A place name as compared: case, accents, apostrophes, spaces and hyphens ignored. */
export function normalizeName(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s'’`-]+/g, "");
}
