/**
 * Reading an uploaded spreadsheet (CSV or XLSX) into a header row and data rows of text, with a
 * clear refusal for anything that is not one: wrong file types, empty or too-large files, text in an
 * encoding that is neither UTF-8 nor Korean Excel's CP949/EUC-KR, duplicate or absurdly many columns.
 *
 * Both formats are parsed by maintained libraries, streaming: csv-parse reads records as they come,
 * and exceljs's streaming WorkbookReader reads the first worksheet row by row. A formula cell is
 * imported as its formula's text ("=HYPERLINK(…)"), never evaluated and never its cached result.
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { MAX_IMPORT_BYTES } from "./limits";

/** The largest file accepted: well under the server actions' body limit (next.config.js). */
export { MAX_IMPORT_BYTES };
/** More columns than any case spreadsheet needs; a row wider than this is refused as a whole file. */
export const MAX_IMPORT_COLUMNS = 200;
export const MAX_IMPORT_ROWS = 20_000;
/** The longest cell kept (longer cells are refused by the row checks, not cut silently). */
const MAX_CELL_CHARS = 20_000;

export type SheetRow = { /** The spreadsheet's own row number (the header is row 1). */ line: number; cells: string[] };
export type Sheet = {
  format: "csv" | "xlsx";
  encoding: "utf-8" | "utf-16" | "euc-kr" | "xlsx";
  headers: string[];
  rows: SheetRow[];
  /** How many formula cells were read as text. */
  formulaCells: number;
};
export type ReadResult = { ok: true; sheet: Sheet } | { ok: false; message: string };

const refuse = (message: string): ReadResult => ({ ok: false, message });

const PK = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Which reader a file needs, from its name and its first bytes; null with a message when neither fits. */
function detectFormat(name: string, bytes: Uint8Array): "csv" | "xlsx" | string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (ext === "xls" || startsWith(bytes, OLE))
    return "This is an old Excel 97–2003 file (.xls). Save it as .xlsx or CSV in Excel, then upload it again.";
  if (ext === "xlsx") {
    if (!startsWith(bytes, PK)) return "This file is named .xlsx but is not an Excel workbook. Nothing was read.";
    return "xlsx";
  }
  if (ext === "csv" || ext === "txt" || ext === "tsv") {
    if (startsWith(bytes, PK))
      return "This file is named .csv but is a zip archive (perhaps an Excel workbook): rename it to .xlsx.";
    return "csv";
  }
  return `Upload a CSV (.csv) or Excel (.xlsx) file; "${name.slice(0, 120)}" is neither.`;
}

/** Decodes CSV bytes: UTF-8 (with or without a BOM), UTF-16 with a BOM, or Korean Excel's CP949/EUC-KR. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Sheet["encoding"] } | { message: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode("utf-16le", bytes.subarray(2), "utf-16");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode("utf-16be", bytes.subarray(2), "utf-16");
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { message: "This file holds binary data (NUL bytes), not text. Nothing was read." };
  const utf8 = tryDecode("utf-8", body, "utf-8");
  if ("text" in utf8) return utf8;
  // Korean Excel saves "CSV" in CP949 (EUC-KR with more syllables); the WHATWG "euc-kr" decoder is CP949.
  const korean = tryDecode("euc-kr", body, "euc-kr");
  if ("text" in korean) return korean;
  return {
    message:
      "This file's text is neither UTF-8 nor Korean Excel's CP949/EUC-KR, so it cannot be read correctly. Save it as “CSV UTF-8” and upload it again.",
  };
}

function tryDecode(label: string, bytes: Uint8Array, encoding: Sheet["encoding"]) {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { message: `not ${label}` };
  }
}

/** A header as compared for duplicates: case and surrounding spaces ignored. */
const headerKey = (h: string) => h.normalize("NFKC").trim().toLowerCase();

/** Column letters as a spreadsheet shows them (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Checks the header row and fills in names for blank headers ("column C"). */
function checkHeaders(raw: string[]): { headers: string[] } | { message: string } {
  const headers = raw.map((h, i) => h.trim() || `column ${columnLetter(i)}`);
  if (headers.length === 0 || raw.every((h) => h.trim() === ""))
    return { message: "The first row must name the columns (e.g. date, place, size); it is empty." };
  const seen = new Map<string, number>();
  for (const [i, h] of headers.entries()) {
    const key = headerKey(h);
    const first = seen.get(key);
    if (first !== undefined)
      return {
        message: `Columns ${columnLetter(first)} and ${columnLetter(i)} are both called "${h.slice(0, 80)}". Give each column its own name.`,
      };
    seen.set(key, i);
  }
  return { headers };
}

/** A too-wide row refuses the file: a sheet with thousands of columns is not a list of cases. */
const tooWide = (line: number, count: number) =>
  `Row ${line} has ${count.toLocaleString("en")} columns; at most ${MAX_IMPORT_COLUMNS} are read. Remove the extra columns and upload again.`;
const tooLong = () =>
  `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows. Split it into smaller files.`;

async function readCsv(text: string, encoding: Sheet["encoding"]): Promise<ReadResult> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_CELL_CHARS * 10,
    info: true,
  });
  const input = Readable.from([text]);
  input.pipe(parser);
  let headers: string[] | null = null;
  const rows: SheetRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length > MAX_IMPORT_COLUMNS) {
        input.destroy();
        return refuse(tooWide(headers ? rows.length + 2 : 1, record.length));
      }
      if (!headers) {
        const checked = checkHeaders(record);
        if ("message" in checked) return refuse(checked.message);
        headers = checked.headers;
        continue;
      }
      if (record.every((c) => c.trim() === "")) continue;
      // HXL's hashtag row under the headers (#date, #adm1+name…) describes the columns: it is no case.
      if (rows.length === 0 && record.every((c) => c.trim() === "" || /^#[a-z]/i.test(c.trim()))) continue;
      if (rows.length >= MAX_IMPORT_ROWS) return refuse(tooLong());
      rows.push({ line: info.lines, cells: record });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse(`The CSV could not be read: ${message.slice(0, 300)}. Nothing was read.`);
  }
  if (!headers) return refuse("The file is empty: there is no header row and no data.");
  return { ok: true, sheet: { format: "csv", encoding, headers, rows, formulaCells: 0 } };
}

/** The text of an exceljs cell value: rich text joined, dates as YYYY-MM-DD, formulas as their formula. */
function cellText(value: ExcelJS.CellValue, counted: { formulas: number }): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
  }
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      counted.formulas++;
      const f = (value as { formula?: string; sharedFormula?: string }).formula ?? "";
      return f ? `=${f}` : "";
    }
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const counted = { formulas: 0 };
  let headers: string[] | null = null;
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      entries: "emit",
    });
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs rows are 1-based: values[0] is always empty.
        const width = Math.max(0, values.length - 1);
        if (width > MAX_IMPORT_COLUMNS) return refuse(tooWide(row.number, width));
        const cells = Array.from({ length: width }, (_, i) => cellText(values[i + 1] as ExcelJS.CellValue, counted));
        if (!headers) {
          const checked = checkHeaders(cells);
          if ("message" in checked) return refuse(checked.message);
          headers = checked.headers;
          continue;
        }
        if (cells.every((c) => c.trim() === "")) continue;
        if (rows.length >= MAX_IMPORT_ROWS) return refuse(tooLong());
        rows.push({ line: row.number, cells });
      }
      break; // the first worksheet only
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse(`The Excel file could not be read (${message.slice(0, 200)}). Nothing was read.`);
  }
  if (!headers) return refuse("The workbook's first sheet is empty: there is no header row and no data.");
  return { ok: true, sheet: { format: "xlsx", encoding: "xlsx", headers, rows, formulaCells: counted.formulas } };
}

/** Reads an uploaded file into a sheet of text, or says in words why it cannot. Never throws. */
export async function readSpreadsheet(name: string, bytes: Uint8Array): Promise<ReadResult> {
  try {
    if (bytes.length === 0) return refuse("The file is empty. Nothing was read.");
    if (bytes.length > MAX_IMPORT_BYTES)
      return refuse(
        `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported at once. Split it into smaller files.`,
      );
    const format = detectFormat(name, bytes);
    if (format === "xlsx") return await readXlsx(bytes);
    if (format !== "csv") return refuse(format);
    const decoded = decodeText(bytes);
    if ("message" in decoded) return refuse(decoded.message);
    if (decoded.text.trim() === "") return refuse("The file is empty. Nothing was read.");
    return await readCsv(decoded.text, decoded.encoding);
  } catch (error) {
    // The readers catch their own errors; this is the last guard, so a bad file is a message, never a 500.
    const message = error instanceof Error ? error.message : String(error);
    return refuse(`The file could not be read (${message.slice(0, 200)}). Nothing was read.`);
  }
}
