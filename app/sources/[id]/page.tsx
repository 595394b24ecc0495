import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { getSourceForActor } from "@/lib/data/sources";
import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/display";
import { can } from "@/lib/auth/permissions";
import { listSourceFiles, sourceFileLimits } from "@/lib/data/source-files";
import type { ActionState } from "@/lib/actions/action-state";
import { SourceFileList } from "@/components/sources/source-file-list";
import { SourceFileUploadForm } from "@/components/sources/source-file-upload";

/** Outcomes the upload route sends the browser back with (`?upload=`), and the message key of each. */
const UPLOAD_OUTCOMES = [
  "ok",
  "no-file",
  "origin",
  "forbidden",
  "not-found",
  "empty",
  "too-large",
  "zip-not-wacz",
  "unknown",
  "too-many",
  "duplicate",
] as const;

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Source" };

export default async function SourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const tEnums = await getTranslations("enums");
  const tFiles = await getTranslations("sourceFiles");
  const { id } = await params;
  const actor = await getActor();
  const source = await getSourceForActor(actor, id);
  if (!source) notFound();
  const files = await listSourceFiles(actor, source.id);
  const limits = sourceFileLimits();
  const requested = (await searchParams).upload;
  const outcome = (UPLOAD_OUTCOMES as readonly string[]).find((o) => o === requested);
  const uploadState: ActionState = !outcome
    ? { status: "idle" }
    : outcome === "ok"
      ? { status: "ok", message: tFiles("outcomes.ok") }
      : {
          status: "invalid",
          message: tFiles(`outcomes.${outcome}`, { maxMegabytes: limits.maxMegabytes, perSource: limits.perSource }),
          errors: {
            file: tFiles(`outcomes.${outcome}`, { maxMegabytes: limits.maxMegabytes, perSource: limits.perSource }),
          },
        };
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm text-stone-600">Source</p>
        <h1 className="text-2xl font-semibold" lang={source.language}>
          {source.title}
        </h1>
        <p>
          {source.outlet}
          {source.author ? `, by ${source.author}` : ""} — published {formatDay(source.publishedAt)}
        </p>
        {source.url && (
          <p className="break-all text-sm">
            <a href={source.url} className="underline" rel="noreferrer noopener">
              {source.url}
            </a>
          </p>
        )}
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
          <dt className="font-medium">Captured</dt>
          <dd>{formatDay(source.retrievedAt)}</dd>
          <dt className="font-medium">Language</dt>
          <dd>{source.language}</dd>
          <dt className="font-medium">Reliability</dt>
          <dd>{tEnums(`Reliability.${source.reliability}`)}</dd>
          <dt className="font-medium">SHA-256</dt>
          <dd className="break-all font-mono text-xs" data-testid="source-sha256">
            {source.sha256}
          </dd>
        </dl>
      </header>
      <section aria-labelledby="quoted">
        <h2 id="quoted" className="text-lg font-semibold">
          Passages quoted in cases
        </h2>
        {source.claims.length === 0 ? (
          <p className="text-stone-700">No passages of this source are quoted in cases you can see.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {source.claims.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.case.code}`} className="font-mono underline">
                  {c.case.code}
                </Link>
                {c.field ? ` · ${c.field}${c.value ? ` = ${c.value}` : ""}` : ` · ${tEnums(`ClaimTarget.${c.target}`)}`}
                :{" "}
                <q className="italic" lang={source.language}>
                  {c.quote}
                </q>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="files">
        <h2 id="files" className="text-lg font-semibold">
          {tFiles("heading")}
        </h2>
        <p className="text-xs text-stone-600">{tFiles("intro")}</p>
        <SourceFileList sourceId={source.id} files={files} />
        {can(actor, "write:source:any") && (
          <SourceFileUploadForm
            sourceId={source.id}
            maxMegabytes={limits.maxMegabytes}
            perSource={limits.perSource}
            state={uploadState}
          />
        )}
      </section>
      <section aria-labelledby="captured">
        <h2 id="captured" className="text-lg font-semibold">
          Captured text
        </h2>
        <p className="text-xs text-stone-600">
          Exactly as read at capture; its SHA-256 is shown above. It is never changed: a corrected copy is a new
          capture.
        </p>
        <pre
          lang={source.language}
          className="mt-2 whitespace-pre-wrap rounded border border-stone-300 bg-white p-4 font-sans text-sm"
        >
          {source.text}
        </pre>
      </section>
    </article>
  );
}
