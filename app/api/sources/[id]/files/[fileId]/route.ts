import { downloadSourceFile } from "@/lib/api/source-files";

export const dynamic = "force-dynamic";

/** GET /api/sources/:id/files/:fileId: download one file of a source (lib/api/source-files.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  return downloadSourceFile(request, id, fileId);
}
