import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, readSpreadsheet } from "@/lib/import/read";

const utf8 = (s: string) => new TextEncoder().encode(s);

async function sheetOf(name: string, bytes: Uint8Array) {
  const read = await readSpreadsheet(name, bytes);
  if (!read.ok) throw new Error(read.message);
  return read.sheet;
}
async function refusal(name: string, bytes: Uint8Array) {
  const read = await readSpreadsheet(name, bytes);
  if (read.ok) throw new Error("expected a refusal");
  return read.message;
}

describe("reading CSV", () => {
  it("reads headers and rows, with quoted commas and line breaks, and the spreadsheet's row numbers", async () => {
    const sheet = await sheetOf("cases.csv", utf8('\uFEFFtitle,date\n"A, b",2012\n\n"multi\nline",2013-02\n'));
    expect(sheet.headers).toEqual(["title", "date"]);
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ["A, b", "2012"],
      ["multi\nline", "2013-02"],
    ]);
    expect(sheet.encoding).toBe("utf-8");
  });

  it("reads Korean Excel's CP949/EUC-KR", async () => {
    // "날짜,장소,인원,제목,상태\n2012년 2월 8일,선양,약 30명,선양 사건,북송\n" saved as CP949.
    const bytes = new Uint8Array([
      179, 175, 194, 165, 44, 192, 229, 188, 210, 44, 192, 206, 191, 248, 44, 193, 166, 184, 241, 44, 187, 243, 197,
      194, 10, 50, 48, 49, 50, 179, 226, 32, 50, 191, 249, 32, 56, 192, 207, 44, 188, 177, 190, 231, 44, 190, 224, 32,
      51, 48, 184, 237, 44, 188, 177, 190, 231, 32, 187, 231, 176, 199, 44, 186, 207, 188, 219, 10,
    ]);
    const sheet = await sheetOf("korean.csv", bytes);
    expect(sheet.encoding).toBe("euc-kr");
    expect(sheet.headers).toEqual(["날짜", "장소", "인원", "제목", "상태"]);
    expect(sheet.rows[0].cells).toEqual(["2012년 2월 8일", "선양", "약 30명", "선양 사건", "북송"]);
  });

  it("keeps formula text as text", async () => {
    const sheet = await sheetOf("f.csv", utf8('title,size\n"=HYPERLINK(""http://x"",""y"")",3\n'));
    expect(sheet.rows[0].cells[0]).toBe('=HYPERLINK("http://x","y")');
  });

  it.each([
    ["empty.csv", new Uint8Array(), /empty/],
    ["blank.csv", utf8("  \n\n"), /empty/],
    ["photo.png", utf8("title\nx\n"), /Upload a CSV/],
    ["old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), /Excel 97–2003/],
    ["fake.xlsx", utf8("title\nx"), /not an Excel workbook/],
    ["binary.csv", new Uint8Array([0x74, 0, 0x69, 0x74]), /binary/],
    ["dup.csv", utf8("date,place,Date\n1,2,3\n"), /Columns A and C are both called "Date"/],
    ["wide.csv", utf8(`title\n${"x,".repeat(10_000)}x\n`), /Row 2 has 10,001 columns/],
    [
      "broken.csv",
      new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x0a]),
      /neither UTF-8 nor/,
    ],
  ])("refuses %s with a clear message", async (name, bytes, message) => {
    expect(await refusal(name, bytes)).toMatch(message);
  });

  it("refuses a file over the size limit before reading it", async () => {
    expect(await refusal("big.csv", new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatch(/at most 5 MB/);
  });
});

describe("reading XLSX", () => {
  it("reads the first sheet, dates as days, formulas as their text, never their result", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Cases");
    ws.addRow(["제목", "날짜", "인원", "link"]);
    ws.addRow([
      "Group A",
      new Date(Date.UTC(2012, 1, 8)),
      10,
      { formula: 'HYPERLINK("http://evil","x")', result: "x" },
    ]);
    ws.addRow(["Group B", "early Feb 2012", "about 30", null]);
    workbook.addWorksheet("Other").addRow(["ignored"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheet = await sheetOf("cases.xlsx", bytes);
    expect(sheet.headers).toEqual(["제목", "날짜", "인원", "link"]);
    expect(sheet.rows).toEqual([
      { line: 2, cells: ["Group A", "2012-02-08", "10", '=HYPERLINK("http://evil","x")'] },
      { line: 3, cells: ["Group B", "early Feb 2012", "about 30"] },
    ]);
    expect(sheet.formulaCells).toBe(1);
  });

  it("refuses a corrupt workbook with a message", async () => {
    expect(await refusal("bad.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toMatch(/could not be read/);
  });
});
