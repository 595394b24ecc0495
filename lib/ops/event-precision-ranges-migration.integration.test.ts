import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recreateDatabase } from "@/lib/ops/embedded-postgres";
import { applyMigrations, listMigrationNames } from "@/lib/ops/migrations";

const base = process.env.TEST_PG_BASE_URL as string;
let client: pg.Client;

/**
 * The backfill of event ranges: a database at the migration before it gets events saved the old way
 * (a month, week or year stored as its first day), then the rest of the migrations run.
 */
beforeAll(async () => {
  const names = await listMigrationNames();
  const index = names.findIndex((n) => n.endsWith("_event_precision_ranges"));
  expect(index).toBeGreaterThan(0);
  const url = await recreateDatabase(base, "rw_precision_backfill");
  await applyMigrations(url, { upTo: names[index - 1] });
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO "Case" ("id", "code", "title", "sizeMin", "country", "status", "statusManual", "firstEventEarliest", "lastEventLatest", "updatedAt")
    VALUES
      ('case_derived', 'CN-2013-0001', 'Derived', 3, 'CN', 'RELEASED', false, '2013-01-01', '2013-03-10', now()),
      ('case_manual', 'CN-2013-0002', 'By hand', 2, 'CN', 'AT_RISK_OF_REPATRIATION', true, '2013-06-03', '2013-06-03', now());
    INSERT INTO "CaseEvent" ("id", "caseId", "type", "dateEarliest", "dateLatest", "precision", "createdAt", "updatedAt")
    VALUES
      ('ev_month', 'case_derived', 'ARRESTED', '2013-03-01', '2013-03-01', 'MONTH', '2013-03-02', now()),
      ('ev_day', 'case_derived', 'RELEASED', '2013-03-10', '2013-03-10', 'DAY', '2013-03-11', now()),
      ('ev_year', 'case_derived', 'APPEAL_MADE', '2013-01-01', '2013-01-01', 'YEAR', '2013-03-12', now()),
      ('ev_given', 'case_derived', 'DETAINED', '2013-02-01', '2013-02-15', 'MONTH', '2013-03-13', now()),
      ('ev_week', 'case_manual', 'ARRESTED', '2013-06-03', '2013-06-03', 'WEEK', '2013-06-04', now());
    INSERT INTO "CaseEvent" ("id", "caseId", "type", "dateEarliest", "dateLatest", "precision", "updatedAt", "deletedAt")
    VALUES ('ev_archived', 'case_manual', 'OTHER', '2012-12-01', '2012-12-01', 'MONTH', now(), now());
  `);
  expect(await applyMigrations(url)).toContain(names[index]);
});
afterAll(() => client?.end());

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

describe("the event precision backfill", () => {
  it("fills a lone start date to the end of its week, month or year and keeps given ends and days", async () => {
    const { rows } = await client.query(
      `SELECT "id", ${day(`"dateLatest"`)} AS latest, "version" FROM "CaseEvent" ORDER BY "id"`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.latest, r.version]]))).toEqual({
      ev_archived: ["2012-12-31", 2],
      ev_day: ["2013-03-10", 1],
      ev_given: ["2013-02-15", 1],
      ev_month: ["2013-03-31", 2],
      ev_week: ["2013-06-09", 2],
      ev_year: ["2013-12-31", 2],
    });
  });

  it("moves the cases' latest dates and derived status, leaving a status set by hand", async () => {
    const { rows } = await client.query(
      `SELECT "id", "status", ${day(`"lastEventLatest"`)} AS latest, "version" FROM "Case" ORDER BY "id"`,
    );
    expect(rows).toEqual([
      // March's arrest now reaches past the release on 10 March: the latest status event is the arrest.
      { id: "case_derived", status: "REPORTED_DETAINED", latest: "2013-12-31", version: 2 },
      { id: "case_manual", status: "AT_RISK_OF_REPATRIATION", latest: "2013-06-09", version: 2 },
    ]);
  });

  it("writes a history row for every change", async () => {
    const { rows } = await client.query(
      `SELECT "entityId", "field", "oldValue", "newValue" FROM "RecordChange" ORDER BY "entityId", "field"`,
    );
    expect(rows.map((r) => `${r.entityId} ${r.field} ${r.oldValue}→${r.newValue}`)).toEqual([
      "case_derived lastEventLatest 2013-03-10→2013-12-31",
      "case_derived status RELEASED→REPORTED_DETAINED",
      "case_manual lastEventLatest 2013-06-03→2013-06-09",
      "ev_archived dateLatest 2012-12-01→2012-12-31",
      "ev_month dateLatest 2013-03-01→2013-03-31",
      "ev_week dateLatest 2013-06-03→2013-06-09",
      "ev_year dateLatest 2013-01-01→2013-12-31",
    ]);
  });
});
