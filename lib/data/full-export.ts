import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/data/audit";
import { decryptField, EncryptionError, keyringFromEnv, type EncryptedColumn } from "@/lib/crypto/encryption";
import { requirePermission, visibleCaseLevels, type Actor } from "@/lib/auth/permissions";
import { downloadFilename, kindOfMediaType } from "@/lib/evidence/sniff";

/** Rows read per query: memory holds one batch of one table at a time. */
const BATCH = 500;

/** The files of a full export, in the order they are written. */
export const FULL_EXPORT_FILES = [
  "cases.jsonl",
  "events.jsonl",
  "people.jsonl",
  "sources.jsonl",
  "source-files.jsonl",
  "claims.jsonl",
  "contacts.jsonl",
  "advocacy.jsonl",
  "annotations.jsonl",
  "vocabularies.jsonl",
  "history.jsonl",
] as const;
export type FullExportFile = (typeof FULL_EXPORT_FILES)[number];

type Row = Record<string, unknown>;
type Page = (after: string | bigint | null) => Promise<Row[]>;

/** Reads a table in id order, BATCH rows at a time (keyset paging, so no page is read twice). */
async function* pages(read: Page): AsyncGenerator<Row[]> {
  let after: string | bigint | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id as string | bigint;
  }
}

/** Keyset paging on a text id: the next BATCH rows after `after`, with `where` added. */
function page<W extends object>(after: string | bigint | null, where?: W) {
  return {
    take: BATCH,
    orderBy: { id: "asc" as const },
    where: { ...(after === null ? {} : { id: { gt: String(after) } }), ...where } as W & { id?: { gt: string } },
  };
}

/**
 * A restricted field in the clear. One the current keys cannot open (its key was dropped) must not
 * end an export of everything else, nor vanish from it: it is written as it is stored, with why.
 */
const open = (column: EncryptedColumn, stored: string | null) => {
  if (stored === null) return null;
  try {
    return decryptField(keyringFromEnv(), column, stored);
  } catch (error) {
    if (!(error instanceof EncryptionError)) throw error;
    return { notDecrypted: error.message, ciphertext: stored };
  }
};

/**
 * Every record an admin may see, table by table, as plain objects: cases (archived ones too, with
 * their deletedAt), their events, people, the sources with their full text and SHA-256, claims,
 * advocacy contacts and actions, annotations, and the complete history. Restricted fields (people's
 * identities, contacts' details) are decrypted only when `restricted` is asked for; otherwise they
 * are left out entirely (not even as ciphertext). The request, and whether it asked for restricted
 * fields, is in the audit log before the first record is read.
 */
export async function fullExport(
  actor: Actor,
  options: { restricted: boolean; ip: string | null },
): Promise<(file: FullExportFile) => AsyncGenerator<Row[]>> {
  requirePermission(actor, "export:all:any");
  // An admin sees every level; the check stays so a change of roles cannot widen this silently.
  const levels = visibleCaseLevels(actor);
  const ofCase = { case: { visibility: { in: levels } } };
  await recordAuditEvent({
    kind: options.restricted ? "full-export-restricted" : "full-export",
    success: true,
    actorId: actor!.id,
    actorEmail: actor!.email,
    ip: options.ip,
    detail: { restrictedFields: options.restricted },
  });
  const restricted = options.restricted;

  const tables: Record<FullExportFile, Page> = {
    "cases.jsonl": (after) => db.case.findMany(page(after, { visibility: { in: levels } })),
    "events.jsonl": (after) =>
      db.caseEvent.findMany({
        ...page(after, ofCase),
        include: { people: { select: { id: true }, orderBy: { id: "asc" } } },
      }),
    "people.jsonl": async (after) => {
      const rows = await db.person.findMany(page(after, ofCase));
      return rows.map(({ realNameEnc, realNameAltEnc, contactDetailsEnc, exactAddressEnc, ...p }) =>
        restricted
          ? {
              ...p,
              realName: open("Person.realNameEnc", realNameEnc),
              realNameAlt: open("Person.realNameAltEnc", realNameAltEnc),
              contactDetails: open("Person.contactDetailsEnc", contactDetailsEnc),
              exactAddress: open("Person.exactAddressEnc", exactAddressEnc),
            }
          : p,
      );
    },
    "sources.jsonl": (after) => db.source.findMany(page(after)),
    // The files' bytes follow as files/… entries (sourceFileEntries); each row names its entry.
    "source-files.jsonl": async (after) =>
      (await db.sourceFile.findMany(page(after))).map((f) => ({ ...f, path: sourceFilePath(f) })),
    "claims.jsonl": (after) => db.sourceClaim.findMany(page(after, ofCase)),
    "contacts.jsonl": async (after) => {
      const rows = await db.contact.findMany(page(after));
      return rows.map(({ contactDetailsEnc, ...c }) =>
        restricted ? { ...c, contactDetails: open("Contact.contactDetailsEnc", contactDetailsEnc) } : c,
      );
    },
    "advocacy.jsonl": (after) => db.advocacyAction.findMany(page(after, ofCase)),
    "annotations.jsonl": (after) => db.annotation.findMany(page(after, ofCase)),
    // The terms events' research fields point at (retired and merged ones too), so the ids can be read.
    "vocabularies.jsonl": (after) => db.vocabularyTerm.findMany(page(after)),
    "history.jsonl": (after) =>
      db.recordChange.findMany({
        take: BATCH,
        orderBy: { id: "asc" },
        where: after === null ? {} : { id: { gt: BigInt(after) } },
        include: { user: { select: { name: true, email: true } } },
      }),
  };

  return (file) => pages(tables[file]);
}

/** Where a source file's bytes are in the full export: files/<sourceId>/<fileId>/<name as downloaded>. */
export function sourceFilePath(f: { id: string; sourceId: string; filename: string; mediaType: string }): string {
  const kind = kindOfMediaType(f.mediaType);
  const name = (kind ? downloadFilename(f.filename, kind) : f.filename).replace(/[\\/]/g, "_");
  return `files/${f.sourceId}/${f.id}/${name}`;
}

/**
 * The bytes of every source file, one file at a time (memory holds one file), for the full export's
 * files/ entries, with the SHA-256 recorded at upload.
 */
export async function* sourceFileEntries(
  actor: Actor,
): AsyncGenerator<{ path: string; sha256: string; bytes: Uint8Array }> {
  requirePermission(actor, "export:all:any");
  for await (const rows of pages((after) =>
    db.sourceFile.findMany({
      ...page(after),
      select: { id: true, sourceId: true, filename: true, mediaType: true, sha256: true },
    }),
  )) {
    for (const row of rows) {
      const f = row as { id: string; sourceId: string; filename: string; mediaType: string; sha256: string };
      const content = await db.sourceFileContent.findUnique({ where: { fileId: f.id }, select: { bytes: true } });
      if (content) yield { path: sourceFilePath(f), sha256: f.sha256, bytes: content.bytes };
    }
  }
}
