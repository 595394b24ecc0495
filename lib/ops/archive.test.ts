import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARCHIVE_FORMAT,
  ArchiveError,
  ArchiveWriter,
  FORMAT_VERSION,
  HEADER_ENTRY,
  KEYS_NOTE,
  MANIFEST_ENTRY,
  PART_BYTES,
  readArchive,
  readArchiveStream,
  type ArchiveHeader,
  type Manifest,
} from "./archive";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "rw-archive-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** COPY-like text: `rows` lines of tab-separated values. */
function copyText(rows: number, seed: string): Buffer {
  let text = "";
  for (let i = 0; i < rows; i++) text += `${seed}-${i}\tvalue with \\t escapes and ü ${i * 7}\t\\N\n`;
  return Buffer.from(text, "utf8");
}

async function* chunked(data: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

const SAMPLE = {
  Alpha: copyText(60_000, "alpha"), // over 2 MiB: three parts
  Beta: Buffer.alloc(0), // an empty table: no part at all
  Gamma: copyText(3, "gamma"),
};

/** Writes an archive of `tables` the way backupDatabase does; `edit` may change the header first. */
async function writeSample(
  file: string,
  tables: Record<string, Buffer> = SAMPLE,
  edit: (h: ArchiveHeader) => void = () => {},
): Promise<Manifest> {
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: "2026-12-01T00:00:00.000Z",
    app: { name: "refoulement-watch", version: "0.1.0" },
    postgres: "18.4",
    database: "test",
    migrations: [
      {
        name: "20260101000000_init",
        checksum: "c".repeat(64),
        finishedAt: "2026-01-01T00:00:00.000Z",
        rolledBackAt: null,
      },
    ],
    tables: Object.keys(tables).map((name) => ({ name, columns: ["id", "text", "other"] })),
    keysIncluded: false,
    note: KEYS_NOTE,
  };
  edit(header);
  const writer = await ArchiveWriter.create(file);
  await writer.writeJson(HEADER_ENTRY, header);
  const digests: Manifest["tables"] = [];
  for (const spec of header.tables)
    digests.push({ ...spec, ...(await writer.writeTable(spec.name, chunked(tables[spec.name]))) });
  const manifest: Manifest = {
    ...header,
    completedAt: "2026-12-01T00:00:01.000Z",
    tables: digests,
    sequences: [],
    encryption: { keysIncluded: false, keyIds: { k1: 2 } },
  };
  await writer.writeJson(MANIFEST_ENTRY, manifest);
  await writer.finish();
  return manifest;
}

let sampleFile: string;
let sampleBytes: Buffer;
let sampleManifest: Manifest;
beforeAll(async () => {
  sampleFile = path.join(dir, "sample.tar.gz");
  sampleManifest = await writeSample(sampleFile);
  sampleBytes = await readFile(sampleFile);
});

/** Reads `bytes` as a stream (no file checks): the manifest, or the error the read ended with. */
async function readBytes(bytes: Uint8Array): Promise<{ manifest?: Manifest; error?: unknown }> {
  try {
    return { manifest: await readArchiveStream(Readable.from([Buffer.from(bytes)])) };
  } catch (error) {
    return { error };
  }
}

describe("backup archive", () => {
  it("reads back exactly what was written, table by table, in parts of at most 1 MiB", async () => {
    const seen: Record<string, Buffer[]> = {};
    const ends: string[] = [];
    const manifest = await readArchive(sampleFile, {
      tableStart: (t) => (seen[t.name] = []),
      tableData: (t, chunk) => seen[t.name].push(Buffer.from(chunk)),
      tableEnd: (t, digest) => ends.push(`${t.name}:${digest.rows}`),
    });
    expect(manifest).toEqual(sampleManifest);
    for (const [name, data] of Object.entries(SAMPLE)) expect(Buffer.concat(seen[name]).equals(data)).toBe(true);
    expect(ends).toEqual(["Alpha:60000", "Beta:0", "Gamma:3"]);
    const alpha = manifest.tables.find((t) => t.name === "Alpha");
    expect(alpha).toMatchObject({
      rows: 60_000,
      bytes: SAMPLE.Alpha.length,
      parts: Math.ceil(SAMPLE.Alpha.length / PART_BYTES),
    });
    expect(alpha?.parts).toBeGreaterThanOrEqual(3);
    expect(manifest.tables.find((t) => t.name === "Beta")).toMatchObject({ rows: 0, bytes: 0, parts: 0 });
  });

  it("is written readable by its owner only, and appears only once complete", async () => {
    expect((await stat(sampleFile)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((f) => f.endsWith(".partial"))).toEqual([]);
    const file = path.join(dir, "aborted.tar.gz");
    const writer = await ArchiveWriter.create(file);
    await writer.writeJson(HEADER_ENTRY, { format: ARCHIVE_FORMAT });
    await writer.abort();
    expect((await readdir(dir)).filter((f) => f.startsWith("aborted"))).toEqual([]);
  });

  it("refuses files that are not backups, each with a message saying what the file is", async () => {
    const cases: [string, Buffer | "dir" | "missing", RegExp][] = [
      ["empty.tar.gz", Buffer.alloc(0), /is empty \(0 bytes\)/],
      [
        "dump.sql",
        Buffer.from("-- PostgreSQL database dump\nSET statement_timeout = 0;\n"),
        /is an SQL script, not a backup made by npm run backup/,
      ],
      ["custom.dump", Buffer.from("PGDMP\u0001\u000e\u0000junk"), /is a pg_dump custom-format dump/],
      ["archive.zip", Buffer.from("PK\u0003\u0004junkjunk"), /is a ZIP file/],
      ["notes.txt", Buffer.from("hello"), /is not a gzip file/],
      [
        "text.gz",
        zlib.gzipSync("just some text, not a tar archive at all, repeated ".repeat(20)),
        /holds no tar archive|is truncated/,
      ],
      ["a-directory", "dir", /is a directory/],
      ["missing.tar.gz", "missing", /does not exist/],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      if (content === "dir") await mkdir(file, { recursive: true });
      else if (content !== "missing") await writeFile(file, content);
      const error = await readArchive(file).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ArchiveError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message, name).toContain(file);
    }
  });

  it("refuses a tar.gz that is not a backup, and a backup from a newer format", async () => {
    const foreign = path.join(dir, "foreign.tar.gz");
    await writeSample(foreign, SAMPLE, (h) => ((h as { format: string }).format = "something-else"));
    await expect(readArchive(foreign)).rejects.toThrow(/is a tar.gz archive but not a Refoulement Watch backup/);
    const future = path.join(dir, "future.tar.gz");
    await writeSample(future, SAMPLE, (h) => (h.formatVersion = FORMAT_VERSION + 1));
    await expect(readArchive(future)).rejects.toThrow(
      `backup format ${FORMAT_VERSION + 1}; this version reads format ${FORMAT_VERSION}`,
    );
  });

  it("names the table whose data was altered (one byte changed, archive recompressed)", async () => {
    const tarBytes = zlib.gunzipSync(sampleBytes);
    const at = tarBytes.indexOf(Buffer.from("gamma-1\t"));
    expect(at).toBeGreaterThan(0);
    tarBytes[at] = "G".charCodeAt(0);
    const file = path.join(dir, "tampered.tar.gz");
    await writeFile(file, zlib.gzipSync(tarBytes));
    await expect(readArchive(file)).rejects.toThrow(
      /is altered or damaged: the data of table "Gamma" does not match the manifest \(sha256 [0-9a-f]{64}, manifest says [0-9a-f]{64}\)/,
    );
  });

  it("says where a truncated archive ends", async () => {
    const file = path.join(dir, "truncated.tar.gz");
    await writeFile(file, sampleBytes.subarray(0, Math.floor(sampleBytes.length / 2)));
    await expect(readArchive(file)).rejects.toThrow(/is truncated: it ends inside table "Alpha" \(part \d\)/);
    await writeFile(file, sampleBytes.subarray(0, sampleBytes.length - 8));
    await expect(readArchive(file)).rejects.toThrow(/is truncated/);
  });

  it("random bytes never crash the reader: always an ArchiveError", { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, gzipMagic) => {
        const input = gzipMagic ? Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), bytes]) : bytes;
        expect((await readBytes(input)).error).toBeInstanceOf(ArchiveError);
      }),
      { numRuns: 300 },
    );
    // Well-formed gzip around random bytes (a tar reader then sees garbage).
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 8192 }), async (bytes) => {
        expect((await readBytes(zlib.gzipSync(bytes))).error).toBeInstanceOf(ArchiveError);
      }),
      { numRuns: 200 },
    );
  });

  it(
    "a changed byte or a cut anywhere in a real archive is refused, or changes nothing read",
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: sampleBytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
          const bytes = Buffer.from(sampleBytes);
          bytes[at] ^= xor;
          const { manifest, error } = await readBytes(bytes);
          // Some bytes carry no data (the gzip header's time and OS, padding bits of the last deflate
          // byte): such reads succeed, and read exactly the original.
          if (error === undefined) expect(manifest).toEqual(sampleManifest);
          else expect(error).toBeInstanceOf(ArchiveError);
        }),
        { numRuns: 150 },
      );
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: sampleBytes.length - 1 }), async (length) => {
          expect((await readBytes(sampleBytes.subarray(0, length))).error).toBeInstanceOf(ArchiveError);
        }),
        { numRuns: 100 },
      );
    },
  );
});
