import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guessMapping, mappingProblems } from "@/lib/import/mapping";
import { readSpreadsheet } from "@/lib/import/read";
import { convertRow, convertSheet } from "@/lib/import/rows";

const headers = ["사건번호", "제목", "날짜", "장소", "인원", "상태", "notes"];
const mapping = guessMapping(headers);
const row = (line: number, cells: string[]) => convertRow(headers, mapping, { line, cells });

describe("mapping guesses", () => {
  it("guesses English and Korean headers, each field once", () => {
    expect(mapping).toEqual(["code", "title", "date", "place", "size", "status", "summary"]);
    expect(guessMapping(["Date", "Place", "Size", "Status", "Title", "Summary", "Code", "date (again)"])).toEqual([
      "date",
      "place",
      "size",
      "status",
      "title",
      "summary",
      "code",
      "ignore",
    ]);
  });

  it("says what a mapping lacks or repeats", () => {
    expect(mappingProblems(["a", "b"], ["title", "title"])).toEqual([
      'Columns "a" and "b" are all mapped to title: map only one.',
      "Map a column to size: every case needs a group size.",
      "Map a column to place or country: every case needs a country.",
    ]);
  });
});

describe("rows become cases or refusals in words", () => {
  it("imports uncertain values honestly", () => {
    const out = row(2, ["", "Group of about 30", "early Feb 2012", "Shenyang", "about 30", "북송", "from a diary"]);
    expect(out).toEqual({
      line: 2,
      ok: true,
      value: {
        code: null,
        status: "REPATRIATED",
        event: {
          dateEarliest: "2012-02-01",
          dateLatest: "2012-02-10",
          precision: "MONTH",
          dateWording: "early Feb 2012",
        },
        given: ["title", "date", "place", "size", "status", "summary"],
        input: expect.objectContaining({
          title: "Group of about 30",
          summary: "from a diary",
          sizeMin: 25,
          sizeMax: 35,
          sizeBest: 30,
          sizeWording: "about 30",
          country: "CN",
          province: "Liaoning",
          cityArea: "Shenyang",
        }),
      },
    });
  });

  it("names the row, the column and the value of every problem", () => {
    expect(row(214, ["CN-12", "x", "2012-13-40", "Atlantis", "many", "gone fishing", ""])).toEqual({
      line: 214,
      ok: false,
      problems: [
        "row 214, column 사건번호: 'CN-12' is not a case code (e.g. CN-2012-0001)",
        expect.stringMatching(/^row 214, column 인원: 'many' is not a group size/),
        expect.stringMatching(/^row 214, column 장소: 'Atlantis' is not a place the gazetteer knows/),
        expect.stringMatching(/^row 214, column 상태: 'gone fishing' is not a status this project knows/),
        expect.stringMatching(/^row 214, column 날짜: '2012-13-40' is not a date/),
      ],
      // Listed for the user to map (lib/import/value-mapping.ts).
      unmatched: [
        { column: "place", value: "Atlantis" },
        { column: "status", value: "gone fishing" },
      ],
    });
  });

  it("applies the case form's own rules (a title of 3+ characters)", () => {
    const out = row(3, ["", "ab", "2012", "Yanji", "4", "", ""]);
    expect(out).toEqual({
      line: 3,
      ok: false,
      problems: ["row 3, column 제목: give the case a title (3+ characters)"],
    });
  });
});

describe("property: any bytes are read or refused, never thrown", () => {
  it("every row of arbitrary CSV bytes is either accepted or refused with a reason", async () => {
    const cell = fc.oneof(
      fc.constantFrom("2012", "2012-13-40", "about 30", "20+", "Shenyang", '=HYPERLINK("x")', "북송", "", '"', ","),
      fc.string({ maxLength: 20 }),
    );
    const csvText = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 })
      .map((rows) => ["title,date,place,size,status", ...rows.map((r) => r.join(","))].join("\n"));
    const bytes = fc.oneof(
      csvText.map((t) => new TextEncoder().encode(t)),
      fc.uint8Array({ maxLength: 400 }),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const read = await readSpreadsheet("fuzz.csv", b);
        if (!read.ok) {
          expect(read.message.length).toBeGreaterThan(10);
          return;
        }
        const mapped = guessMapping(read.sheet.headers);
        const outcomes = convertSheet(read.sheet, mapped);
        expect(outcomes).toHaveLength(read.sheet.rows.length);
        for (const o of outcomes) {
          if (o.ok) expect(o.value.input.title.length).toBeGreaterThanOrEqual(3);
          else {
            expect(o.problems.length).toBeGreaterThan(0);
            for (const p of o.problems) expect(p).toMatch(new RegExp(`^row ${o.line}`));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
