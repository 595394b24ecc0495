"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState, useTransition } from "react";
import { importJobStatusAction, importSpreadsheetAction } from "@/lib/actions/imports";
import type { ActionState } from "@/lib/actions/action-state";
import type { DryRunSummary, ImportJobView } from "@/lib/data/import-jobs";
import { IMPORT_MATCH_KEYS, IMPORT_TARGETS, mappingFromColumns } from "@/lib/import/mapping";
import type { ImportMappingChoice } from "@/lib/data/import-mappings";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import type { ValueMappings } from "@/lib/import/value-mapping";
import { ValueMappingSection } from "@/components/import/value-mapping";
import { ErrorSummary } from "@/components/ui/error-summary";
import { DataTable } from "@/components/ui/data-table";
import { button, Field, IDLE, input, primaryButton } from "@/components/ui/form-fields";

/** Rows listed per table; the counts above the tables are always complete. */
const SHOWN = 200;
const MB = MAX_IMPORT_BYTES / 1024 / 1024;
const POLL_MS = 700;
const RUNNING = new Set(["CHECKING", "APPLYING"]);

/**
 * The import page. Without an import: a form to upload a file, which the server reads into a new
 * import and opens at /import?job=…. With one: its mapping, the dry run and the apply, which run
 * on the server as jobs; while one runs the page polls its progress, and the page may be closed and
 * the import reopened from the list of recent imports.
 */
export function ImportWizard({
  job: initial,
  mappings = [],
}: {
  job: ImportJobView | null;
  mappings?: ImportMappingChoice[];
}) {
  const t = useTranslations("importPage");
  const [serverState, action, pending] = useActionState(importSpreadsheetAction, IDLE);
  // The action takes the form's data as its payload (as a plain form post would give it).
  const dispatch: (formData: FormData) => void = action;
  const [local, setLocal] = useState<ActionState | null>(null);
  const [, startTransition] = useTransition();
  const state = local ?? serverState;
  const [job, setJob] = useState<ImportJobView | null>(initial);
  const [picked, setPicked] = useState<ImportMappingChoice | null>(null);
  const [seen, setSeen] = useState(serverState);
  // Each answer of the form brings the job as it is now.
  if (seen !== serverState) {
    setSeen(serverState);
    if (serverState.importJob) setJob(serverState.importJob);
  }
  const running = job !== null && RUNNING.has(job.status);
  const jobId = job?.id;
  useEffect(() => {
    if (!running || !jobId) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const form = new FormData();
      form.set("job", jobId);
      const answer = await importJobStatusAction(form).catch(() => null);
      if (!stopped && answer?.importJob) setJob(answer.importJob);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running, jobId]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    const file = formData.get("file");
    if (file instanceof File && file.size > MAX_IMPORT_BYTES) {
      setLocal({
        status: "invalid",
        message: t("tooLarge", { size: (file.size / 1024 / 1024).toFixed(1), mb: MB }),
        errors: { file: t("tooLarge", { size: (file.size / 1024 / 1024).toFixed(1), mb: MB }) },
      });
      return;
    }
    setLocal(null);
    startTransition(() => dispatch(formData));
  };

  if (!job)
    return (
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={t("formLabel")}
        className="space-y-6 rounded border border-stone-300 bg-white p-4"
      >
        <ErrorSummary state={state} label={t("statusLabel")} />
        <Field id="" name="file" label={t("file")} hint={t("fileHint", { mb: MB })} state={state}>
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={input}
              onChange={() => setLocal(null)}
            />
          )}
        </Field>
        <button type="submit" name="intent" value="read" disabled={pending} className={button}>
          {t("read")}
        </button>
      </form>
    );

  const { preview, dryRun, result } = job;
  const mappable = job.status !== "APPLYING" && job.status !== "APPLIED";
  // The value mappings the next dry run starts from: the job's, with a picked saved mapping's on top.
  const values: ValueMappings = {
    status: { ...job.values?.status, ...picked?.values?.status },
    place: { ...job.values?.place, ...picked?.values?.place },
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("formLabel")}
      className="space-y-6 rounded border border-stone-300 bg-white p-4"
    >
      <input type="hidden" name="job" value={job.id} />
      {mappable && <input type="hidden" name="values-json" value={JSON.stringify(values)} />}
      <ErrorSummary state={state} label={t("stepStatusLabel")} />
      <JobStatus job={job} />

      {job.status === "APPLIED" && result && (
        <section aria-labelledby="import-result" className="space-y-3 rounded border border-green-700 bg-green-50 p-4">
          <h2 id="import-result" className="text-lg font-semibold">
            {t("resultHeading")}
          </h2>
          <p className="flex flex-wrap gap-4">
            <Link href="/timeline?data=all" className="underline">
              {t("timeline")}
            </Link>
            <Link href="/import" className="underline">
              {t("another")}
            </Link>
          </p>
          <div className="overflow-x-auto">
            <DataTable caption={t("resultCaption")} columns={[t("row"), t("code")]}>
              <tbody>
                {result.cases.map((c) => (
                  <tr key={c.code} className="border-t border-stone-200">
                    <td className="p-2">{c.line}</td>
                    <td className="p-2">
                      <Link href={`/cases/${c.code}`} className="font-mono underline">
                        {c.code}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
          {result.created + result.updated > result.cases.length && (
            <p className="text-sm">{t("more", { count: result.created + result.updated - result.cases.length })}</p>
          )}
        </section>
      )}

      {mappable && (
        <section aria-labelledby="mapping-heading" className="space-y-3">
          <h2 id="mapping-heading" className="text-lg font-semibold">
            {t("mappingHeading")}
          </h2>
          <p className="text-sm text-stone-700">{t("mappingHint")}</p>
          <p className="text-sm text-stone-700">
            {t("encoding", {
              format: preview.format.toUpperCase(),
              encoding: preview.encoding,
              rows: preview.rowCount,
            })}
            {preview.formulaCells > 0 && <> {t("formulas", { count: preview.formulaCells })}</>}
          </p>
          {mappings.length > 0 && (
            <div className="space-y-1">
              <label htmlFor="saved-mapping" className="block text-sm font-medium">
                {t("useSaved")}
              </label>
              <p id="saved-mapping-hint" className="text-xs text-stone-700">
                {t("useSavedHint")}
              </p>
              <select
                id="saved-mapping"
                aria-describedby="saved-mapping-hint"
                value={picked?.id ?? ""}
                onChange={(e) => setPicked(mappings.find((m) => m.id === e.target.value) ?? null)}
                className={input}
              >
                <option value="">{t("noSaved")}</option>
                {mappings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.kind === "preset"
                      ? `${m.name} ${t("presetSuffix")}`
                      : m.createdBy
                        ? t("savedBy", { name: m.name, by: m.createdBy })
                        : m.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="overflow-x-auto" key={picked?.id ?? "own"}>
            <DataTable caption={t("mappingCaption")} columns={[t("column"), t("examples"), t("mapsTo")]}>
              <tbody>
                {preview.headers.map((header, i) => (
                  <tr key={`${preview.sha256}-${i}`} className="border-t border-stone-200 align-top">
                    <th scope="row" className="p-2 text-left font-medium">
                      {header}
                    </th>
                    <td className="max-w-xs p-2 text-xs text-stone-700">
                      {preview.samples
                        .map((row) => row[i])
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                    <td className="p-2">
                      <select
                        name={`column-${i}`}
                        aria-label={t("mapsToLabel", { header })}
                        defaultValue={
                          picked
                            ? mappingFromColumns(preview.headers, picked.columns)[i]
                            : (job.mapping?.[i] ?? preview.guess[i])
                        }
                        className={input}
                      >
                        {IMPORT_TARGETS.map((target) => (
                          <option key={target} value={target}>
                            {t(`targets.${target}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
          <Field id="" name="matchBy" label={t("matchBy")} hint={t("matchByHint")} state={state}>
            {(aria) => (
              <select {...aria} defaultValue={job.matchBy} className={input}>
                {IMPORT_MATCH_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {t(`matchByOptions.${key}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="flex flex-wrap items-end gap-2">
            <Field id="" name="mappingName" label={t("saveAs")} hint={t("saveAsHint")} state={state}>
              {(aria) => <input {...aria} type="text" maxLength={100} className={input} />}
            </Field>
            <button type="submit" name="intent" value="save-mapping" disabled={pending} className={button}>
              {t("save")}
            </button>
          </div>
          <button type="submit" name="intent" value="dry-run" disabled={pending || running} className={button}>
            {t("dryRun")}
          </button>
        </section>
      )}

      {dryRun && (job.status === "CHECKED" || job.status === "APPLYING") && (
        <DryRunView dryRun={dryRun} values={values} pending={pending || running} />
      )}
    </form>
  );
}

/** The import's state in words, with its progress while a job runs. */
function JobStatus({ job }: { job: ImportJobView }) {
  const t = useTranslations("importPage");
  const counts = job.dryRun?.counts;
  const message = {
    READ: t("statusRead", { rows: job.rowsTotal, columns: job.preview.headers.length, file: job.fileName }),
    CHECKING: t("statusChecking", { checked: job.rowsChecked, total: job.rowsTotal }),
    CHECKED: t("statusChecked", {
      creates: counts?.creates ?? 0,
      updates: counts?.updates ?? 0,
      refused: counts?.refused ?? 0,
      duplicates: counts?.duplicates ?? 0,
    }),
    APPLYING: t("statusApplying", { written: job.rowsWritten, total: job.rowsTotal }),
    APPLIED: t("statusApplied", {
      file: job.fileName,
      created: job.result?.created ?? 0,
      updated: job.result?.updated ?? 0,
      unchanged: job.result?.unchanged ?? 0,
      refused: job.result?.refused ?? 0,
    }),
    FAILED: t("statusFailed", { error: job.error ?? "" }),
  }[job.status];
  const total = Math.max(1, job.rowsTotal);
  const done = job.status === "APPLYING" ? job.rowsWritten : job.status === "CHECKING" ? job.rowsChecked : total;
  return (
    <div className="space-y-2">
      <p
        role={job.status === "FAILED" ? "alert" : "status"}
        aria-label={t("statusLabel")}
        className={`rounded px-2 py-1 text-sm ${job.status === "FAILED" ? "border border-red-600 bg-red-50 text-red-900" : "bg-stone-50"}`}
      >
        {message}
      </p>
      <progress
        aria-label={t("progressLabel")}
        max={total}
        value={Math.min(done, total)}
        className="h-2 w-full max-w-md"
      />
      <p className="text-xs text-stone-700" data-testid="job-progress">
        {t("progress", {
          read: job.rowsRead,
          checked: job.rowsChecked,
          written: job.rowsWritten,
          total: job.rowsTotal,
        })}
      </p>
    </div>
  );
}

function DryRunView({ dryRun, values, pending }: { dryRun: DryRunSummary; values: ValueMappings; pending: boolean }) {
  const t = useTranslations("importPage");
  const { counts } = dryRun;
  const accepted = counts.creates + counts.updates;
  return (
    <section aria-labelledby="dry-run-heading" className="space-y-4" data-testid="dry-run">
      <h2 id="dry-run-heading" className="text-lg font-semibold">
        {t("dryRunHeading")}
      </h2>
      <ul className="list-disc pl-5 text-sm" aria-label={t("dryRunHeading")}>
        <li data-testid="count-creates">{t("creates", { count: counts.creates })}</li>
        <li data-testid="count-updates">{t("updates", { count: counts.updates })}</li>
        <li data-testid="count-refused">{t("refused", { count: counts.refused })}</li>
        <li data-testid="count-duplicates">{t("duplicates", { count: counts.duplicates })}</li>
      </ul>

      {counts.refused > 0 && (
        <section aria-labelledby="refused-heading" className="space-y-2">
          <h3 id="refused-heading" className="font-semibold">
            {t("refusedHeading")}
          </h3>
          <div className="overflow-x-auto">
            <DataTable caption={t("refusedCaption")} columns={[t("row"), t("reasons")]} testId="refused-rows">
              <tbody>
                {dryRun.refused.slice(0, SHOWN).map((r) => (
                  <tr key={r.line} className="border-t border-stone-200 align-top">
                    <td className="p-2">{r.line}</td>
                    <td className="p-2">
                      <ul>
                        {r.problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
          {counts.refused > dryRun.refused.length && (
            <p className="text-sm">{t("more", { count: counts.refused - dryRun.refused.length })}</p>
          )}
        </section>
      )}

      {dryRun.unmatched && (
        <div key={JSON.stringify(values)}>
          <ValueMappingSection unmatched={dryRun.unmatched} values={values} pending={pending} />
        </div>
      )}

      {counts.duplicates > 0 && (
        <section aria-labelledby="duplicates-heading" className="space-y-2">
          <h3 id="duplicates-heading" className="font-semibold">
            {t("duplicatesHeading")}
          </h3>
          <p className="text-sm text-stone-700">{t("duplicatesHint")}</p>
          <div className="overflow-x-auto">
            <DataTable
              caption={t("duplicatesCaption")}
              columns={[t("row"), t("caseTitle"), t("mayBe")]}
              testId="duplicate-rows"
            >
              <tbody>
                {dryRun.duplicates.slice(0, SHOWN).map((d) => (
                  <tr key={d.line} className="border-t border-stone-200 align-top">
                    <td className="p-2">{d.line}</td>
                    <td className="p-2">{d.title}</td>
                    <td className="p-2">
                      <ul>
                        {d.matches.map((m) => (
                          <li key={m.code}>
                            <Link href={`/cases/${m.code}`} className="font-mono underline">
                              {m.code}
                            </Link>{" "}
                            {m.title}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        </section>
      )}

      {counts.updates > 0 && (
        <section aria-labelledby="updates-heading" className="space-y-2">
          <h3 id="updates-heading" className="font-semibold">
            {t("updatesHeading")}
          </h3>
          <div className="overflow-x-auto">
            <DataTable caption={t("updatesCaption")} columns={[t("row"), t("code"), t("changes")]}>
              <tbody>
                {dryRun.updates.slice(0, SHOWN).map((u) => (
                  <tr key={u.line} className="border-t border-stone-200 align-top">
                    <td className="p-2">{u.line}</td>
                    <td className="p-2">
                      <Link href={`/cases/${u.code}`} className="font-mono underline">
                        {u.code}
                      </Link>
                    </td>
                    <td className="p-2">{u.fields.length > 0 ? u.fields.join(", ") : t("noChange")}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        </section>
      )}

      {counts.creates > 0 && (
        <details className="space-y-2">
          <summary className="cursor-pointer font-semibold">{t("createsHeading")}</summary>
          <div className="overflow-x-auto">
            <DataTable caption={t("createsCaption")} columns={[t("row"), t("caseTitle"), t("code")]}>
              <tbody>
                {dryRun.creates.slice(0, SHOWN).map((c) => (
                  <tr key={c.line} className="border-t border-stone-200 align-top">
                    <td className="p-2">{c.line}</td>
                    <td className="p-2">{c.title}</td>
                    <td className="p-2 font-mono">{c.code ?? t("newCode")}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        </details>
      )}

      <p className="text-sm text-stone-700">{t("applyHint", { count: accepted })}</p>
      <button type="submit" name="intent" value="apply" disabled={pending || accepted === 0} className={primaryButton}>
        {t("apply")}
      </button>
    </section>
  );
}
