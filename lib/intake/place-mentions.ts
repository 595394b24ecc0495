/**
 * Where a group was caught: known place names after a place preposition ("in China", "near
 * Yanji", "in the border city of Dandong"), optionally followed by their province ("Yanji, Jilin").
 *
 * A bare name is not taken ("Beijing has stuck to a treaty" names a government, not a place).
 * North and South Korea are never proposed as where a group is: in these reports they are where
 * people come from or hope to reach.
 */
import { lookupPlace, PLACE_NAME_SOURCE, type PlaceEntry } from "./gazetteer";
import type { Lexicon } from "./lexicon";
import type { GroupPlace, Span } from "./types";
import { allMatches } from "./util";

export type PlaceMention = Span & { value: GroupPlace; wording: string; entry: PlaceEntry };

const cache = new WeakMap<Lexicon, RegExp>();

function placeRegex(lex: Lexicon): RegExp {
  let re = cache.get(lex);
  if (!re) {
    re = new RegExp(`(?<![\\w])(?:${lex.placePrepositionSource})(?<place>${PLACE_NAME_SOURCE})(?:(?:\\s+city|\\s+province)?,\\s*(?<place2>${PLACE_NAME_SOURCE}))?`, "gd");
    cache.set(lex, re);
  }
  return re;
}

const EXCLUDED = new Set(["KP", "KR"]);

/** Place mentions inside [start, end) of the text, in order; North and South Korea left out. */
export function findPlaces(lex: Lexicon, text: string, start: number, end: number): PlaceMention[] {
  const part = text.slice(start, end);
  const out: PlaceMention[] = [];
  for (const m of allMatches(placeRegex(lex), part)) {
    const entry = lookupPlace(m.groups?.place ?? "");
    if (!entry || EXCLUDED.has(entry.country)) continue;
    const second = m.groups?.place2 ? lookupPlace(m.groups.place2) : null;
    const indices = m.indices?.groups?.place;
    const s = start + (indices ? indices[0] : m.index);
    let value: GroupPlace = { country: entry.country, province: entry.province, city: entry.city };
    let e = start + (indices ? indices[1] : m.index + m[0].length);
    // "Yanji, Jilin": a city followed by its province (or a province the gazetteer did not know for it).
    if (second && second.level === "province" && second.country === entry.country && entry.level === "city") {
      value = { ...value, province: value.province ?? second.province };
      if (value.province === second.province) e = start + m.index + m[0].length;
    }
    out.push({ start: s, end: e, value, wording: text.slice(s, e), entry });
  }
  return out;
}

export function describePlace(p: GroupPlace): string {
  return [p.city, p.province !== p.city ? p.province : null, p.country].filter(Boolean).join(", ");
}
