-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "lang" VARCHAR(8) NOT NULL DEFAULT 'en',
ADD COLUMN     "summaryAlt" VARCHAR(10000) NOT NULL DEFAULT '',
ADD COLUMN     "titleAlt" VARCHAR(300);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "aliasAlt" VARCHAR(120),
ADD COLUMN     "realNameAltEnc" TEXT;

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "descriptionAlt" VARCHAR(5000) NOT NULL DEFAULT '',
ADD COLUMN     "lang" VARCHAR(8) NOT NULL DEFAULT 'en';

-- Search in Korean and English (docs/decisions/016, lib/data/bilingual-search.ts). PostgreSQL has no
-- Korean stemmer; Korean text is indexed by its adjacent-syllable pairs, so a two-syllable word such as
-- 선양 is one index key (pg_trgm needs three characters before its index helps). Expression indexes:
-- hand-written here, left out of the drift check (lib/testing/schema-description.ts); the expressions
-- must match the queries' exactly for the planner to use them.
CREATE FUNCTION rw_hangul_bigrams(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT substr(m[1], i, 2))), ''::tsvector)
  FROM regexp_matches(t, '([가-힣]{2,})', 'g') AS m, generate_series(1, char_length(m[1]) - 1) AS i
$$;

CREATE INDEX "Case_hangul_idx" ON "Case" USING GIN (rw_hangul_bigrams((((((("title")::text || ' '::text) || ("summary")::text) || ' '::text) || (COALESCE("titleAlt", ''::character varying))::text) || ' '::text) || ("summaryAlt")::text));
CREATE INDEX "Case_search_alt_idx" ON "Case" USING GIN (to_tsvector('english'::regconfig, (((COALESCE("titleAlt", ''::character varying))::text || ' '::text) || ("summaryAlt")::text)));
CREATE INDEX "Source_hangul_idx" ON "Source" USING GIN (rw_hangul_bigrams("text"));
-- A place name in either language finds the cases filed under it (lower(): the filters compare so).
CREATE INDEX "Case_city_lower_idx" ON "Case" (lower(("cityArea")::text));
CREATE INDEX "Case_province_lower_idx" ON "Case" (lower(("province")::text));
