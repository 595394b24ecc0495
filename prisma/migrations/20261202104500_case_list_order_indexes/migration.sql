-- Indexes matching the case lists' orders exactly (lib/data/case-search.ts ORDER), so a first page is
-- read in order from an index and stops after 50 rows instead of sorting every visible case (issue 12:
-- /cases sorted "-date" ran a parallel sequential scan and a top-N sort over 100,000 cases).
-- Hand-written: Prisma's schema cannot say NULLS LAST nor describe a partial index, so the drift
-- check leaves them out (lib/testing/schema-description.ts). Partial: every list reads live cases only.

-- /cases: most recent first ("-date").
CREATE INDEX "Case_recentFirst_idx" ON "Case" ("firstEventEarliest" DESC NULLS LAST, "code") WHERE "deletedAt" IS NULL;

-- /timeline and the API: oldest first ("date", the default).
CREATE INDEX "Case_oldestFirst_idx" ON "Case" ("firstEventEarliest" ASC NULLS LAST, "code") WHERE "deletedAt" IS NULL;
