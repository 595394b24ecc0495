/**
 * The backup archive: a gzip-compressed tar (readable with `tar -tzf`) holding, in this order,
 *   backup.json                        what the archive holds: format, app, migrations, tables and columns
 *   tables/<Table>/000000.copy, …      each table's rows as PostgreSQL COPY text, in parts of at most 1 MiB
 *   manifest.json                      everything in backup.json plus, per table, rows, bytes and SHA-256
 * A table's parts concatenated are exactly what `COPY … TO STDOUT` wrote. Tar needs each entry's size
 * before its data, and a COPY stream's size is known only at its end: cutting it into parts of known
 * size keeps memory flat without a temporary file. The manifest comes last because the digests are
 * known only then; the reader checks them before anything is committed (docs/decisions/010).
 */
import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, rmSync, type WriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import tar from "tar-stream";
import { z } from "zod";

export const ARCHIVE_FORMAT = "refoulement-watch-backup";
/** The format this code writes and the newest it reads. */
export const FORMAT_VERSION = 1;
export const HEADER_ENTRY = "backup.json";
export const MANIFEST_ENTRY = "manifest.json";
/** Largest table part; also the most table data held in memory at once while writing. */
export const PART_BYTES = 1 << 20;
/** Largest backup.json or manifest.json the reader accepts (they are read whole). */
const MAX_JSON_BYTES = 16 << 20;
const PART_NAME = /^tables\/([A-Za-z_][A-Za-z0-9_]*)\/(\d{6})\.copy$/;
const NEWLINE = 0x0a;

export const KEYS_NOTE =
  "Encryption keys and secrets are not in this archive: encrypted fields stay ciphertext (enc:v1:<keyId>:…). Keep RW_ENCRYPTION_KEYS (or the demo secrets) apart from the backups; without them the restricted fields cannot be read.";

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "not a plain SQL identifier");

const migrationSchema = z.object({
  name: z.string().min(1),
  checksum: z.string(),
  finishedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
});
export type MigrationRecord = z.infer<typeof migrationSchema>;

const tableSpecSchema = z.object({ name: identifier, columns: z.array(identifier).min(1) });
export type TableSpec = z.infer<typeof tableSpecSchema>;

const headerSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  postgres: z.string(),
  database: z.string(),
  migrations: z.array(migrationSchema),
  tables: z.array(tableSpecSchema).min(1),
  keysIncluded: z.literal(false),
  note: z.string(),
});
export type ArchiveHeader = z.infer<typeof headerSchema>;

const digestSchema = z.object({
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  parts: z.number().int().nonnegative(),
});
export type TableDigest = z.infer<typeof digestSchema>;

const sequenceSchema = z.object({
  table: identifier,
  column: identifier,
  lastValue: z.string().regex(/^-?\d+$/),
  isCalled: z.boolean(),
});
export type SequenceState = z.infer<typeof sequenceSchema>;

const manifestSchema = headerSchema.extend({
  completedAt: z.string(),
  tables: z.array(tableSpecSchema.extend(digestSchema.shape)).min(1),
  sequences: z.array(sequenceSchema),
  /** Ids of the keys the encrypted values are under, with how many values each: no key material. */
  encryption: z.object({
    keysIncluded: z.literal(false),
    keyIds: z.record(z.string(), z.number().int().nonnegative()),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A file that is not a readable, complete, unaltered backup. The message says which and where. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveError";
  }
}

/** What is wrong with an archive, as a predicate ("is truncated: …"); the reader puts the file's name in front. */
class Problem extends Error {}

/** SHA-256, byte and row count of one table's COPY text, fed as it streams past. */
class TableHasher {
  readonly #hash: Hash = createHash("sha256");
  rows = 0;
  bytes = 0;
  parts = 0;

  update(chunk: Buffer): void {
    this.#hash.update(chunk);
    this.bytes += chunk.length;
    // COPY text ends every row with a newline and escapes newlines inside values as \n.
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) this.rows++;
  }

  digest(): TableDigest {
    return { rows: this.rows, bytes: this.bytes, sha256: this.#hash.digest("hex"), parts: this.parts };
  }
}

const partName = (table: string, part: number) => `tables/${table}/${String(part).padStart(6, "0")}.copy`;

/**
 * Writes an archive to `<file>.<pid>.partial` and renames it to `file` only once complete and
 * flushed, so a failed or interrupted backup never leaves a file that looks like a backup.
 */
export class ArchiveWriter {
  readonly #pack = tar.pack();
  readonly #temporary: string;
  readonly #mtime = new Date();
  readonly #archiveHash = createHash("sha256");
  #archiveBytes = 0;
  readonly #done: Promise<void>;
  #failure: Error | undefined;
  readonly #removeOnExit = () => {
    // Synchronous: this runs in process.on("exit"), e.g. after Ctrl-C.
    rmSync(this.#temporary, { force: true });
  };

  private constructor(
    readonly file: string,
    output: WriteStream,
  ) {
    this.#temporary = output.path as string;
    const tap = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.#archiveHash.update(chunk);
        this.#archiveBytes += chunk.length;
        callback(null, chunk);
      },
    });
    this.#done = pipeline(this.#pack, zlib.createGzip({ level: 6 }), tap, output).catch((error: Error) => {
      this.#failure = error;
      throw error;
    });
    this.#done.catch(() => {});
    process.on("exit", this.#removeOnExit);
  }

  /** Opens the temporary file (mode 0600: a backup holds personal data) beside `file`. */
  static async create(file: string): Promise<ArchiveWriter> {
    const temporary = `${file}.${process.pid}.partial`;
    const output = createWriteStream(temporary, { flags: "wx", mode: 0o600 });
    await once(output, "open");
    return new ArchiveWriter(file, output);
  }

  #entry(name: string, data: Buffer): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      // The callback fires once the pack has taken the data, which waits while gzip and the disk
      // are behind: that is the backpressure that keeps memory flat.
      this.#pack.entry({ name, size: data.length, mode: 0o600, mtime: this.#mtime, type: "file" }, data, (error) =>
        error ? reject(error) : resolve(),
      );
    });
  }

  async writeJson(name: string, value: unknown): Promise<void> {
    await this.#entry(name, Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8"));
  }

  /** Streams one table's COPY text into parts, hashing and counting it on the way. */
  async writeTable(table: string, source: AsyncIterable<Buffer>): Promise<TableDigest> {
    const hasher = new TableHasher();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.#entry(partName(table, hasher.parts++), data);
    };
    for await (const chunk of source) {
      hasher.update(chunk);
      let rest = chunk;
      while (pendingBytes + rest.length >= PART_BYTES) {
        const take = PART_BYTES - pendingBytes;
        pending.push(rest.subarray(0, take));
        pendingBytes += take;
        rest = rest.subarray(take);
        await flush();
      }
      if (rest.length > 0) {
        pending.push(rest);
        pendingBytes += rest.length;
      }
    }
    await flush();
    return hasher.digest();
  }

  /** Ends the archive, flushes it to disk and moves it into place. Returns its size and SHA-256. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    this.#pack.finalize();
    await this.#done;
    const handle = await open(this.#temporary, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.#temporary, this.file);
    process.off("exit", this.#removeOnExit);
    return { bytes: this.#archiveBytes, sha256: this.#archiveHash.digest("hex") };
  }

  /** Stops writing and removes the temporary file. */
  async abort(): Promise<void> {
    this.#pack.destroy();
    await this.#done.catch(() => {});
    await rm(this.#temporary, { force: true });
    process.off("exit", this.#removeOnExit);
  }
}

/** What the reader hands on while it reads; each call may return a promise (awaited: backpressure). */
export type ArchiveVisitor = {
  header?: (header: ArchiveHeader) => unknown;
  tableStart?: (table: TableSpec) => unknown;
  tableData?: (table: TableSpec, chunk: Buffer) => unknown;
  tableEnd?: (table: TableSpec, digest: TableDigest) => unknown;
};

/** Marks an error thrown by the visitor (e.g. the database), so it is not reported as a bad archive. */
class VisitorFailure extends Error {
  constructor(readonly inner: unknown) {
    super("visitor failed");
  }
}

async function visit(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch (error) {
    throw new VisitorFailure(error);
  }
}

async function readJsonEntry(
  entry: AsyncIterable<unknown> & { header: { size?: number } },
  what: string,
): Promise<unknown> {
  if ((entry.header.size ?? 0) > MAX_JSON_BYTES)
    throw new Problem(`its ${what} is ${entry.header.size} bytes, more than a backup ever writes`);
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Problem(`its ${what} is not valid JSON`);
  }
}

function parseHeader(value: unknown): ArchiveHeader {
  const probe = z.object({ format: z.unknown(), formatVersion: z.unknown() }).safeParse(value);
  if (!probe.success || probe.data.format !== ARCHIVE_FORMAT) {
    throw new Problem(
      `is a tar.gz archive but not a Refoulement Watch backup (its ${HEADER_ENTRY} does not say format "${ARCHIVE_FORMAT}")`,
    );
  }
  const version = probe.data.formatVersion;
  if (typeof version === "number" && Number.isInteger(version) && version > FORMAT_VERSION) {
    throw new Problem(
      `was written by a newer version of Refoulement Watch (backup format ${version}; this version reads format ${FORMAT_VERSION} and older). Restore it with that version or a newer one.`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw new Problem(`has a malformed ${HEADER_ENTRY} (${describeIssues(parsed.error)})`);
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`)
    .join("; ");
}

/** Describes a zlib or tar failure in a user's terms; `where` says what was being read. */
function describeStreamError(error: Error & { code?: string }, where: string): string {
  const message = error.message || String(error);
  if (error.code === "Z_BUF_ERROR" || /unexpected end of (file|data)/i.test(message)) {
    return `is truncated: it ends ${where}. The file was cut short (an interrupted copy or a full disk?)`;
  }
  if (/incorrect header check|unknown compression method/i.test(message) && where === "at its start") {
    return "is not gzip-compressed: not an archive made by npm run backup";
  }
  // gzip runs ahead of the tar reader, so `where` is only roughly where the damage is.
  if (/incorrect (data|length) check/.test(message))
    return `is damaged: its gzip checksum does not match (${message}), so its content was altered or corrupted`;
  if (error.code?.startsWith("Z_"))
    return `is damaged (${message}), noticed ${where}: the compressed data was altered or corrupted`;
  if (/invalid tar header/i.test(message)) {
    return where === "at its start"
      ? "is gzip-compressed but holds no tar archive: not an archive made by npm run backup"
      : `is damaged (invalid tar header) ${where}`;
  }
  return `could not be read (${message}) ${where}`;
}

/**
 * Reads an archive from `input`, checking its structure as it goes and every table's rows, bytes
 * and SHA-256 against the manifest at the end; hands the header and each table's data to `visitor`
 * on the way. Resolves with the manifest only when all of it matched; otherwise throws an
 * ArchiveError (bad archive) or what the visitor threw.
 */
export async function readArchiveStream(
  input: Readable,
  visitor: ArchiveVisitor = {},
  label = "The archive",
): Promise<Manifest> {
  try {
    return await readChecked(input, visitor);
  } catch (error) {
    if (error instanceof Problem) throw new ArchiveError(`${label} ${error.message}`);
    throw error;
  }
}

async function readChecked(input: Readable, visitor: ArchiveVisitor): Promise<Manifest> {
  const gunzip = zlib.createGunzip();
  const extract = tar.extract();
  let where = "at its start";
  input.on("error", (error) => extract.destroy(error));
  gunzip.on("error", (error) => extract.destroy(error));
  input.pipe(gunzip).pipe(extract);
  // The gzip trailer (CRC-32 and length) is checked after the last tar block: wait for it too.
  const gunzipDone = finished(gunzip);
  gunzipDone.catch(() => {});

  let header: ArchiveHeader | undefined;
  let manifestValue: unknown;
  let index = -1;
  let part = -1;
  let hasher: TableHasher | undefined;
  const digests = new Map<string, TableDigest>();

  const endTable = async () => {
    if (!header || index < 0 || !hasher) return;
    const table = header.tables[index];
    const digest = hasher.digest();
    digests.set(table.name, digest);
    hasher = undefined;
    await visit(() => visitor.tableEnd?.(table, digest));
  };
  /** Moves on to table `to` (an index in header.tables), through any tables with no rows. */
  const advanceTo = async (to: number) => {
    await endTable();
    while (index < to) {
      index++;
      part = -1;
      hasher = new TableHasher();
      const table = (header as ArchiveHeader).tables[index];
      await visit(() => visitor.tableStart?.(table));
      if (index < to) await endTable();
    }
  };

  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== "file") throw new Problem(`holds an unexpected ${entry.header.type} entry "${name}"`);
      if (!header) {
        if (name !== HEADER_ENTRY)
          throw new Problem(
            `is a tar archive but not a Refoulement Watch backup (its first entry is "${name}", not "${HEADER_ENTRY}")`,
          );
        where = `in its ${HEADER_ENTRY}`;
        header = parseHeader(await readJsonEntry(entry, HEADER_ENTRY));
        const h = header;
        await visit(() => visitor.header?.(h));
        continue;
      }
      if (manifestValue !== undefined)
        throw new Problem(`holds an unexpected entry "${name}" after its ${MANIFEST_ENTRY}`);
      if (name === MANIFEST_ENTRY) {
        await advanceTo(header.tables.length - 1);
        await endTable();
        where = `in its ${MANIFEST_ENTRY}`;
        manifestValue = await readJsonEntry(entry, MANIFEST_ENTRY);
        where = `after its ${MANIFEST_ENTRY}`;
        continue;
      }
      const match = PART_NAME.exec(name);
      if (!match) throw new Problem(`holds an unexpected entry "${name}"`);
      const [, tableName, partText] = match;
      const at = header.tables.findIndex((t) => t.name === tableName);
      if (at < 0) throw new Problem(`holds data for table "${tableName}", which its ${HEADER_ENTRY} does not list`);
      if (at < index)
        throw new Problem(
          `holds data for table "${tableName}" out of order (after table "${header.tables[index].name}")`,
        );
      if (at > index) await advanceTo(at);
      if (Number(partText) !== part + 1)
        throw new Problem(`is missing part ${part + 1} of table "${tableName}" (found part ${Number(partText)})`);
      part++;
      const table = header.tables[index];
      where = `inside table "${tableName}" (part ${part})`;
      const current = hasher as TableHasher;
      current.parts++;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        current.update(chunk);
        await visit(() => visitor.tableData?.(table, chunk));
      }
      where = `after table "${tableName}" (part ${part})`;
    }
    where = "at its end";
    await gunzipDone;
  } catch (error) {
    extract.destroy();
    input.unpipe?.();
    input.destroy();
    if (error instanceof VisitorFailure) throw error.inner;
    if (error instanceof Problem) throw error;
    throw new Problem(describeStreamError(error as Error, where));
  }

  if (!header) throw new Problem("is an empty tar archive: not a Refoulement Watch backup");
  if (manifestValue === undefined) {
    throw new Problem(
      `is truncated: it ends ${where}, before its ${MANIFEST_ENTRY}. The file was cut short (an interrupted backup or copy?)`,
    );
  }
  const parsed = manifestSchema.safeParse(manifestValue);
  if (!parsed.success) throw new Problem(`has a malformed ${MANIFEST_ENTRY} (${describeIssues(parsed.error)})`);
  const manifest = parsed.data;
  checkManifestAgainstHeader(manifest, header);
  for (const table of manifest.tables) {
    const got = digests.get(table.name) as TableDigest;
    const problems = (["rows", "bytes", "sha256", "parts"] as const)
      .filter((k) => got[k] !== table[k])
      .map((k) => `${k} ${got[k]}, manifest says ${table[k]}`);
    if (problems.length > 0) {
      throw new Problem(
        `is altered or damaged: the data of table "${table.name}" does not match the manifest (${problems.join("; ")})`,
      );
    }
  }
  return manifest;
}

function checkManifestAgainstHeader(manifest: Manifest, header: ArchiveHeader): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const tables = manifest.tables.map((t) => ({ name: t.name, columns: t.columns }));
  for (const key of ["format", "formatVersion", "createdAt", "app", "database", "migrations"] as const) {
    if (!same(manifest[key], header[key]))
      throw new Problem(`is inconsistent: its ${MANIFEST_ENTRY} and ${HEADER_ENTRY} disagree about "${key}"`);
  }
  if (!same(tables, header.tables))
    throw new Problem(`is inconsistent: its ${MANIFEST_ENTRY} and ${HEADER_ENTRY} list different tables or columns`);
}

/** What a file's first bytes say it is, when it is not a gzip file. */
function sniff(head: Buffer): string {
  const text = head.toString("latin1");
  if (text.startsWith("PGDMP")) return "a pg_dump custom-format dump";
  if (head[0] === 0x50 && head[1] === 0x4b) return "a ZIP file";
  if (head.length >= 262 && text.slice(257, 262) === "ustar") return "an uncompressed tar archive";
  if (/^(--|SET |CREATE |COPY |BEGIN)/.test(text)) return "an SQL script";
  if (/^\s*[{[]/.test(text)) return "a JSON file";
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return "a bzip2 file";
  if (head[0] === 0xfd && text.slice(1, 6) === "7zXZ\u0000") return "an xz file";
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return "a zstd file";
  return "not a gzip file";
}

/**
 * Reads and checks the archive at `file` (see readArchiveStream). Refuses, with a message naming
 * the file, a missing, unreadable or empty file, a directory, and anything that is not gzip.
 */
export async function readArchive(file: string, visitor: ArchiveVisitor = {}): Promise<Manifest> {
  const fail = (message: string): never => {
    throw new ArchiveError(`${file} ${message}`);
  };
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) fail("is a directory, not a backup file");
    size = info.size;
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? (error as Error).message})`);
  }
  if (size === 0) fail("is empty (0 bytes): not a backup. Was the backup interrupted, or the disk full?");
  const head = Buffer.alloc(512);
  let headBytes = 0;
  try {
    const handle = await open(file, "r");
    try {
      headBytes = (await handle.read(head, 0, head.length, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  } catch (error) {
    fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (headBytes < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    fail(`is ${sniff(head.subarray(0, headBytes))}, not a backup made by npm run backup (a .tar.gz file)`);
  }
  return readArchiveStream(createReadStream(file), visitor, file);
}
