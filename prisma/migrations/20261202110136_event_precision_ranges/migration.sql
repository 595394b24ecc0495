-- An event known to the week, month or year that was saved with only its start date ended on that
-- same day ("March 2013" stored as 1–1 March), so a filter for later in the month missed it. The
-- precision now decides the range when no end is given (latestForPrecision in
-- lib/validations/event.ts); this gives existing events that range, and their cases the date span
-- and status that follow, each change with a history row as the app would write it.
CREATE TEMP TABLE "_rw_widened" AS
SELECT "id", "caseId", "dateLatest" AS "oldLatest",
  CASE "precision"
    WHEN 'WEEK' THEN LEAST("dateEarliest" + 6, DATE '9999-12-31')
    WHEN 'MONTH' THEN (date_trunc('month', "dateEarliest") + INTERVAL '1 month - 1 day')::date
    ELSE (date_trunc('year', "dateEarliest") + INTERVAL '1 year - 1 day')::date
  END AS "newLatest"
FROM "CaseEvent"
WHERE "precision" IN ('WEEK', 'MONTH', 'YEAR') AND "dateLatest" = "dateEarliest";

UPDATE "CaseEvent" e
SET "dateLatest" = w."newLatest", "version" = e."version" + 1, "updatedAt" = now()
FROM "_rw_widened" w
WHERE e."id" = w."id";

INSERT INTO "RecordChange" ("entity", "entityId", "caseId", "action", "field", "oldValue", "newValue", "reason")
SELECT 'CaseEvent', w."id", w."caseId", 'UPDATE', 'dateLatest',
  to_char(w."oldLatest", 'YYYY-MM-DD'), to_char(w."newLatest", 'YYYY-MM-DD'),
  'The date''s precision decides its range: the latest date was the earliest.'
FROM "_rw_widened" w;

-- The case's derived fields, as refreshCaseFromEvents (lib/data/events.ts) computes them: the latest
-- possible date of its live events and, unless set by hand, the status of its latest status event.
CREATE TEMP TABLE "_rw_case_after" AS
SELECT c."id", c."lastEventLatest" AS "oldLatest", c."status" AS "oldStatus",
  (SELECT max(e."dateLatest") FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."deletedAt" IS NULL) AS "newLatest",
  CASE WHEN c."statusManual" THEN c."status" ELSE COALESCE((
    SELECT (CASE e."type"
      WHEN 'ARRESTED' THEN 'REPORTED_DETAINED'
      WHEN 'DETAINED' THEN 'REPORTED_DETAINED'
      WHEN 'TRANSFERRED' THEN 'REPORTED_DETAINED'
      WHEN 'REPATRIATION_TALKS' THEN 'AT_RISK_OF_REPATRIATION'
      WHEN 'REPATRIATED' THEN 'REPATRIATED'
      WHEN 'RELEASED' THEN 'RELEASED'
      WHEN 'REACHED_SAFETY' THEN 'REACHED_SAFETY'
    END)::"CaseStatus"
    FROM "CaseEvent" e
    WHERE e."caseId" = c."id" AND e."deletedAt" IS NULL
      AND e."type" IN ('ARRESTED', 'DETAINED', 'TRANSFERRED', 'REPATRIATION_TALKS', 'REPATRIATED', 'RELEASED', 'REACHED_SAFETY')
    ORDER BY e."dateLatest" DESC, e."createdAt" DESC
    LIMIT 1), c."status") END AS "newStatus"
FROM "Case" c
WHERE c."id" IN (SELECT "caseId" FROM "_rw_widened");

DELETE FROM "_rw_case_after" WHERE "oldLatest" IS NOT DISTINCT FROM "newLatest" AND "oldStatus" = "newStatus";

UPDATE "Case" c
SET "lastEventLatest" = a."newLatest", "status" = a."newStatus", "version" = c."version" + 1, "updatedAt" = now()
FROM "_rw_case_after" a
WHERE c."id" = a."id";

INSERT INTO "RecordChange" ("entity", "entityId", "caseId", "action", "field", "oldValue", "newValue", "reason")
SELECT 'Case', a."id", a."id", 'UPDATE', 'lastEventLatest',
  to_char(a."oldLatest", 'YYYY-MM-DD'), to_char(a."newLatest", 'YYYY-MM-DD'), 'follows the timeline'
FROM "_rw_case_after" a
WHERE a."oldLatest" IS DISTINCT FROM a."newLatest";

INSERT INTO "RecordChange" ("entity", "entityId", "caseId", "action", "field", "oldValue", "newValue", "reason")
SELECT 'Case', a."id", a."id", 'UPDATE', 'status', a."oldStatus"::text, a."newStatus"::text, 'follows the timeline'
FROM "_rw_case_after" a
WHERE a."oldStatus" <> a."newStatus";

DROP TABLE "_rw_case_after";
DROP TABLE "_rw_widened";
