import "server-only";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { ZipFile } from "yazl";
import { FULL_EXPORT_FILES, fullExport, sourceFileEntries, type FullExportFile } from "@/lib/data/full-export";
import type { Actor } from "@/lib/auth/permissions";
import { currentChainHead } from "@/lib/data/anchors";

export const FULL_EXPORT_FORMAT = "refoulement-watch-full-export";

export type FullExportManifest = {
  format: typeof FULL_EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  exportedBy: string;
  restrictedFields: boolean;
  /** The evidence chain's head when the export began (after its own audit row): docs/decisions/014. */
  chainHead: { seq: string; hash: string };
  files: Record<FullExportFile, { records: number; bytes: number; sha256: string }>;
  /** The files sources were read from (files/…): size and SHA-256 of the bytes as written here. */
  sourceFiles: Record<string, { bytes: number; sha256: string }>;
};

/** One record as one JSON line: history ids are bigints, written as strings. */
const line = (row: Record<string, unknown>) =>
  JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? value.toString() : value)) + "\n";

/**
 * The full export as a ZIP stream: one JSON Lines file per kind of record, then manifest.json with
 * each file's record count, size and SHA-256. The files are written one after another, a batch of
 * rows at a time, waiting whenever the ZIP (and so the download) is behind: memory stays flat
 * however large the database. The digests are known only at the end, so the manifest comes last.
 */
export async function fullExportZip(
  actor: Actor,
  options: { restricted: boolean; ip: string | null; now: Date },
): Promise<Readable> {
  const rowsOf = await fullExport(actor, options);
  const chainHead = await currentChainHead();
  const zip = new ZipFile();
  const mtime = options.now;

  // A download cancelled half-way ends the writer too (its wait for the ZIP to drain fails).
  const output = zip.outputStream as unknown as Readable;
  const cancelled = new AbortController();
  output.on("close", () => cancelled.abort());
  const write = async () => {
    const files = {} as FullExportManifest["files"];
    for (const file of FULL_EXPORT_FILES) {
      const entry = new PassThrough();
      zip.addReadStream(entry, file, { mtime });
      const hash = createHash("sha256");
      let records = 0;
      let bytes = 0;
      for await (const rows of rowsOf(file)) {
        cancelled.signal.throwIfAborted();
        const chunk = Buffer.from(rows.map(line).join(""), "utf8");
        hash.update(chunk);
        records += rows.length;
        bytes += chunk.length;
        if (!entry.write(chunk)) await once(entry, "drain", { signal: cancelled.signal });
      }
      entry.end();
      files[file] = { records, bytes, sha256: hash.digest("hex") };
    }
    // Then the files sources were read from, each as it was uploaded (stored, not recompressed: most
    // are compressed already), one at a time.
    const sourceFiles: FullExportManifest["sourceFiles"] = {};
    for await (const file of sourceFileEntries(actor)) {
      cancelled.signal.throwIfAborted();
      const bytes = Buffer.from(file.bytes);
      sourceFiles[file.path] = { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
      const entry = new PassThrough();
      zip.addReadStream(entry, file.path, { mtime, compress: false });
      if (!entry.write(bytes)) await once(entry, "drain", { signal: cancelled.signal });
      entry.end();
    }
    const manifest: FullExportManifest = {
      format: FULL_EXPORT_FORMAT,
      version: 1,
      exportedAt: options.now.toISOString(),
      exportedBy: actor!.email,
      restrictedFields: options.restricted,
      chainHead,
      files,
      sourceFiles,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8"), "manifest.json", { mtime });
    zip.end();
  };
  // A failure half-way breaks the download (the ZIP is then unreadable) rather than ending it as if whole.
  write().catch((error: unknown) => {
    if (!cancelled.signal.aborted) output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}
