import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  cleanFilename,
  downloadFilename,
  servedContentType,
  sniffSourceFile,
} from "@/lib/evidence/sniff";

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const kindOf = (b: Uint8Array) => {
  const r = sniffSourceFile(b);
  return "kind" in r ? r.kind : r.refused;
};

/** A minimal stored ZIP with the given entry names (what a WACZ or a plain ZIP looks like to the sniffer). */
function zip(names: string[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30 + n.length);
    local.writeUInt32LE(0x04034b50, 0);
    n.copy(local, 30);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46 + n.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    n.copy(central, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

describe("source file sniffing (by content, never by name)", () => {
  it("recognises each accepted kind by its magic bytes", () => {
    expect(kindOf(bytes("%PDF-1.7\n%âãÏÓ\n"))).toBe("pdf");
    expect(kindOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe("png");
    expect(kindOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe("jpeg");
    expect(kindOf(bytes("RIFF\x24\x00\x00\x00WEBPVP8 "))).toBe("webp");
    expect(kindOf(bytes("WARC/1.1\r\nWARC-Type: warcinfo\r\n"))).toBe("warc");
    expect(kindOf(gzipSync(Buffer.from("WARC/1.0\r\nWARC-Type: response\r\n\r\n")))).toBe("warc-gz");
    expect(kindOf(zip(["archive/data.warc.gz", "datapackage.json"]))).toBe("wacz");
    expect(kindOf(bytes("<!DOCTYPE html><html><body>x</body></html>"))).toBe("html");
    expect(kindOf(bytes("\xef\xbb\xbf\n  <!-- saved from url=(0023)https://example.org/ -->\n<HTML lang=ko>"))).toBe(
      "html",
    );
  });

  it("refuses what it does not accept, saying why", () => {
    expect(kindOf(new Uint8Array())).toBe("empty");
    expect(kindOf(zip(["word/document.xml", "[Content_Types].xml"]))).toBe("zip-not-wacz");
    expect(kindOf(bytes("MZ\x90\x00executable"))).toBe("unknown");
    expect(kindOf(bytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"))).toBe("unknown");
    expect(kindOf(bytes("plain text that mentions <html> later"))).toBe("unknown");
    expect(kindOf(gzipSync(Buffer.from("not a warc")))).toBe("unknown");
    expect(kindOf(bytes("RIFF\x24\x00\x00\x00WAVEfmt "))).toBe("unknown");
  });

  it("a file named x.pdf holding HTML is HTML, downloads as x.pdf.html and is served as opaque bytes", () => {
    const html = bytes("<!doctype html><script>alert(document.cookie)</script>");
    expect(kindOf(html)).toBe("html");
    expect(downloadFilename("x.pdf", "html")).toBe("x.pdf.html");
    expect(servedContentType("html")).toBe("application/octet-stream");
    expect(downloadFilename("page.HTM", "html")).toBe("page.HTM");
    expect(servedContentType("pdf")).toBe("application/pdf");
  });

  it("random bytes are a PDF only when they start with %PDF-, a PNG only with its signature, and so on", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (raw) => {
        const kind = kindOf(raw);
        const text = Buffer.from(raw).toString("latin1");
        if (kind === "pdf") expect(text.startsWith("%PDF-")).toBe(true);
        if (kind === "png") expect(text.startsWith("\x89PNG\r\n\x1a\n")).toBe(true);
        if (kind === "jpeg") expect(text.startsWith("\xff\xd8\xff")).toBe(true);
        if (kind === "webp") expect(text.slice(0, 4) + text.slice(8, 12)).toBe("RIFFWEBP");
        if (kind === "warc") expect(/^WARC\/1\.[01]\r?\n/.test(text)).toBe(true);
        if (kind === "wacz") expect(text.startsWith("PK\x03\x04") && text.includes("datapackage.json")).toBe(true);
        if (kind === "html") expect(/<!doctype html|<html/i.test(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("a prefix decides the kind whatever follows it", () => {
    const prefixes: [string, string][] = [
      ["%PDF-", "pdf"],
      ["\x89PNG\r\n\x1a\n", "png"],
      ["\xff\xd8\xff", "jpeg"],
      ["WARC/1.0\r\n", "warc"],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 300 }), ([prefix, kind], rest) => {
        expect(kindOf(new Uint8Array([...bytes(prefix), ...rest]))).toBe(kind);
      }),
    );
  });

  it("HTML is found behind any white space and comments, in any letter case", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(" ", "\n", "\t", "\r\n", "<!-- saved from url=(0020)x -->")),
        fc.constantFrom("<!DOCTYPE html>", "<!doctype HTML>", "<html>", "<HTML lang='en'>"),
        (lead, open) => {
          expect(kindOf(bytes(lead.join("") + open + "<body></body>"))).toBe("html");
        },
      ),
    );
  });

  it("names are cleaned to one path segment without control characters, and headers cannot be broken", () => {
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("C:\\Users\\a\\report.pdf")).toBe("report.pdf");
    expect(cleanFilename("evil\u202Egpj.html")).toBe("evilgpj.html");
    expect(cleanFilename("  ")).toBe("file");
    expect(attachmentDisposition('a"b;\r\n.pdf')).toBe(
      "attachment; filename=\"a_b___.pdf\"; filename*=UTF-8''a%22b%3B%0D%0A.pdf",
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (raw) => {
        const name = cleanFilename(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[\\/\u0000-\u001f\u007f]/);
        const header = attachmentDisposition(name);
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/);
        expect(header.slice(22, header.indexOf('"; filename*'))).not.toMatch(/["\\]/);
        expect(decodeURIComponent(header.slice(header.indexOf("''") + 2))).toBe(name);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
