/**
 * Every page and route handler of the app with sample URLs and the status each role must get: the
 * authorization matrix checks the statuses, the narrow-screen check loads every page each role may see.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { readEnv } from "../lib/env";

// Playwright runs from the project root (scripts/test.ts starts it there).
const ROOT = process.cwd();

export const ROLES = ["VISITOR", "RESEARCHER", "EDITOR", "STAFF", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Expected HTTP status for each role. 307 = sent to sign in (or away from /login), 404 = does not exist for you. */
export type Expected = Record<Role, number>;
const all = (status: number): Expected => ({
  VISITOR: status,
  RESEARCHER: status,
  EDITOR: status,
  STAFF: status,
  ADMIN: status,
});
const signedInOnly = (allowed: Role[]): Expected =>
  Object.fromEntries(ROLES.map((r) => [r, r === "VISITOR" ? 307 : allowed.includes(r) ? 200 : 404])) as Expected;

/** Route pattern (as the app/ folder names it) → sample URLs and what each role must get. */
export const ROUTES: Record<string, { url: string | (() => string); expected: Expected }[]> = {
  "/": [{ url: "/", expected: all(200) }],
  "/cases": [{ url: "/cases", expected: all(200) }],
  "/cases/[code]": [
    { url: "/cases/CN-2012-0001", expected: all(200) },
    { url: "/cases/SYN-2012-0001", expected: { VISITOR: 404, RESEARCHER: 200, EDITOR: 200, STAFF: 200, ADMIN: 200 } },
    { url: "/cases/SYN-2012-0002", expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 } },
  ],
  "/cases/[code]/preview": [
    {
      url: "/cases/CN-2012-0001/preview",
      expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 200, STAFF: 200, ADMIN: 200 },
    },
    {
      url: "/cases/SYN-2012-0002/preview",
      expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/cases/new": [{ url: "/cases/new", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/from-report": [{ url: "/cases/from-report", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/log": [
    { url: "/cases/log", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
    { url: () => `/cases/log?source=${ids.reportSourceId}`, expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
  ],
  "/cases/archived": [{ url: "/cases/archived", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/[code]/edit": [
    { url: "/cases/CN-2012-0001/edit", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
    { url: "/cases/SYN-2012-0002/edit", expected: signedInOnly(["STAFF", "ADMIN"]) },
  ],
  "/cases/[code]/history": [
    { url: "/cases/CN-2012-0001/history", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
  ],
  "/cases/[code]/sources/new": [
    { url: "/cases/CN-2012-0001/sources/new", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
    // A restricted case: editors may attach sources but may not see it.
    {
      url: "/cases/SYN-2012-0002/sources/new",
      expected: { VISITOR: 307, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/sources/[id]": [{ url: () => `/sources/${ids.reportSourceId}`, expected: all(200) }],
  // Uploads are POSTs (checked per role in the authorization matrix); a GET is not a method here.
  "/api/sources/[id]/files": [{ url: () => `/api/sources/${ids.reportSourceId}/files`, expected: all(405) }],
  // Downloads follow the source's visibility: the seed report backs public cases.
  "/api/sources/[id]/files/[fileId]": [
    { url: () => `/api/sources/${ids.reportSourceId}/files/${ids.reportFileId}`, expected: all(200) },
    { url: () => `/api/sources/${ids.reportSourceId}/files/clnotafile0000000000000`, expected: all(404) },
  ],
  "/login": [{ url: "/login", expected: { VISITOR: 200, RESEARCHER: 307, EDITOR: 307, STAFF: 307, ADMIN: 307 } }],
  "/annotations": [{ url: "/annotations", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/contacts": [{ url: "/contacts", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/contacts/[id]": [{ url: () => `/contacts/${ids.contactId}`, expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/follow-ups": [{ url: "/follow-ups", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/import": [{ url: "/import", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) }],
  "/cases/[code]/advocacy/new": [
    { url: "/cases/CN-2012-0001/advocacy/new", expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]) },
    { url: "/cases/SYN-2012-0002/advocacy/new", expected: signedInOnly(["STAFF", "ADMIN"]) },
  ],
  "/cases/[code]/advocacy/[id]/edit": [
    {
      url: () => `/cases/CN-2012-0001/advocacy/${ids.advocacyId}/edit`,
      expected: signedInOnly(["EDITOR", "STAFF", "ADMIN"]),
    },
    // The right action under another case's code does not exist.
    { url: () => `/cases/CN-2012-0002/advocacy/${ids.advocacyId}/edit`, expected: signedInOnly([]) },
  ],
  "/timeline": [{ url: "/timeline?from=2012-02-01&to=2012-02-29", expected: all(200) }],
  "/timeline/export": [
    { url: "/timeline/export?format=csv&from=2012-02-01&to=2012-02-29", expected: all(200) },
    { url: "/timeline/export?format=xml", expected: all(400) },
    { url: "/timeline/export?profile=hxl&from=2012-02-01&to=2012-02-29", expected: all(200) },
    { url: "/timeline/export?profile=acled&format=json", expected: all(400) },
  ],
  "/map": [{ url: "/map", expected: all(200) }],
  "/account": [{ url: "/account", expected: signedInOnly(["RESEARCHER", "EDITOR", "STAFF", "ADMIN"]) }],
  "/api/v1/cases": [
    { url: "/api/v1/cases", expected: all(200) },
    // Filtering by advocacy contact would reveal advocacy: refused below editors.
    {
      url: () => `/api/v1/cases?contact=${ids.contactId}`,
      expected: { VISITOR: 400, RESEARCHER: 400, EDITOR: 200, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/api/v1/cases/[code]": [
    { url: "/api/v1/cases/CN-2012-0001", expected: all(200) },
    {
      url: "/api/v1/cases/SYN-2012-0001",
      expected: { VISITOR: 404, RESEARCHER: 200, EDITOR: 200, STAFF: 200, ADMIN: 200 },
    },
    {
      url: "/api/v1/cases/SYN-2012-0002",
      expected: { VISITOR: 404, RESEARCHER: 404, EDITOR: 404, STAFF: 200, ADMIN: 200 },
    },
  ],
  "/api/v1/openapi.json": [{ url: "/api/v1/openapi.json", expected: all(200) }],
  "/api/v1/anchors": [{ url: "/api/v1/anchors", expected: all(200) }],
  "/admin/users": [{ url: "/admin/users", expected: signedInOnly(["ADMIN"]) }],
  "/admin/audit": [{ url: "/admin/audit", expected: signedInOnly(["ADMIN"]) }],
  "/admin/vocabularies": [{ url: "/admin/vocabularies", expected: signedInOnly(["ADMIN"]) }],
  "/admin/export": [{ url: "/admin/export", expected: signedInOnly(["ADMIN"]) }],
  "/admin/export/download": [{ url: "/admin/export/download", expected: signedInOnly(["ADMIN"]) }],
  "/api/health": [{ url: "/api/health", expected: all(200) }],
  "/api/auth/[...nextauth]": [{ url: "/api/auth/session", expected: all(200) }],
};

/** Records the sample URLs name, looked up in the e2e database by loadSampleIds(). */
const ids = { reportSourceId: "", contactId: "", advocacyId: "", reportFileId: "" };

/** A small PDF attached to the seed report for the download samples (the seed itself has no files). */
const SAMPLE_PDF = Buffer.from("%PDF-1.4\n% authorization matrix sample\n%%EOF\n");

/** Finds the seeded records the sample URLs point at; call before using ROUTES. */
export async function loadSampleIds(): Promise<void> {
  const db = new pg.Client({ connectionString: readEnv().E2E_DATABASE_URL });
  await db.connect();
  ids.reportSourceId = (await db.query(`SELECT id FROM "Source" WHERE outlet = 'The Korea Herald' LIMIT 1`)).rows[0].id;
  ids.contactId = (
    await db.query(`SELECT id FROM "Contact" WHERE "deletedAt" IS NULL ORDER BY "createdAt" LIMIT 1`)
  ).rows[0].id;
  ids.advocacyId = (
    await db.query(
      `SELECT a.id FROM "AdvocacyAction" a JOIN "Case" c ON c.id = a."caseId" WHERE c.code = 'CN-2012-0001' ORDER BY a."createdAt" LIMIT 1`,
    )
  ).rows[0].id;
  ids.reportFileId = await sampleFile(db, ids.reportSourceId);
  await db.end();
}

/** The sample file on the seed report, attached once (as the app would: file row, bytes, history row). */
async function sampleFile(db: pg.Client, sourceId: string): Promise<string> {
  const sha256 = createHash("sha256").update(SAMPLE_PDF).digest("hex");
  const found = await db.query(`SELECT id FROM "SourceFile" WHERE "sourceId" = $1 AND sha256 = $2`, [sourceId, sha256]);
  if (found.rows[0]) return found.rows[0].id;
  const id = `clsample${randomBytes(8).toString("hex")}`;
  await db.query("BEGIN");
  await db.query(
    `INSERT INTO "SourceFile" (id, "sourceId", filename, "mediaType", size, sha256) VALUES ($1, $2, 'matrix-sample.pdf', 'application/pdf', $3, $4)`,
    [id, sourceId, SAMPLE_PDF.length, sha256],
  );
  await db.query(`INSERT INTO "SourceFileContent" ("fileId", bytes) VALUES ($1, $2)`, [id, SAMPLE_PDF]);
  await db.query(
    `INSERT INTO "RecordChange" (entity, "entityId", action, field, "newValue") VALUES ('SourceFile', $1, 'CREATE', 'sha256', $2)`,
    [id, sha256],
  );
  await db.query("COMMIT");
  return id;
}

/** A sample's URL, once loadSampleIds() has run. */
export const sampleUrl = (sample: { url: string | (() => string) }): string =>
  typeof sample.url === "function" ? sample.url() : sample.url;

/** Route patterns from the app/ folder: every page.tsx and route.ts. */
export function discoverRoutes(dir = path.join(ROOT, "app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`; // route groups add no segment
      found.push(...discoverRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (/^(page|route)\.(tsx|ts)$/.test(entry.name)) {
      found.push(prefix || "/");
    }
  }
  return found;
}

/** Route patterns that are pages (a page.tsx), not route handlers. */
export function discoverPages(dir = path.join(ROOT, "app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
      found.push(...discoverPages(path.join(dir, entry.name), prefix + segment));
    } else if (/^page\.tsx?$/.test(entry.name)) {
      found.push(prefix || "/");
    }
  }
  return found;
}
