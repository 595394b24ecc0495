/**
 * Parallel, conflicting writes through the running server, as several people saving at once would
 * make them: of saves made from the same version exactly one is acknowledged and it is what the
 * database holds (no lost acknowledged write, no silent overwrite); parallel additions are all kept;
 * a case's derived dates and status equal a recomputation from its events afterwards.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { type DemoRole } from "../helpers";
import { discoverActions, e2eDatabase, postAction, signedInContext, type ActionOutcome } from "../server-actions";

const baseURL = () => test.info().project.use.baseURL as string;
const tag = () => randomBytes(4).toString("hex");

test.describe("[CONCURRENCY] parallel conflicting writes", () => {
  test.describe.configure({ timeout: 300_000 });
  let db: pg.Client;
  const people: APIRequestContext[] = [];
  const actions = discoverActions();
  const tally = { writes: 0, acknowledged: 0, lost: 0 };

  test.beforeAll(async () => {
    db = await e2eDatabase();
    for (const role of ["EDITOR", "STAFF", "ADMIN"] as DemoRole[]) people.push(await signedInContext(baseURL(), role));
  });
  test.afterAll(async () => {
    console.log(
      `concurrency: ${tally.writes} concurrent writes, ${tally.acknowledged} acknowledged, ${tally.lost} acknowledged writes lost`,
    );
    await db?.end();
    for (const p of people) await p.dispose();
  });

  /** `n` posts of `name` at once, spread over the three signed-in people. */
  async function together(
    n: number,
    name: string,
    form: (i: number) => Record<string, string>,
  ): Promise<ActionOutcome[]> {
    const action = actions.get(name)!;
    const outcomes = await Promise.all(
      Array.from({ length: n }, (_, i) => postAction(people[i % people.length], action, form(i))),
    );
    tally.writes += n;
    tally.acknowledged += outcomes.filter((o) => o.status === "ok").length;
    for (const o of outcomes) expect(o.http, o.body.slice(0, 300)).toBeLessThan(500);
    return outcomes;
  }

  async function newCase(): Promise<{ id: string; code: string }> {
    const code = `CN-2014-${String(1000 + Math.floor(Math.random() * 8999))}`;
    const { id } = (
      await db.query(
        `INSERT INTO "Case" (id, code, title, "sizeMin", country, visibility, "updatedAt") VALUES ('conc' || md5(random()::text), $1, 'Concurrency case', 4, 'CN', 'INTERNAL', now()) RETURNING id`,
        [code],
      )
    ).rows[0];
    return { id, code };
  }

  test("twenty saves of one case from the same version: one is kept, the others are refused as conflicts", async () => {
    const c = await newCase();
    const titles = Array.from({ length: 20 }, () => `Title ${tag()}`);
    const outcomes = await together(20, "updateCaseAction", (i) => ({
      code: c.code,
      version: "1",
      title: titles[i],
      summary: "",
      sizeMin: "4",
      country: "CN",
      verification: "POSSIBLE",
      priority: "NORMAL",
      visibility: "INTERNAL",
      status: "UNKNOWN",
    }));
    const ok = outcomes.flatMap((o, i) => (o.status === "ok" ? [titles[i]] : []));
    expect(ok).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "conflict")).toHaveLength(19);
    const stored = (await db.query(`SELECT title, version FROM "Case" WHERE id = $1`, [c.id])).rows[0];
    if (stored.title !== ok[0]) tally.lost++;
    expect(stored).toEqual({ title: ok[0], version: 2 });
  });

  test("fifty events added at once are all kept, and the case's dates and status follow all of them", async () => {
    const c = await newCase();
    const types = ["ARRESTED", "DETAINED", "TRANSFERRED", "REPATRIATED", "RELEASED", "APPEAL_MADE", "REACHED_SAFETY"];
    const descriptions = Array.from({ length: 50 }, () => `event ${tag()}`);
    const outcomes = await together(50, "addEventAction", (i) => {
      const year = 2000 + ((i * 7) % 25);
      const month = String(1 + ((i * 5) % 12)).padStart(2, "0");
      return {
        caseCode: c.code,
        type: types[i % types.length],
        dateEarliest: `${year}-${month}-01`,
        dateLatest: `${year}-${month}-${i % 2 ? "01" : "20"}`,
        precision: i % 2 ? "DAY" : "MONTH",
        description: descriptions[i],
      };
    });
    const acknowledged = descriptions.filter((_, i) => outcomes[i].status === "ok");
    expect(acknowledged).toHaveLength(50);
    const stored = new Set(
      (
        (await db.query(`SELECT description FROM "CaseEvent" WHERE "caseId" = $1 AND "deletedAt" IS NULL`, [c.id]))
          .rows as { description: string }[]
      ).map((r) => r.description),
    );
    const missing = acknowledged.filter((d) => !stored.has(d));
    tally.lost += missing.length;
    expect(missing).toEqual([]);
    const derived = (
      await db.query(
        `
      SELECT c."firstEventEarliest"::text = min(e."dateEarliest")::text AS first_ok, c."lastEventLatest"::text = max(e."dateLatest")::text AS last_ok
      FROM "Case" c JOIN "CaseEvent" e ON e."caseId" = c.id AND e."deletedAt" IS NULL WHERE c.id = $1 GROUP BY c.id`,
        [c.id],
      )
    ).rows[0];
    expect(derived).toEqual({ first_ok: true, last_ok: true });
    // The status follows the event with the latest date (ties: the one created last) that implies one.
    const { status, latest } = (
      await db.query(
        `
      SELECT c.status, (SELECT e.type FROM "CaseEvent" e WHERE e."caseId" = c.id AND e."deletedAt" IS NULL AND e.type <> 'APPEAL_MADE'
        ORDER BY e."dateLatest" DESC, e."createdAt" DESC LIMIT 1) AS latest FROM "Case" c WHERE c.id = $1`,
        [c.id],
      )
    ).rows[0];
    const expected: Record<string, string> = {
      ARRESTED: "REPORTED_DETAINED",
      DETAINED: "REPORTED_DETAINED",
      TRANSFERRED: "REPORTED_DETAINED",
      REPATRIATED: "REPATRIATED",
      RELEASED: "RELEASED",
      REACHED_SAFETY: "REACHED_SAFETY",
    };
    expect(status).toBe(expected[latest]);
  });

  test("ten responses recorded on one advocacy action from the same version: one kept, the rest refused", async () => {
    const c = await newCase();
    const contact = (await db.query(`SELECT id FROM "Contact" WHERE "deletedAt" IS NULL ORDER BY "createdAt" LIMIT 1`))
      .rows[0].id;
    const { id } = (
      await db.query(
        `INSERT INTO "AdvocacyAction" (id, "caseId", "contactId", kind, date, "askedFor", "updatedAt") VALUES ('concact' || md5(random()::text), $1, $2, 'LETTER', '2014-04-01', 'Release', now()) RETURNING id`,
        [c.id, contact],
      )
    ).rows[0];
    const notes = Array.from({ length: 10 }, () => `response ${tag()}`);
    const outcomes = await together(10, "updateAdvocacyActionAction", (i) => ({
      id,
      version: "1",
      contactId: contact,
      kind: "LETTER",
      date: "2014-04-01",
      askedFor: "Release",
      response: i % 2 ? "PLEDGED" : "DENIED",
      status: "FOLLOW_UP_NEEDED",
      notes: notes[i],
    }));
    const ok = notes.filter((_, i) => outcomes[i].status === "ok");
    expect(ok).toHaveLength(1);
    const stored = (await db.query(`SELECT notes, version FROM "AdvocacyAction" WHERE id = $1`, [id])).rows[0];
    if (stored.notes !== ok[0]) tally.lost++;
    expect(stored).toEqual({ notes: ok[0], version: 2 });
  });

  test("replies to one annotation are all kept; resolving it from the same version is done once", async () => {
    const c = await newCase();
    const staff = (await db.query(`SELECT id FROM "User" WHERE email = 'staff@example.org'`)).rows[0].id;
    const { id } = (
      await db.query(
        `INSERT INTO "Annotation" (id, "caseId", body, "authorId", "updatedAt") VALUES ('concnote' || md5(random()::text), $1, 'Check the size', $2, now()) RETURNING id`,
        [c.id, staff],
      )
    ).rows[0];
    const bodies = Array.from({ length: 15 }, () => `reply ${tag()}`);
    const replies = await together(15, "replyAnnotationAction", (i) => ({ annotationId: id, body: bodies[i] }));
    const acknowledged = bodies.filter((_, i) => replies[i].status === "ok");
    expect(acknowledged).toHaveLength(15);
    const stored = new Set(
      ((await db.query(`SELECT body FROM "Annotation" WHERE "parentId" = $1`, [id])).rows as { body: string }[]).map(
        (r) => r.body,
      ),
    );
    const missing = acknowledged.filter((b) => !stored.has(b));
    tally.lost += missing.length;
    expect(missing).toEqual([]);

    // Only staff and admins resolve: spread over them.
    const resolveAction = actions.get("resolveAnnotationAction")!;
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postAction(people[1 + (i % 2)], resolveAction, { annotationId: id, version: "1" }),
      ),
    );
    tally.writes += 10;
    tally.acknowledged += outcomes.filter((o) => o.status === "ok").length;
    expect(outcomes.filter((o) => o.status === "ok")).toHaveLength(1);
    expect((await db.query(`SELECT resolved, version FROM "Annotation" WHERE id = $1`, [id])).rows[0]).toEqual({
      resolved: true,
      version: 2,
    });
  });
});
