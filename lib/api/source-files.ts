import "server-only";
import { apiActor } from "@/lib/api/actor";
import { can } from "@/lib/auth/permissions";
import { isDataError } from "@/lib/data/errors";
import {
  addSourceFile,
  getSourceFileForDownload,
  sourceFileLimits,
  UploadRefused,
  type UploadRefusal,
} from "@/lib/data/source-files";
import { attachmentDisposition, downloadFilename, servedContentType } from "@/lib/evidence/sniff";
import { createHash } from "node:crypto";

/** Room for the multipart envelope (boundaries, part headers, the file name) around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/** The outcome of an upload, as the source page names it (`?upload=…`) and as the status says it. */
export type UploadOutcome = "ok" | "no-file" | "origin" | "forbidden" | "not-found" | UploadRefusal;

const STATUS: Record<UploadOutcome, number> = {
  ok: 201,
  "no-file": 400,
  origin: 403,
  forbidden: 403,
  "not-found": 404,
  empty: 400,
  "too-large": 413,
  "zip-not-wacz": 415,
  unknown: 415,
  "too-many": 409,
  duplicate: 409,
};

/**
 * Same-origin check for a cookie-authenticated POST, as Next.js makes for server actions: the
 * browser's Origin must name this host (X-Forwarded-Host only reaches here from a trusted proxy;
 * scripts/serve.ts drops it from anyone else). A missing or opaque ("null") Origin is refused.
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return !!expected && host === expected;
}

/** The body, read up to `limit` bytes; null when it is longer (the rest is not read). */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * POST /api/sources/:id/files (multipart/form-data, one field `file`): attaches a file to a source
 * (editors and up, on a source they may see). A route handler, not a server action, because pages'
 * requests pass the proxy, which buffers at most 10 MB of a body, and server actions have their own
 * body limit; /api is outside the proxy. Cookie-authenticated calls must come from this origin (a
 * bearer token is not sent by browsers on their own, so it needs no such check).
 *
 * A browser's form post (Sec-Fetch-Mode: navigate) is sent back to the source page with the outcome
 * in `?upload=`; other callers get the status and a JSON body.
 */
export async function uploadSourceFile(request: Request, sourceId: string): Promise<Response> {
  const browser = request.headers.get("sec-fetch-mode") === "navigate";
  const answer = (outcome: UploadOutcome, extra: Record<string, unknown> = {}, message?: string): Response => {
    if (browser) {
      const to = `/sources/${encodeURIComponent(sourceId)}?upload=${outcome}#files`;
      return new Response(null, { status: 303, headers: { Location: to, "Cache-Control": "no-store" } });
    }
    return Response.json(outcome === "ok" ? { ...extra } : { error: { code: outcome, message: message ?? outcome } }, {
      status: STATUS[outcome],
      headers: { "Cache-Control": "no-store" },
    });
  };

  const bearer = request.headers.has("authorization");
  if (!bearer && !sameOrigin(request)) return answer("origin", {}, "Cross-site uploads are refused.");
  const who = await apiActor(request);
  if ("refused" in who) return who.refused;
  if (!who.actor) {
    if (browser) {
      const back = `/sources/${encodeURIComponent(sourceId)}`;
      return new Response(null, {
        status: 303,
        headers: { Location: `/login?callbackUrl=${encodeURIComponent(back)}` },
      });
    }
    return Response.json({ error: { code: "not-signed-in", message: "Sign in to attach files." } }, { status: 401 });
  }
  // Refused before the body is read: a role that may not upload costs nothing.
  if (!can(who.actor, "write:source:any")) return answer("forbidden", {}, "Your role does not allow this.");

  const limits = sourceFileLimits();
  const body = await readBody(request, limits.maxBytes + ENVELOPE_BYTES);
  if (!body) return answer("too-large", {}, `The file is larger than ${limits.maxMegabytes} MB.`);
  let file: File | null = null;
  try {
    const form = await new Response(body, {
      headers: { "Content-Type": request.headers.get("content-type") ?? "" },
    }).formData();
    const value = form.get("file");
    file = value instanceof File ? value : null;
  } catch {
    file = null;
  }
  if (!file || (file.size === 0 && file.name === "")) return answer("no-file", {}, "Choose a file to attach.");

  try {
    const saved = await addSourceFile(who.actor, sourceId, {
      filename: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return answer("ok", saved);
  } catch (error) {
    if (error instanceof UploadRefused) return answer(error.reason, {}, error.message);
    if (isDataError(error, "not-found")) return answer("not-found", {}, "Source not found.");
    if (isDataError(error, "forbidden")) return answer("forbidden", {}, "Your role does not allow this.");
    throw error;
  }
}

/**
 * GET /api/sources/:id/files/:fileId: the file's bytes, for those who may see the source (404 for
 * everyone else, as for the source page). Always a download, never shown in the browser: attachment
 * with a sanitised name, opaque bytes for anything but PDFs and images, no sniffing, and a sandbox
 * policy in case a browser renders it anyway. Repr-Digest (RFC 9530) carries the SHA-256 of the bytes
 * sent, the same one the source page shows.
 */
export async function downloadSourceFile(request: Request, sourceId: string, fileId: string): Promise<Response> {
  const who = await apiActor(request);
  if ("refused" in who) return who.refused;
  const file = await getSourceFileForDownload(who.actor, sourceId, fileId);
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const bytes = Buffer.from(file.bytes);
  const digest = createHash("sha256").update(bytes).digest("base64");
  const name = file.kind ? downloadFilename(file.filename, file.kind) : file.filename;
  return new Response(bytes, {
    headers: {
      "Content-Type": servedContentType(file.kind),
      "Content-Length": String(bytes.length),
      "Content-Disposition": attachmentDisposition(name),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-store",
      "Repr-Digest": `sha-256=:${digest}:`,
      "X-Content-SHA256": file.sha256,
    },
  });
}
