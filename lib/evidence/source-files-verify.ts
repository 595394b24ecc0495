/**
 * Recomputes the SHA-256 of every stored source file, for `npm run verify` (issue 17). No
 * "server-only" import: scripts call it with their own client.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/create";

/** Files read per query (metadata only; bytes are read one file at a time). */
const BATCH = 200;

export type SourceFilesCheck = { label: "files"; count: number; firstMismatch?: string };

/**
 * Checks every source file, oldest first: its bytes are present, hash to the SHA-256 recorded on the
 * file and have its size, and that hash is the one the history recorded at upload (so rewriting the
 * bytes and the file row together is caught too, as far as the history is intact). Stops at the
 * first mismatch and names its source and file. Memory holds one file's bytes at a time.
 */
export async function verifySourceFiles(
  client: Pick<Db, "sourceFile" | "sourceFileContent" | "recordChange">,
): Promise<SourceFilesCheck> {
  const recorded = new Map<string, string | null>();
  for (let after: bigint | null = null; ;) {
    const rows: { id: bigint; entityId: string; newValue: string | null }[] = await client.recordChange.findMany({
      where: {
        entity: "SourceFile",
        field: "sha256",
        action: "CREATE",
        ...(after === null ? {} : { id: { gt: after } }),
      },
      orderBy: { id: "asc" },
      take: 5000,
      select: { id: true, entityId: true, newValue: true },
    });
    for (const r of rows) if (!recorded.has(r.entityId)) recorded.set(r.entityId, r.newValue);
    if (rows.length < 5000) break;
    after = rows[rows.length - 1].id;
  }

  let count = 0;
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const files: { id: string; sourceId: string; filename: string; size: number; sha256: string; createdAt: Date }[] =
      await client.sourceFile.findMany({
        where: cursor
          ? {
              OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }],
            }
          : {},
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: BATCH,
        select: { id: true, sourceId: true, filename: true, size: true, sha256: true, createdAt: true },
      });
    for (const file of files) {
      const name = `source ${file.sourceId}, file ${file.id} (${JSON.stringify(file.filename)})`;
      const content = await client.sourceFileContent.findUnique({
        where: { fileId: file.id },
        select: { bytes: true },
      });
      if (!content) return { label: "files", count, firstMismatch: `${name}: its bytes are missing` };
      const actual = createHash("sha256").update(content.bytes).digest("hex");
      if (actual !== file.sha256)
        return {
          label: "files",
          count,
          firstMismatch: `${name}: the stored bytes hash to ${actual}, the file records ${file.sha256}`,
        };
      if (content.bytes.length !== file.size)
        return {
          label: "files",
          count,
          firstMismatch: `${name}: ${content.bytes.length} bytes stored, the file records ${file.size}`,
        };
      const atUpload = recorded.get(file.id);
      if (atUpload !== undefined && atUpload !== file.sha256)
        return {
          label: "files",
          count,
          firstMismatch: `${name}: the file records ${file.sha256}, the history recorded ${atUpload} at upload`,
        };
      if (atUpload === undefined)
        return { label: "files", count, firstMismatch: `${name}: no history row records its upload` };
      count++;
    }
    if (files.length < BATCH) return { label: "files", count };
    cursor = files[files.length - 1];
  }
}
