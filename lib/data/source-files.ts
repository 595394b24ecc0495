import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { DataError, notFound } from "@/lib/data/errors";
import { sourceVisibleTo } from "@/lib/data/visibility";
import { writeHistory } from "@/lib/data/history";
import { settings } from "@/lib/env";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import {
  cleanFilename,
  kindOfMediaType,
  MEDIA_TYPES,
  sniffSourceFile,
  type SourceFileKind,
} from "@/lib/evidence/sniff";

const RECORD_ID = /^[a-z0-9]{20,40}$/i;

/** Why an upload was refused; the page shows a message for each (sourceFiles.errors.* in the messages). */
export type UploadRefusal = "empty" | "too-large" | "zip-not-wacz" | "unknown" | "too-many" | "duplicate";

/** The data layer's "rule" refusal for an upload, with its reason for the page's message. */
export class UploadRefused extends DataError {
  readonly reason: UploadRefusal;
  constructor(reason: UploadRefusal, message: string) {
    super("rule", message);
    this.reason = reason;
  }
}

/** The upload limits from the configuration (README "Configuration"). */
export function sourceFileLimits(): { maxBytes: number; maxMegabytes: number; perSource: number } {
  const { RW_SOURCE_FILE_MAX_MB, RW_SOURCE_FILES_PER_SOURCE } = settings();
  return {
    maxBytes: RW_SOURCE_FILE_MAX_MB * 1024 * 1024,
    maxMegabytes: RW_SOURCE_FILE_MAX_MB,
    perSource: RW_SOURCE_FILES_PER_SOURCE,
  };
}

const listSelect = {
  id: true,
  filename: true,
  mediaType: true,
  size: true,
  sha256: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} as const;

/** One stored file as the source page lists it. */
export type SourceFileView = {
  id: string;
  filename: string;
  mediaType: string;
  kind: SourceFileKind | null;
  size: number;
  sha256: string;
  createdAt: Date;
  uploadedBy: string | null;
};

/**
 * The files of a source the actor may see (sourceVisibleTo), oldest first; [] when the source is not
 * visible. Never the bytes.
 */
export async function listSourceFiles(actor: Actor, sourceId: string): Promise<SourceFileView[]> {
  if (!RECORD_ID.test(sourceId)) return [];
  const rows = await db.sourceFile.findMany({
    where: { sourceId, source: sourceVisibleTo(actor) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: listSelect,
  });
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    mediaType: r.mediaType,
    kind: kindOfMediaType(r.mediaType),
    size: r.size,
    sha256: r.sha256,
    createdAt: r.createdAt,
    uploadedBy: r.uploadedBy?.name ?? null,
  }));
}

/**
 * Attaches a file to a source: its kind is read from the bytes (anything but a saved page, web
 * archive, PDF or image is refused), its SHA-256 computed here, and the file row, its bytes and the
 * history row are written in one transaction. Files are never replaced: the same bytes twice on one
 * source are refused, and a new capture is a new file. The database re-checks that the stored bytes
 * match the recorded hash and size, and refuses any later change or deletion.
 */
export async function addSourceFile(
  actor: Actor,
  sourceId: string,
  upload: { filename: string; bytes: Uint8Array },
): Promise<{ id: string; sha256: string; size: number; mediaType: string }> {
  requirePermission(actor, "write:source:any");
  if (!RECORD_ID.test(sourceId)) throw notFound("Source");
  const limits = sourceFileLimits();
  const { bytes } = upload;
  if (bytes.length > limits.maxBytes)
    throw new UploadRefused("too-large", `The file is larger than ${limits.maxMegabytes} MB.`);
  const sniffed = sniffSourceFile(bytes);
  if ("refused" in sniffed)
    throw new UploadRefused(
      sniffed.refused,
      sniffed.refused === "empty"
        ? "The file is empty."
        : sniffed.refused === "zip-not-wacz"
          ? "A ZIP file is accepted only as a WACZ web archive (with a datapackage.json)."
          : "This kind of file is not accepted: attach a saved page (HTML, WACZ or WARC), a PDF, or a PNG, JPEG or WebP image.",
    );
  const mediaType = MEDIA_TYPES[sniffed.kind];
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const filename = cleanFilename(upload.filename);

  return db.$transaction(
    async (tx) => {
      const source = await tx.source.findFirst({
        where: { id: sourceId, ...sourceVisibleTo(actor) },
        select: { id: true },
      });
      if (!source) throw notFound("Source");
      // One upload at a time per source, so two at once cannot both pass the count or the duplicate check.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`source-files:${sourceId}`}, 0))`;
      const [count, same] = await Promise.all([
        tx.sourceFile.count({ where: { sourceId } }),
        tx.sourceFile.findFirst({ where: { sourceId, sha256 }, select: { filename: true } }),
      ]);
      if (same)
        throw new UploadRefused(
          "duplicate",
          `This exact file is already attached to the source (as "${same.filename}").`,
        );
      if (count >= limits.perSource)
        throw new UploadRefused("too-many", `A source can carry at most ${limits.perSource} files.`);
      const file = await tx.sourceFile.create({
        data: { sourceId, filename, mediaType, size: bytes.length, sha256, uploadedById: actor!.id },
        select: { id: true },
      });
      await tx.sourceFileContent.create({ data: { fileId: file.id, bytes: Uint8Array.from(bytes) } });
      await writeHistory(tx, {
        actor,
        entity: "SourceFile",
        entityId: file.id,
        caseId: null,
        action: "CREATE",
        changes: [
          { field: "sourceId", oldValue: null, newValue: sourceId },
          { field: "filename", oldValue: null, newValue: filename },
          { field: "mediaType", oldValue: null, newValue: mediaType },
          { field: "size", oldValue: null, newValue: String(bytes.length) },
          { field: "sha256", oldValue: null, newValue: sha256 },
        ],
      });
      return { id: file.id, sha256, size: bytes.length, mediaType };
    },
    { timeout: 60_000 },
  );
}

/**
 * One file with its bytes, for download, when the actor may see its source; null otherwise (the
 * route answers 404 either way).
 */
export async function getSourceFileForDownload(actor: Actor, sourceId: string, fileId: string) {
  if (!RECORD_ID.test(sourceId) || !RECORD_ID.test(fileId)) return null;
  const file = await db.sourceFile.findFirst({
    where: { id: fileId, sourceId, source: sourceVisibleTo(actor) },
    select: {
      id: true,
      filename: true,
      mediaType: true,
      size: true,
      sha256: true,
      content: { select: { bytes: true } },
    },
  });
  if (!file || !file.content) return null;
  return {
    id: file.id,
    filename: file.filename,
    kind: kindOfMediaType(file.mediaType),
    size: file.size,
    sha256: file.sha256,
    bytes: file.content.bytes,
  };
}
