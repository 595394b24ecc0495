/**
 * Places in two languages (docs/decisions/016): a case files its place in English (cityArea "Shenyang",
 * province "Liaoning"); the Korean name comes from the intake gazetteer (GeoNames' Hangul names plus the
 * curated South Korean transcriptions and Sino-Korean readings: 선양/심양), so every known place has
 * both without a table of its own. Pure functions over the gazetteer: no database.
 */
import { lookupAll, lookupPlace, type PlaceEntry } from "@/lib/intake/gazetteer";
import { pickText, type Shown } from "@/lib/i18n/text-lang";

const HANGUL_ONLY = /^[\uac00-\ud7af]+$/u;
/** Suffixes Korean writing puts on a place name: 시 city, 성 province, 현 county, 구 district. */
const KO_PLACE_SUFFIX = /[시성현구]$/u;

/** The Korean name of a place filed under its English name ("Shenyang" → "선양"), or null if unknown. */
export function koreanPlaceName(name: string | null | undefined): string | null {
  if (!name) return null;
  const entry = lookupPlace(name);
  if (!entry) return null;
  return entry.aliases.find((a) => HANGUL_ONLY.test(a)) ?? null;
}

/** A place name as a reader of `locale` sees it: the Korean name for Korean readers when known. */
export function showPlace(name: string, locale: string): Shown {
  return pickText(name, "en", koreanPlaceName(name), locale);
}

function entriesOf(word: string): PlaceEntry[] {
  const found = lookupAll(word);
  if (found.length || !HANGUL_ONLY.test(word) || !KO_PLACE_SUFFIX.test(word)) return found;
  return lookupAll(word.slice(0, -1));
}

/**
 * The names of the place a search word names, in both languages: "선양" → Shenyang, 선양, 심양;
 * "Shenyang" → the same. Empty when the word is no known place. Only cities and provinces: a country's
 * name ("중국") would match nearly every case.
 */
export function placeNameVariants(word: string): { english: string[]; korean: string[] } {
  const english = new Set<string>();
  const korean = new Set<string>();
  for (const e of entriesOf(word.trim())) {
    if (e.level === "country") continue;
    english.add(e.name);
    for (const a of e.aliases) if (HANGUL_ONLY.test(a) && [...a].length >= 2) korean.add(a);
  }
  return { english: [...english], korean: [...korean] };
}
