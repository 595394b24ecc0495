import { getTranslations } from "next-intl/server";
import type { SourceFileView } from "@/lib/data/source-files";
import { formatBytes } from "@/lib/format/bytes";
import { CopyHashButton } from "@/components/sources/source-file-upload";

/** The files a source was read from, each with its type, size, SHA-256, capture date and a download link. */
export async function SourceFileList({ sourceId, files }: { sourceId: string; files: SourceFileView[] }) {
  const t = await getTranslations("sourceFiles");
  if (files.length === 0) return <p className="text-stone-700">{t("none")}</p>;
  return (
    <ul className="mt-2 space-y-3" aria-label={t("listLabel")}>
      {files.map((f) => (
        <li key={f.id} className="rounded border border-stone-300 bg-white p-3 text-sm" data-testid="source-file">
          <p className="break-words font-medium" data-testid="source-file-name">
            {f.filename}
          </p>
          <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="font-medium">{t("type")}</dt>
            <dd>{f.kind ? t(`kinds.${f.kind}`) : f.mediaType}</dd>
            <dt className="font-medium">{t("size")}</dt>
            <dd>
              {formatBytes(f.size)} <span className="text-stone-600">({t("bytes", { count: f.size })})</span>
            </dd>
            <dt className="font-medium">SHA-256</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <code className="select-all break-all font-mono text-xs" data-testid="source-file-sha256">
                {f.sha256}
              </code>
              <CopyHashButton value={f.sha256} label={t("copyLabel", { name: f.filename })} />
            </dd>
            <dt className="font-medium">{t("captured")}</dt>
            <dd>
              <time dateTime={f.createdAt.toISOString()}>
                {f.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>
              {f.uploadedBy ? ` · ${t("by", { name: f.uploadedBy })}` : ""}
            </dd>
          </dl>
          <p className="mt-2">
            <a
              href={`/api/sources/${sourceId}/files/${f.id}`}
              className="underline"
              download
              aria-label={t("downloadLabel", { name: f.filename })}
            >
              {t("download")}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
