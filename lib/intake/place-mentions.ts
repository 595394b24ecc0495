/**
 * Where something happened: gazetteer names (gazetteer.ts) read as places by the lexicon's rules.
 *
 * In English a name counts only after a place preposition ("in Shenyang", "near the border town of
 * Tumen", "to Jilin province"), or joined to one that did ("in Tumen and Hunchun"): "Beijing has stuck
 * to a treaty" names a government, not a place. Korean names need no preposition (a postposition
 * follows them: "선양에서"). A city followed by its province ("Yanji, Jilin") or a province followed by
 * its city ("랴오닝성 선양") is one place. "Jilin city" / "지린시" is the city, "Jilin province" the
 * province. North and South Korea are left out of where a group was caught (`forGroup`): in these
 * reports they are where people come from or hope to reach.
 */
import { findPlaceNames, lookupCity, type NameHit, type PlaceEntry } from "./gazetteer";
import type { Lexicon } from "./lexicon";
import type { GroupPlace, Span } from "./types";

export type PlaceMention = Span & { value: GroupPlace; wording: string; entry: PlaceEntry };

const cache = new WeakMap<Lexicon, { before: RegExp | null; join: RegExp }>();

function rules(lex: Lexicon) {
  let r = cache.get(lex);
  if (!r) {
    r = {
      before: lex.placePrepositionSource ? new RegExp(`(?:^|[^\\p{L}])(?:${lex.placePrepositionSource})$`, "u") : null,
      join: /^\s*(?:,|and|or|및|과|와|·|、)\s*$/u,
    };
    cache.set(lex, r);
  }
  return r;
}

const EXCLUDED = new Set(["KP", "KR"]);
/** A destination or route, not where people were: "moved to Tumen", "via Dandong", "투먼으로 이송". */
const DESTINATION_BEFORE =
  /(?:^|[^\p{L}])(?:[Tt]o|[Ii]nto|[Tt]owards?|[Vv]ia|[Aa]cross|[Tt]hrough)\s+(?:(?:the|a)\s+[^,.;]{0,40}?\s+of\s+)?$/u;
const DESTINATION_AFTER = /^(?:시|성)?(?:으로|로)\s*(?:이송|압송|옮겨|보내|넘겨|향하|향해|가려|갈|건너|이동|송환|북송)/;

function valueOf(e: PlaceEntry): GroupPlace {
  return { country: e.country, province: e.province, city: e.city };
}

/** Place mentions inside [start, end) of the text, in order. `forGroup` leaves out North and South Korea. */
export function findPlaces(lex: Lexicon, text: string, start: number, end: number, forGroup = true): PlaceMention[] {
  const { before, join } = rules(lex);
  const hits = findPlaceNames(text, start, end);
  const out: PlaceMention[] = [];
  let lastAccepted: NameHit | null = null;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    let entry = h.entry;
    const after = text.slice(h.end, Math.min(text.length, h.end + 12));
    if (entry.level === "province" && /^(?:\s+[Cc]ity\b|시)/.test(after)) entry = lookupCity(h.wording) ?? entry;
    const accepted =
      !before ||
      before.test(text.slice(Math.max(start, h.start - 60), h.start)) ||
      (lastAccepted !== null && join.test(text.slice(lastAccepted.end, h.start)));
    if (!accepted) continue;
    lastAccepted = h;
    if (forGroup && EXCLUDED.has(entry.country)) continue;
    if (
      forGroup &&
      (DESTINATION_BEFORE.test(text.slice(Math.max(start, h.start - 60), h.start)) ||
        DESTINATION_AFTER.test(text.slice(h.end, h.end + 12)))
    )
      continue;
    let value = valueOf(entry);
    const s = h.start;
    let e = h.end;
    const next = hits[i + 1];
    const gap = next ? text.slice(h.end, next.start) : "";
    // "중국 선양", "China's Jilin": a country and then a place in it is that place.
    if (
      next &&
      entry.level === "country" &&
      next.entry.country === entry.country &&
      next.entry.level !== "country" &&
      /^(?:['’]s)?\s*$/.test(gap)
    )
      continue;
    // "Yanji, Jilin" / "Shenyang, Liaoning province": a city and then its province.
    if (
      next &&
      entry.level === "city" &&
      next.entry.level === "province" &&
      next.entry.country === entry.country &&
      /^(?:\s+(?:[Cc]ity|시))?\s*,\s*$/.test(gap)
    ) {
      if (!value.province || value.province === next.entry.province) {
        value = { ...value, province: next.entry.province };
        e = next.end;
        i++;
      }
    } else if (
      next &&
      entry.level === "province" &&
      next.entry.level === "city" &&
      next.entry.country === entry.country &&
      /^(?:성|도)?\s*$/.test(gap)
    ) {
      // "랴오닝성 선양", "Jilin Yanji": a province and then its city.
      const city = next.entry.province === entry.province ? next.entry : null;
      if (city) {
        value = valueOf(city);
        e = next.end;
        i++;
      }
    }
    out.push({ start: s, end: e, value, wording: text.slice(s, e), entry });
  }
  return out;
}

export function describePlace(p: GroupPlace): string {
  return [p.city, p.province !== p.city ? p.province : null, p.country].filter(Boolean).join(", ");
}
