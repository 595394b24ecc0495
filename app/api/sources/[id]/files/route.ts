import { uploadSourceFile } from "@/lib/api/source-files";

export const dynamic = "force-dynamic";

/** POST /api/sources/:id/files: attach a file to a source (lib/api/source-files.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return uploadSourceFile(request, id);
}
