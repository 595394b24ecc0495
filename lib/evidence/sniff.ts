/**
 * What a source file is, read from its bytes (magic numbers), never from its name or the browser's
 * Content-Type: a file named x.pdf that holds HTML is HTML. Only the kinds a source is read from are
 * accepted (a saved page as HTML, WACZ or WARC; a PDF; a screenshot or scan as PNG, JPEG or WebP);
 * anything else is refused. Pure functions over bytes, so they can be tested without a server.
 */
import { constants, gunzipSync } from "node:zlib";

export const SOURCE_FILE_KINDS = ["html", "wacz", "warc", "warc-gz", "pdf", "png", "jpeg", "webp"] as const;
export type SourceFileKind = (typeof SOURCE_FILE_KINDS)[number];

/** The media type recorded for each kind. */
export const MEDIA_TYPES: Record<SourceFileKind, string> = {
  html: "text/html",
  wacz: "application/wacz",
  warc: "application/warc",
  "warc-gz": "application/warc+gzip",
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

/** The kind for a stored media type (files are recorded by media type). */
export function kindOfMediaType(mediaType: string): SourceFileKind | null {
  const found = Object.entries(MEDIA_TYPES).find(([, type]) => type === mediaType);
  return found ? (found[0] as SourceFileKind) : null;
}

/** File name endings that match each kind, the first being the one added when the name has none of them. */
export const EXTENSIONS: Record<SourceFileKind, string[]> = {
  html: [".html", ".htm"],
  wacz: [".wacz"],
  warc: [".warc"],
  "warc-gz": [".warc.gz"],
  pdf: [".pdf"],
  png: [".png"],
  jpeg: [".jpg", ".jpeg"],
  webp: [".webp"],
};

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const GZIP = [0x1f, 0x8b, 0x08];
const WARC = /^WARC\/1\.[01]\r?\n/;

/** A WARC record header at the start (WARC/1.0 or WARC/1.1). */
function isWarc(bytes: Uint8Array): boolean {
  return WARC.test(ascii(bytes, 0, 12));
}

/**
 * A gzip member whose content starts as a WARC record (a .warc.gz: one gzip member per record). Only
 * the first few kilobytes are inflated, with the output capped, so a gzip bomb costs nothing.
 */
function isGzippedWarc(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, GZIP)) return false;
  try {
    const head = gunzipSync(bytes.subarray(0, 4096), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: 1 << 20,
    });
    return isWarc(head);
  } catch {
    return false;
  }
}

/**
 * A ZIP whose central directory lists `datapackage.json` at the top level: the mark of a WACZ
 * (Web Archive Collection Zipped). Reads only the end-of-central-directory record and the directory.
 */
export function zipHasDatapackage(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP_LOCAL) || bytes.length < 22) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) return false; // ZIP64 or damaged: not read here
  let at = offset;
  for (let n = 0; n < entries && at + 46 <= eocd; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) return false;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) return false;
    if (ascii(bytes, at + 46, at + 46 + nameLength) === "datapackage.json") return true;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return false;
}

/**
 * An HTML document: after an optional UTF-8 byte order mark, white space, an XML declaration and
 * comments (browsers write `<!-- saved from url=… -->`), it opens with `<!doctype html` or `<html`.
 * Only the first 4 KiB are looked at.
 */
export function isHtml(bytes: Uint8Array): boolean {
  let text = ascii(bytes, 0, 4096);
  if (text.startsWith("\xef\xbb\xbf")) text = text.slice(3);
  for (;;) {
    text = text.replace(/^[\t\n\f\r ]+/, "");
    if (text.startsWith("<!--")) {
      const end = text.indexOf("-->", 4);
      if (end < 0) return false;
      text = text.slice(end + 3);
    } else if (text.startsWith("<?xml")) {
      const end = text.indexOf("?>");
      if (end < 0) return false;
      text = text.slice(end + 2);
    } else break;
  }
  return /^(<!doctype\s+html[\s>]|<html[\s>])/i.test(text.slice(0, 20));
}

/** Why a file was refused (the kind of ZIP is named, since a plain ZIP is a common mistake). */
export type SniffRefusal = "empty" | "zip-not-wacz" | "unknown";

/** The file's kind from its bytes, or why it is not accepted. */
export function sniffSourceFile(bytes: Uint8Array): { kind: SourceFileKind } | { refused: SniffRefusal } {
  if (bytes.length === 0) return { refused: "empty" };
  if (ascii(bytes, 0, 5) === "%PDF-") return { kind: "pdf" };
  if (startsWith(bytes, PNG)) return { kind: "png" };
  if (startsWith(bytes, JPEG)) return { kind: "jpeg" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { kind: "webp" };
  if (startsWith(bytes, ZIP_LOCAL)) return zipHasDatapackage(bytes) ? { kind: "wacz" } : { refused: "zip-not-wacz" };
  if (isWarc(bytes)) return { kind: "warc" };
  if (isGzippedWarc(bytes)) return { kind: "warc-gz" };
  if (isHtml(bytes)) return { kind: "html" };
  return { refused: "unknown" };
}

/**
 * The name as uploaded, made safe to store and show: the last path segment only, control and
 * bidirectional-override characters removed, trimmed to 200 characters; "file" when nothing is left.
 */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[\uD800-\uDFFF]/g, (c, i: number, s: string) => {
      // Keep well-formed surrogate pairs, drop lone halves (PostgreSQL cannot store them).
      const code = c.charCodeAt(0);
      if (code < 0xdc00) return i + 1 < s.length && /[\uDC00-\uDFFF]/.test(s[i + 1]) ? c : "";
      return i > 0 && /[\uD800-\uDBFF]/.test(s[i - 1]) ? c : "";
    })
    .trim();
  const limited = Array.from(cleaned).slice(0, 200).join("");
  return limited === "" || limited === "." || limited === ".." ? "file" : limited;
}

/**
 * The name offered on download: the stored name, with the ending of the detected kind added when it
 * does not already end so (x.pdf holding HTML downloads as x.pdf.html), so the reader's system opens
 * a file by what it is.
 */
export function downloadFilename(filename: string, kind: SourceFileKind): string {
  const lower = filename.toLowerCase();
  return EXTENSIONS[kind].some((ending) => lower.endsWith(ending)) ? filename : filename + EXTENSIONS[kind][0];
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name (anything else becomes "_") and the
 * exact name as RFC 5987 `filename*`, so no name can break out of the header or be shown inline.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The Content-Type a download is served with: images and PDFs as themselves, everything else as opaque bytes. */
export function servedContentType(kind: SourceFileKind | null): string {
  return kind === "pdf" || kind === "png" || kind === "jpeg" || kind === "webp"
    ? MEDIA_TYPES[kind]
    : "application/octet-stream";
}
