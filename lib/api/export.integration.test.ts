import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportResponse } from "@/lib/api/export";
import { keyringFromEnv } from "@/lib/crypto/encryption";
import { testDb } from "@/lib/testing/test-database";
import { filterToQuery, parseCaseQuery } from "@/lib/validations/case-filter";
import { seedDatabase } from "@/prisma/seed/index";

const db = testDb();
beforeAll(() => seedDatabase(db, { demo: true, keyring: keyringFromEnv() }));
afterAll(() => db.$disconnect());

const FORMULA = /^[=+\-@\t\r]/;

describe("CSV export", () => {
  it("keeps text from the filter inside one quoted, formula-escaped header cell", async () => {
    const raw = {
      q: 'x",=HYPERLINK("http://evil.example","click me")',
      outlet: "=cmd|' /C calc'!A0, Yonhap",
      province: "@SUM(1+1)",
    };
    const parsed = parseCaseQuery(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const response = await exportResponse(
      null,
      parsed.filter,
      "csv",
      "http://localhost:3000",
      "127.0.0.1",
      new Date("2030-01-01T00:00:00Z"),
      { provenanceHeader: true },
    );
    const text = await response.text();
    const records = parse(text, { relax_column_count: true }) as string[][];
    const header = records.filter((r) => r[0].startsWith("# "));
    expect(header.length).toBeGreaterThanOrEqual(5);
    for (const record of header) expect(record).toHaveLength(1);
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(FORMULA);
    const filterLine = header.find((r) => r[0].startsWith("# Filter:"))![0];
    const [, seq, hash] = /^# Evidence chain head: link (\d+), hash ([0-9a-f]{64})$/.exec(header.at(-1)![0])!;
    expect(response.headers.get("X-Evidence-Chain-Head")).toBe(`${seq} ${hash}`);
    expect(filterLine).toContain('text "x\\",=HYPERLINK'.replace("\\", ""));
    expect(filterToQuery(parsed.filter)).toContain("HYPERLINK");
  });

  it("starts with the column row by default, so a spreadsheet or pandas reads it without skipping lines", async () => {
    const all = parseCaseQuery({ data: "all" });
    if (!all.ok) throw new Error(JSON.stringify(all.errors));
    const response = await exportResponse(
      null,
      all.filter,
      "csv",
      "http://localhost:3000",
      null,
      new Date("2030-01-01T00:00:00Z"),
    );
    const text = await response.text();
    expect(text.startsWith("code,link,")).toBe(true);
    // Every record has as many cells as the column row: no comment lines, no ragged rows.
    const records = parse(text) as string[][];
    expect(records.length).toBeGreaterThan(1);
    expect(records[0]).toContain("source_sha256");
    expect(records.some((r) => /^[0-9a-f]{64}/.test(r[records[0].indexOf("source_sha256")]))).toBe(true);
  });
});
