-- Indexes for the timeline's queries (lib/data/case-search.ts), measured with `npm run bench` on
-- 100,000 cases. Hand-written: Prisma's schema cannot describe expression or partial indexes, so
-- the drift check leaves them out (lib/testing/schema-description.ts).

-- Date filters test overlap of the filter's range with [earliest, latest] (the && operator):
-- a month's page and its count went from 224 ms and 149 ms to 17 ms and 8 ms.
CREATE INDEX "Case_eventSpan_gist_idx" ON "Case" USING GIST (daterange("firstEventEarliest", "lastEventLatest", '[]'));
CREATE INDEX "CaseEvent_dateRange_gist_idx" ON "CaseEvent" USING GIST (daterange("dateEarliest", "dateLatest", '[]'));

-- The chart places each case by its first arrest or detention (else its first event): an index-only
-- scan of the case's few events instead of heap visits (unfiltered chart by month: 384 ms to 231 ms).
CREATE INDEX "CaseEvent_firstEvent_idx" ON "CaseEvent" ("caseId", "dateEarliest", "createdAt") INCLUDE ("dateLatest", "type") WHERE "deletedAt" IS NULL;
