"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { importSpreadsheetAction } from "@/lib/actions/imports";
import type { ActionState } from "@/lib/actions/action-state";
import type { DryRun, ImportPreview } from "@/lib/data/imports";
import { IMPORT_TARGETS } from "@/lib/import/mapping";
import { EXPORT_PROFILES, PROFILE_LABEL, mappingFromPreset, type ExportProfile } from "@/lib/export/profiles";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { ErrorSummary } from "@/components/ui/error-summary";
import { DataTable } from "@/components/ui/data-table";
import { button, Field, IDLE, input, primaryButton } from "@/components/ui/form-fields";

/** Rows listed per table; the counts above the tables are always complete. */
const SHOWN = 200;
const MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** What the page shows between steps: the file's preview and the last dry run, kept while later steps run. */
type Kept = { state: ActionState; preview: ImportPreview | null; dryRun: DryRun | null; mapping: string[] | null };

/**
 * The import page: one form holding the file through every step (read → map → dry run → apply), so
 * the server keeps nothing between steps. The buttons say which step (`intent`).
 */
export function ImportWizard() {
  const t = useTranslations("importPage");
  const [serverState, action, pending] = useActionState(importSpreadsheetAction, IDLE);
  // The action takes the form's data as its payload (as a plain form post would give it).
  const dispatch: (formData: FormData) => void = action;
  const [local, setLocal] = useState<ActionState | null>(null);
  const [, startTransition] = useTransition();
  const state = local ?? serverState;
  const [kept, setKept] = useState<Kept>({ state: IDLE, preview: null, dryRun: null, mapping: null });
  // Choosing a preset redraws the column selects with its mapping (they keep their own state after).
  const [preset, setPreset] = useState("");
  // Each new answer updates what stays on screen: a refusal keeps the mapping and the last dry run.
  if (kept.state !== serverState) {
    const fresh = serverState.importResult !== undefined;
    setKept({
      state: serverState,
      preview: fresh ? null : (serverState.importPreview ?? kept.preview),
      dryRun: fresh ? null : (serverState.dryRun ?? (serverState.importPreview ? null : kept.dryRun)),
      mapping: serverState.importMapping ?? (serverState.importPreview ? null : kept.mapping),
    });
  }
  const { preview, dryRun } = kept;
  const result = serverState.importResult;

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
  // A new file starts over: its columns are not the old file's.
  const onFileChange = () => {
    setLocal(null);
    setKept({ state: serverState, preview: null, dryRun: null, mapping: null });
  };

  if (result && state === serverState) {
    const cases = [...result.created, ...result.updated].sort((a, b) => a.line - b.line);
    return (
      <section aria-labelledby="import-result" className="space-y-3 rounded border border-green-700 bg-green-50 p-4">
        <h2 id="import-result" className="text-lg font-semibold">
          {t("resultHeading")}
        </h2>
        <p role="status" aria-label={t("statusLabel")}>
          {serverState.message}
        </p>
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
              {cases.slice(0, SHOWN).map((c) => (
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
        {cases.length > SHOWN && <p className="text-sm">{t("more", { count: cases.length - SHOWN })}</p>}
      </section>
    );
  }

  const versions = JSON.stringify(Object.fromEntries((dryRun?.updates ?? []).map((u) => [u.code, u.version])));
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
            onChange={onFileChange}
          />
        )}
      </Field>
      <button type="submit" name="intent" value="read" disabled={pending} className={button}>
        {t("read")}
      </button>

      {preview && (
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
          <Field id="" name="preset" label={t("preset")} hint={t("presetHint")} state={state}>
            {(aria) => (
              <select
                {...aria}
                value={preset}
                className={input}
                onChange={(e) => {
                  const chosen = e.target.value;
                  setPreset(chosen);
                  setKept({
                    ...kept,
                    mapping: chosen ? mappingFromPreset(chosen as ExportProfile, preview.headers) : preview.guess,
                  });
                }}
              >
                <option value="">{t("presetGuess")}</option>
                {EXPORT_PROFILES.map((p) => (
                  <option key={p} value={p}>
                    {PROFILE_LABEL[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="overflow-x-auto">
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
                        key={`${preset}-${kept.mapping?.[i] ?? ""}`}
                        name={`column-${i}`}
                        aria-label={t("mapsToLabel", { header })}
                        defaultValue={kept.mapping?.[i] ?? preview.guess[i]}
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
          <button type="submit" name="intent" value="dry-run" disabled={pending} className={button}>
            {t("dryRun")}
          </button>
        </section>
      )}

      {preview && dryRun && dryRun.sha256 === preview.sha256 && (
        <DryRunView dryRun={dryRun} versions={versions} pending={pending} />
      )}
    </form>
  );
}

function DryRunView({ dryRun, versions, pending }: { dryRun: DryRun; versions: string; pending: boolean }) {
  const t = useTranslations("importPage");
  const accepted = dryRun.creates.length + dryRun.updates.length;
  return (
    <section aria-labelledby="dry-run-heading" className="space-y-4" data-testid="dry-run">
      <h2 id="dry-run-heading" className="text-lg font-semibold">
        {t("dryRunHeading")}
      </h2>
      <ul className="list-disc pl-5 text-sm" aria-label={t("dryRunHeading")}>
        <li data-testid="count-creates">{t("creates", { count: dryRun.creates.length })}</li>
        <li data-testid="count-updates">{t("updates", { count: dryRun.updates.length })}</li>
        <li data-testid="count-refused">{t("refused", { count: dryRun.refused.length })}</li>
        <li data-testid="count-duplicates">{t("duplicates", { count: dryRun.duplicates.length })}</li>
      </ul>

      {dryRun.refused.length > 0 && (
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
          {dryRun.refused.length > SHOWN && (
            <p className="text-sm">{t("more", { count: dryRun.refused.length - SHOWN })}</p>
          )}
        </section>
      )}

      {dryRun.duplicates.length > 0 && (
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

      {dryRun.updates.length > 0 && (
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

      {dryRun.creates.length > 0 && (
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

      <input type="hidden" name="sha256" value={dryRun.sha256} />
      <input type="hidden" name="versions" value={versions} />
      <p className="text-sm text-stone-700">{t("applyHint", { count: accepted })}</p>
      <button type="submit" name="intent" value="apply" disabled={pending || accepted === 0} className={primaryButton}>
        {t("apply")}
      </button>
    </section>
  );
}
