/**
 * Recomputes the SHA-256 of every stored source file, for `npm run verify` (issue 17). Plain SQL over
 * the same `Query` the other checks use, and no "server-only" import: the command-line script runs it.
 */
import { createHash } from "node:crypto";
import type { Query } from "@/lib/evidence/anchor";

/** Files read per query (metadata only; bytes are read one file at a time). */
const BATCH = 200;

export type SourceFilesCheck = { label: "files"; count: number; firstMismatch?: string };

/**
 * Checks every source file, oldest first: its bytes are present, hash to the SHA-256 recorded on the
 * file and have its size, and that hash is the one the history recorded at upload (so rewriting the
 * bytes and the file row together is caught too, as far as the history is intact). Stops at the
 * first mismatch and names its source and file. Memory holds one file's bytes at a time.
 */
export async function verifySourceFiles(query: Query): Promise<SourceFilesCheck> {
  const recorded = new Map<string, string | null>();
  for (const r of await query<{ entityId: string; newValue: string | null }>(
    `SELECT "entityId", "newValue" FROM "RecordChange"
     WHERE "entity" = 'SourceFile' AND "field" = 'sha256' AND "action" = 'CREATE' ORDER BY "id"`,
  ))
    if (!recorded.has(r.entityId)) recorded.set(r.entityId, r.newValue);

  let count = 0;
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    type FileRow = { id: string; sourceId: string; filename: string; size: number; sha256: string; createdAt: Date };
    const files: FileRow[] = await query<FileRow>(
      `SELECT "id", "sourceId", "filename", "size", "sha256", "createdAt" FROM "SourceFile"
       WHERE $1::timestamp IS NULL OR ("createdAt", "id") > ($1::timestamp, $2::text)
       ORDER BY "createdAt", "id" LIMIT ${BATCH}`,
      [cursor?.createdAt ?? null, cursor?.id ?? ""],
    );
    for (const file of files) {
      const name = `source ${file.sourceId}, file ${file.id} (${JSON.stringify(file.filename)})`;
      const [content] = await query<{ bytes: Uint8Array }>(
        `SELECT "bytes" FROM "SourceFileContent" WHERE "fileId" = $1`,
        [file.id],
      );
      const fail = (problem: string): SourceFilesCheck => ({
        label: "files",
        count,
        firstMismatch: `${name}: ${problem}`,
      });
      if (!content) return fail("its bytes are missing");
      const actual = createHash("sha256").update(content.bytes).digest("hex");
      if (actual !== file.sha256) return fail(`the stored bytes hash to ${actual}, the file records ${file.sha256}`);
      if (content.bytes.length !== Number(file.size))
        return fail(`${content.bytes.length} bytes stored, the file records ${file.size}`);
      const atUpload = recorded.get(file.id);
      if (atUpload === undefined) return fail("no history row records its upload");
      if (atUpload !== file.sha256)
        return fail(`the file records ${file.sha256}, the history recorded ${atUpload} at upload`);
      count++;
    }
    if (files.length < BATCH) return { label: "files", count };
    cursor = files[files.length - 1];
  }
}
