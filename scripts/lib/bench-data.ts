/**
 * Synthetic data for `npm run bench`: a large, plausible data set generated inside PostgreSQL
 * (INSERT … SELECT … FROM generate_series), so 100,000 cases take seconds, not one round trip each.
 * Only for throwaway benchmark databases: nothing here is shaped like real records beyond what the
 * timeline queries look at (dates, visibility, status, place, size, tags, text).
 */
import type pg from "pg";
import { koreanPlaceName } from "../../lib/geo/place-names.ts";

/** A word that appears in about 50 sources and nowhere else: the full-text search's selective case. */
export const RARE_WORD = "kestrelwood";
/** A word in most sources and many case summaries: the full-text search's unselective case. */
export const COMMON_WORD = "detained";

export const PROVINCES = [
  "Jilin",
  "Liaoning",
  "Heilongjiang",
  "Shandong",
  "Beijing",
  "Shanghai",
  "Yunnan",
  "Guangxi",
  "Inner Mongolia",
  "Hebei",
];
// Rough centroids, in the order of PROVINCES.
const CENTROIDS = [
  [43.7, 126.2],
  [41.3, 122.6],
  [47.9, 127.8],
  [36.4, 118.2],
  [39.9, 116.4],
  [31.2, 121.5],
  [25.0, 101.5],
  [23.8, 108.8],
  [44.1, 113.9],
  [38.0, 114.5],
];
const OTHER_COUNTRIES = ["RU", "LA", "VN", "TH", "MN"];
const STATUSES = [
  "REPORTED_DETAINED",
  "AT_RISK_OF_REPATRIATION",
  "REPATRIATED",
  "RELEASED",
  "REACHED_SAFETY",
  "DIED",
  "UNKNOWN",
];
const STATUS_WEIGHTS = [0.22, 0.14, 0.3, 0.06, 0.12, 0.02, 0.14];
const VERIFICATIONS = ["CONFIRMED", "LIKELY", "POSSIBLE", "UNVERIFIED"];
const VERIFICATION_WEIGHTS = [0.2, 0.3, 0.25, 0.25];
const EVENT_TYPES = [
  "CROSSED_BORDER",
  "ARRESTED",
  "DETAINED",
  "TRANSFERRED",
  "REPATRIATION_TALKS",
  "REPATRIATED",
  "RELEASED",
  "REACHED_SAFETY",
  "APPEAL_MADE",
  "OTHER",
];
const TAGS = [
  "women",
  "children",
  "family",
  "elderly",
  "trafficking",
  "broker",
  "church",
  "shelter",
  "hunger-strike",
  "un-appeal",
  "embassy",
  "bus-checkpoint",
];
const OUTLETS = [
  "Daily NK",
  "NK News",
  "Radio Free Asia",
  "Yonhap",
  "Korea Herald",
  "Chosun Ilbo",
  "JoongAng Ilbo",
  "Hankyoreh",
  "Human Rights Watch",
  "Amnesty International",
  "Transitional Justice Working Group",
  "Reuters",
  "Associated Press",
  "BBC Korean",
  "Voice of America",
  "The Guardian",
  "New York Times",
  "Asia Press",
  "Citizens' Alliance",
  "Liberty in North Korea",
];

// Vocabulary for generated sentences: enough distinct words that full-text matches vary in size.
const SUBJECTS = [
  "A group of defectors",
  "Two women",
  "A family of four",
  "Several teenagers",
  "A former soldier",
  "An elderly man",
  "Three sisters",
  "A mother and her son",
  "Five workers",
  "A pastor's contact",
  "Two brothers",
  "A young couple",
  "Relatives in Seoul",
  "A broker",
  "Local activists",
  "Witnesses",
];
const VERBS = [
  "were detained",
  "were arrested",
  "were stopped",
  "were questioned",
  "were transferred",
  "were held",
  "were handed over",
  "were released",
  "were reported missing",
  "were seen",
  "were sheltered",
  "were interrogated",
  "were searched",
  "were photographed",
  "were deported",
  "were moved",
];
const OBJECTS = [
  "by border police",
  "by public security officers",
  "at a bus checkpoint",
  "at a train station",
  "at a safe house",
  "near the river crossing",
  "at a hotel",
  "during a raid",
  "after an informant's tip",
  "at a church shelter",
  "on a highway",
  "at a ferry terminal",
  "at a market",
  "in a rented flat",
  "near the Laos border",
  "at a detention centre",
];
const PLACES = [
  "Shenyang",
  "Yanji",
  "Dandong",
  "Tumen",
  "Changchun",
  "Harbin",
  "Qingdao",
  "Kunming",
  "Nanning",
  "Beijing",
  "Shanghai",
  "Hunchun",
  "Longjing",
  "Helong",
  "Baishan",
  "Jixi",
  "Mudanjiang",
  "Hohhot",
  "Shijiazhuang",
  "Dalian",
];
const WHEN = [
  "last week",
  "in the spring",
  "before the holiday",
  "in early winter",
  "late at night",
  "in the morning",
  "over the weekend",
  "days before the talks",
  "during the census",
  "after the new year",
  "in the rainy season",
  "at dawn",
];
const SYLLABLES = [
  "han",
  "kim",
  "pak",
  "sun",
  "jin",
  "ho",
  "mi",
  "yong",
  "chol",
  "hye",
  "gwang",
  "ok",
  "dae",
  "seong",
  "ri",
  "nam",
];

/** The places above in Korean (the gazetteer's names: 선양, 옌지…), for the Korean share of the data. */
const PLACES_KO = PLACES.map((p) => koreanPlaceName(p) ?? p);
const KO_WHO = ["탈북민", "북한 주민", "탈북 여성", "일가족", "청소년", "탈북자 일행"];
const KO_VERBS = ["체포됐다", "공안에 붙잡혔다", "구금됐다", "강제북송 위기에 놓였다", "억류됐다", "실종됐다"];
const KO_WHERE = ["기차역에서", "버스 검문소에서", "은신처에서", "국경 근처에서", "호텔에서", "교회 쉼터에서"];
/** The share of cases and sources written in Korean (their title, summary and text). */
export const KOREAN_SHARE = 0.2;

/** Sentences in the text pool. */
const POOL = 5000;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(", ")}]`;
const pick = (xs: readonly string[]) => `(${arr(xs)})[1 + floor(random() * ${xs.length})::int]`;

/** A value from `values` chosen with `weights` (summing to 1), from one uniform random number `r`. */
function weighted(r: string, values: readonly string[], weights: readonly number[]): string {
  let acc = 0;
  const arms = values.slice(0, -1).map((v, i) => {
    acc += weights[i];
    return `WHEN ${r} < ${acc.toFixed(4)} THEN ${lit(v)}`;
  });
  return `CASE ${arms.join(" ")} ELSE ${lit(values[values.length - 1])} END`;
}

export type BenchCounts = Record<"Case" | "CaseEvent" | "Source" | "SourceClaim", number> & { rareSources: number };
export type BenchStep = { label: string; ms: number };

/**
 * Fills an empty, migrated database with `cases` cases (1 to 2 × `eventsPerCase` − 1 events each, so
 * `eventsPerCase` on average; default 2, i.e. 1–3), `sources` sources and 1–3 claims per source, then
 * VACUUM ANALYZE. Deterministic for a given size (setseed).
 */
export async function generateBenchData(
  client: pg.Client,
  opts: { cases: number; sources: number; eventsPerCase?: number; log?: (line: string) => void },
): Promise<{ steps: BenchStep[]; counts: BenchCounts }> {
  const eventsPerCase = opts.eventsPerCase ?? 2;
  if (!Number.isInteger(eventsPerCase) || eventsPerCase < 1 || eventsPerCase > 50)
    throw new Error("eventsPerCase must be a whole number from 1 to 50.");
  const maxEvents = 2 * eventsPerCase - 1;
  const steps: BenchStep[] = [];
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    await client.query(sql, params);
    const ms = performance.now() - t0;
    steps.push({ label, ms });
    opts.log?.(`  ${label.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  };

  await client.query("SET maintenance_work_mem = '256MB'; SET synchronous_commit = off");
  await client.query("SELECT setseed(0.4242)");

  // Bulk-load practice: the secondary indexes are dropped during the load and recreated afterwards
  // from their exact definitions (checked below), which is much faster than maintaining them row by row.
  const { rows: secondary } = await client.query<{ indexname: string; indexdef: string }>(`
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename IN ('Case', 'CaseEvent', 'Source', 'SourceClaim') AND indexname NOT LIKE '%\\_pkey'
    ORDER BY indexname`);
  await client.query(secondary.map((i) => `DROP INDEX "${i.indexname}";`).join("\n"));

  // A pool of generated sentences; each case and source takes a run of them from a random place.
  await client.query(`
    CREATE TEMP TABLE bench_pool AS
    SELECT id, ${pick(SUBJECTS)} || ' ' || ${pick(VERBS)} || ' ' || ${pick(OBJECTS)} || ' in ' || ${pick(PLACES)} || ' ' || ${pick(WHEN)}
      || CASE WHEN random() < 0.5 THEN ', according to ' || initcap(${pick(SYLLABLES)} || ${pick(SYLLABLES)}) || ' ' || initcap(${pick(SYLLABLES)}) ELSE '' END
      || '.' AS s
    FROM generate_series(1, ${POOL}) AS id;
    ALTER TABLE bench_pool ADD PRIMARY KEY (id);
    ANALYZE bench_pool;`);
  /** `count` consecutive pool sentences from `from`, as one text. */
  const poolText = (from: string, count: string) =>
    `(SELECT string_agg(p.s, ' ' ORDER BY p.id) FROM bench_pool p WHERE p.id BETWEEN ${from} AND ${from} + ${count} - 1)`;

  /** A generated Korean sentence (a fresh random choice per call site and row). */
  const koSentence = () =>
    `${pick(PLACES_KO)} || ' ' || ${pick(KO_WHERE)} || ' ' || ${pick(KO_WHO)} || ' ' || (1 + floor(random() * 12)::int) || '명이 ' || ${pick(KO_VERBS)} || '.'`;

  // Cases. firstEventEarliest holds a base date for the event generation below, then is recomputed.
  // A KOREAN_SHARE of them are written in Korean (half of those with the English title beside it).
  const provinceIdx = `(1 + floor(random() * ${PROVINCES.length})::int)`;
  await step(
    `Case: ${opts.cases.toLocaleString("en")} rows`,
    `
    INSERT INTO "Case" ("id", "code", "title", "summary", "lang", "titleAlt", "sizeMin", "sizeMax", "sizeBest", "sizeWording", "status", "verification",
      "tags", "country", "province", "cityArea", "latitude", "longitude", "geoPrecision", "firstEventEarliest", "visibility", "origin", "updatedAt")
    SELECT 'bcase' || lpad(n::text, 7, '0'),
           'BEN-' || (2000 + n % 26) || '-' || n,
           CASE WHEN korean THEN ${koSentence()} ELSE en_title END,
           CASE WHEN korean THEN ${koSentence()} || ' ' || ${koSentence()} ELSE ${poolText("i", "1 + n % 3")} END,
           CASE WHEN korean THEN 'ko' ELSE 'en' END,
           CASE WHEN korean AND n % 2 = 0 THEN en_title END,
           size_min,
           CASE WHEN r_size < 0.3 THEN NULL ELSE least(40, size_best + floor(random() * 5)::int) END,
           size_best,
           CASE WHEN r_size < 0.5 THEN 'at least ' || size_min ELSE NULL END,
           (${weighted("r_status", STATUSES, STATUS_WEIGHTS)})::"CaseStatus",
           (${weighted("r_verif", VERIFICATIONS, VERIFICATION_WEIGHTS)})::"Verification",
           CASE WHEN r_tags < 0.4 THEN ARRAY[]::text[]
                WHEN r_tags < 0.8 THEN ARRAY[${pick(TAGS)}]
                ELSE ARRAY[${pick(TAGS)}, ${pick(TAGS)}] END,
           country, province,
           CASE WHEN province IS NOT NULL AND random() < 0.5 THEN ${pick(PLACES)} ELSE NULL END,
           CASE WHEN province IS NOT NULL THEN (${arr(CENTROIDS.map((c) => String(c[0])))})[p]::float8 + random() - 0.5 END,
           CASE WHEN province IS NOT NULL THEN (${arr(CENTROIDS.map((c) => String(c[1])))})[p]::float8 + random() - 0.5 END,
           CASE WHEN province IS NOT NULL THEN 'PROVINCE'::"GeoPrecision" END,
           DATE '2000-01-01' + floor(random() * 9131)::int,
           (CASE WHEN r_vis < 0.70 THEN 'PUBLIC' WHEN r_vis < 0.95 THEN 'INTERNAL' ELSE 'RESTRICTED' END)::"Visibility",
           'SOURCED'::"DataOrigin",
           now()
    FROM (
      SELECT n, p, i, r_size, r_status, r_verif, r_tags, r_vis, size_min, r_ko < ${KOREAN_SHARE} AS korean,
             'Group of ' || size_min || ' ' || ${pick(["detained", "arrested", "held", "missing", "stopped"])} || ' in '
               || coalesce(CASE WHEN r_country < 0.85 THEN (${arr(PROVINCES)})[p] END, 'China') AS en_title,
             least(40, size_min + floor(random() * 4)::int) AS size_best,
             CASE WHEN r_country < 0.9 THEN 'CN' ELSE ${pick(OTHER_COUNTRIES)} END AS country,
             CASE WHEN r_country < 0.85 THEN (${arr(PROVINCES)})[p] ELSE NULL END AS province
      FROM (
        SELECT n, ${provinceIdx} AS p, 1 + floor(random() * ${POOL - 8})::int AS i, random() AS r_size, random() AS r_status, random() AS r_verif, random() AS r_tags,
               random() AS r_vis, random() AS r_country, random() AS r_ko, 1 + floor(power(random(), 2.5) * 40)::int AS size_min
        FROM generate_series(1, $1::int) AS n
      ) raw
    ) g`,
    [opts.cases],
  );

  // 1 to maxEvents events per case, spread over the months after the case's base date, each with an uncertain
  // date whose range matches its precision.
  await step(
    `CaseEvent: 1–${maxEvents} per case`,
    `
    INSERT INTO "CaseEvent" ("id", "caseId", "type", "dateEarliest", "dateLatest", "precision", "dateWording", "country", "province", "createdAt", "updatedAt")
    SELECT case_id || '-e' || k, case_id, type::"EventType",
           CASE prec WHEN 'DAY' THEN d WHEN 'WEEK' THEN date_trunc('week', d)::date
                     WHEN 'MONTH' THEN date_trunc('month', d)::date ELSE date_trunc('year', d)::date END,
           CASE prec WHEN 'DAY' THEN d WHEN 'WEEK' THEN date_trunc('week', d)::date + 6
                     WHEN 'MONTH' THEN (date_trunc('month', d) + interval '1 month - 1 day')::date
                     ELSE (date_trunc('year', d) + interval '1 year - 1 day')::date END,
           prec::"DatePrecision",
           CASE prec WHEN 'DAY' THEN NULL WHEN 'WEEK' THEN 'that week' WHEN 'MONTH' THEN 'that month' ELSE 'that year' END,
           country, province, now() + k * interval '1 second', now()
    FROM (
      SELECT c."id" AS case_id, c."country", c."province", k,
             least(DATE '2025-12-31', c."firstEventEarliest" + ((k - 1) * (20 + floor(random() * 160)))::int) AS d,
             ${weighted("r_prec", ["DAY", "WEEK", "MONTH", "YEAR"], [0.4, 0.15, 0.3, 0.15])} AS prec,
             ${pick(EVENT_TYPES)} AS type
      FROM (
        SELECT c."id", c."country", c."province", c."firstEventEarliest", k, random() AS r_prec
        FROM "Case" c
        CROSS JOIN LATERAL generate_series(1, 1 + (hashtext(c."id") & 65535) % ${maxEvents}) AS k
        WHERE c."id" LIKE 'bcase%'
      ) c
    ) ev`,
  );

  await step(
    "Case: firstEventEarliest/lastEventLatest",
    `
    UPDATE "Case" c SET "firstEventEarliest" = m.first, "lastEventLatest" = m.last
    FROM (SELECT "caseId", min("dateEarliest") AS first, max("dateLatest") AS last FROM "CaseEvent" WHERE "deletedAt" IS NULL GROUP BY 1) m
    WHERE m."caseId" = c."id"`,
  );

  await step(
    `Source: ${opts.sources.toLocaleString("en")} rows`,
    `
    INSERT INTO "Source" ("id", "url", "outlet", "title", "language", "publishedAt", "retrievedAt", "text", "sha256", "reliability")
    SELECT id, 'https://example.org/bench/' || id, outlet, title, lang, published, now(), body,
           encode(sha256(convert_to(body, 'UTF8')), 'hex'), reliability::"Reliability"
    FROM (
      SELECT 'bsrc' || lpad(n::text, 6, '0') AS id,
             ${pick(OUTLETS)} AS outlet,
             ${pick(SUBJECTS)} || ' ' || ${pick(VERBS)} || ' in ' || ${pick(PLACES)} AS title,
             DATE '2000-01-01' + floor(random() * 9496)::int AS published,
             CASE WHEN n % 5 = 3 THEN 'ko' ELSE 'en' END AS lang,
             CASE WHEN n % 5 = 3 THEN ${koSentence()} || ' ' || ${koSentence()} || ' ' || ${koSentence()}
                  ELSE ${poolText("i", "3 + n % 5")} END
               || CASE WHEN n % $2::int = 7 THEN ' The ${RARE_WORD} shelter was named in the report.' ELSE '' END AS body,
             ${pick(["HIGH", "MEDIUM", "LOW", "UNKNOWN"])} AS reliability
      FROM (SELECT n, 1 + floor(random() * ${POOL - 8})::int AS i FROM generate_series(1, $1::int) AS n) n
    ) s`,
    [opts.sources, Math.max(1, Math.round(opts.sources / 50))],
  );

  await step(
    "SourceClaim: 1–3 per source",
    `
    INSERT INTO "SourceClaim" ("id", "sourceId", "caseId", "target", "quote", "quoteStart")
    SELECT s."id" || '-c' || k, s."id", 'bcase' || lpad((1 + floor(random() * $1::int))::int::text, 7, '0'), 'CASE', left(s."text", 120), 0
    FROM "Source" s CROSS JOIN LATERAL generate_series(1, 1 + (hashtext(s."id") & 65535) % 3) AS k
    WHERE s."id" LIKE 'bsrc%'`,
    [opts.cases],
  );

  await client.query("DROP TABLE bench_pool");
  // The UPDATE above left a dead copy of every case row: compact the table as a live database would be.
  await step("VACUUM FULL Case", `VACUUM FULL "Case"`);
  await step(`Recreate ${secondary.length} indexes`, secondary.map((i) => `${i.indexdef};`).join("\n"));
  const { rows: after } = await client.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1::text[]) ORDER BY indexname",
    [secondary.map((i) => i.indexname)],
  );
  if (JSON.stringify(after) !== JSON.stringify(secondary))
    throw new Error("The recreated indexes differ from the migrated ones.");
  await step("VACUUM ANALYZE", `VACUUM ANALYZE "Case", "CaseEvent", "Source", "SourceClaim"`);

  const { rows } = await client.query<{ t: string; n: string }>(`
    SELECT 'Case' AS t, count(*) AS n FROM "Case" UNION ALL SELECT 'CaseEvent', count(*) FROM "CaseEvent"
    UNION ALL SELECT 'Source', count(*) FROM "Source" UNION ALL SELECT 'SourceClaim', count(*) FROM "SourceClaim"
    UNION ALL SELECT 'rareSources', count(*) FROM "Source" WHERE "text" LIKE '%${RARE_WORD}%'`);
  const counts = Object.fromEntries(rows.map((r) => [r.t, Number(r.n)])) as BenchCounts;
  // Every case's span must be exactly its events' span, as the data layer keeps it.
  const {
    rows: [check],
  } = await client.query<{ n: string }>(`
    SELECT count(*) AS n FROM "Case" c
    LEFT JOIN (SELECT "caseId", min("dateEarliest") AS first, max("dateLatest") AS last FROM "CaseEvent" WHERE "deletedAt" IS NULL GROUP BY 1) m ON m."caseId" = c."id"
    WHERE c."firstEventEarliest" IS DISTINCT FROM m.first OR c."lastEventLatest" IS DISTINCT FROM m.last`);
  if (Number(check.n) !== 0) throw new Error(`${check.n} cases have a date span that differs from their events'.`);
  return { steps, counts };
}
