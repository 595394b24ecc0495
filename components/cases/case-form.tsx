"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { createCaseAction, updateCaseAction } from "@/lib/actions/cases";
import { CASE_FIELDS, type CaseFieldName } from "@/lib/fields/case";
import { formSection, type FieldSpec } from "@/lib/fields/define";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { PossibleDuplicates } from "@/components/cases/possible-duplicates";
import { IDLE, SubmitButton, TableField } from "@/components/ui/form-fields";

export type CaseFormValues = Record<string, string>;

/** The form's sections, in order; which fields each holds, and how wide, is in the field table (lib/fields/case.ts). */
const SECTIONS = [
  { section: "case", columns: "sm:grid-cols-2" },
  { section: "groupSize", columns: "sm:grid-cols-4" },
  { section: "composition", columns: "sm:grid-cols-4" },
  { section: "place", columns: "sm:grid-cols-3" },
] as const;
const WIDE: Record<(typeof SECTIONS)[number]["columns"], string> = {
  "sm:grid-cols-2": "sm:col-span-2",
  "sm:grid-cols-4": "sm:col-span-4",
  "sm:grid-cols-3": "sm:col-span-3",
};

/** Create or edit a case. Edit mode carries the version it was opened at and asks for a reason. */
export function CaseForm({ mode, initial }: { mode: "create" | "edit"; initial: CaseFormValues }) {
  const t = useTranslations("caseForm");
  const [state, action, pending] = useActionState(mode === "create" ? createCaseAction : updateCaseAction, IDLE);
  const id = useId();
  const field = (name: CaseFieldName, className?: string) => (
    <TableField
      key={name}
      table={CASE_FIELDS}
      name={name}
      state={state}
      value={initial[name]}
      idPrefix={id}
      className={className}
    />
  );

  return (
    <form action={action} noValidate className="space-y-6" key={`${state.status}-${state.message ?? ""}`}>
      <ErrorSummary state={state} label={t("status")}>
        {initial.code && (
          <ConflictHelp
            state={state}
            historyHref={`/cases/${initial.code}/history`}
            reloadHref={`/cases/${initial.code}/edit`}
          />
        )}
        <PossibleDuplicates duplicates={state.duplicates} />
      </ErrorSummary>
      {mode === "edit" && (
        <>
          <input type="hidden" name="code" value={initial.code} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      )}
      {SECTIONS.map(({ section, columns }) => (
        <fieldset key={section} className={`grid gap-4 ${columns}`}>
          <legend className="text-lg font-semibold">{t(`sections.${section}`)}</legend>
          {section === "composition" && (
            <p className={`text-sm text-stone-700 ${WIDE[columns]}`}>{t("compositionHint")}</p>
          )}
          {formSection(CASE_FIELDS, section, mode).map((name) =>
            // A public case's visibility changes through the publish preview, not this form.
            name === "visibility" && initial.visibility === "PUBLIC" ? (
              <p key={name} className="text-sm">
                {t("publicNote")}
                <input type="hidden" name="visibility" value="INTERNAL" />
              </p>
            ) : (
              field(name, (CASE_FIELDS.fields[name] as FieldSpec).form?.wide ? WIDE[columns] : undefined)
            ),
          )}
        </fieldset>
      ))}
      {formSection(CASE_FIELDS, "change", mode).map((name) => field(name))}
      <SubmitButton pending={pending}>
        {mode === "create" ? (state.duplicates ? t("saveAnyway") : t("create")) : t("save")}
      </SubmitButton>
    </form>
  );
}
