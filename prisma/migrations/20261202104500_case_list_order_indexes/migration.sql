-- An index matching the /cases list's default order exactly (lib/data/case-search.ts ORDER), so a first page is
-- read in order from an index and stops after 50 rows instead of sorting every visible case (issue 12:
-- /cases sorted "-date" ran a parallel sequential scan and a top-N sort over 100,000 cases).
-- Hand-written: Prisma's schema cannot say NULLS LAST nor describe a partial index, so the drift
-- check leaves them out (lib/testing/schema-description.ts). Partial: every list reads live cases only.

-- /cases: most recent first ("-date").
CREATE INDEX "Case_recentFirst_idx" ON "Case" ("firstEventEarliest" DESC NULLS LAST, "code") WHERE "deletedAt" IS NULL;

-- No twin for the timeline's ascending default: with a date filter the planner may walk such an index
-- from the year 2000 looking for 50 matches of 2012 (the paired bench:http run in
-- docs/decisions/011-performance.md had the one-month timeline 2x slower with it).
