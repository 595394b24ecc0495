"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { createCaseAction, updateCaseAction } from "@/lib/actions/case-writes";
import { CASE_FIELDS, type CaseFieldName } from "@/lib/fields/case";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { IDLE, SubmitButton, TableField } from "@/components/ui/form-fields";

export type CaseFormValues = Record<string, string>;

/** Create or edit a case. Edit mode carries the version it was opened at and asks for a reason. */
export function CaseForm({ mode, initial }: { mode: "create" | "edit"; initial: CaseFormValues }) {
  const t = useTranslations("caseForm");
  const [state, action, pending] = useActionState(mode === "create" ? createCaseAction : updateCaseAction, IDLE);
  const id = useId();
  const field = (name: CaseFieldName, className?: string) => <TableField table={CASE_FIELDS} name={name} state={state} value={initial[name]} idPrefix={id} className={className} />;

  return (
    <form action={action} noValidate className="space-y-6" key={`${state.status}-${state.message ?? ""}`}>
      <ErrorSummary state={state} label={t("status")}>
        {initial.code && <ConflictHelp state={state} historyHref={`/cases/${initial.code}/history`} reloadHref={`/cases/${initial.code}/edit`} />}
        {state.duplicates && (
          <div className="mt-2 rounded border border-amber-500 bg-amber-50 p-3 text-sm">
            <p className="font-medium">{t("duplicates")}</p>
            <ul className="list-disc pl-5">
              {state.duplicates.map((d) => (
                <li key={d.code}>
                  <Link href={`/cases/${d.code}`} target="_blank" className="underline">{d.code}</Link> — {t("duplicate", { title: d.title, sizeMin: d.sizeMin, place: d.place })}
                </li>
              ))}
            </ul>
            <input type="hidden" name="confirmNotDuplicate" value="yes" />
            <p className="mt-1">{t("duplicatesHint")}</p>
          </div>
        )}
      </ErrorSummary>
      {mode === "edit" && (
        <>
          <input type="hidden" name="code" value={initial.code} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="text-lg font-semibold">{t("theCase")}</legend>
        {field("title", "sm:col-span-2")}
        {field("summary", "sm:col-span-2")}
        {mode === "edit" && field("status")}
        {field("verification")}
        {field("priority")}
        {initial.visibility === "PUBLIC" ? (
          <p className="text-sm">{t("publicNote")}<input type="hidden" name="visibility" value="INTERNAL" /></p>
        ) : (
          field("visibility")
        )}
        {field("tags")}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="text-lg font-semibold">{t("groupSize")}</legend>
        {field("sizeMin")}
        {field("sizeBest")}
        {field("sizeMax")}
        {field("sizeWording")}
        {field("familyInSouthMin")}
        {field("familyInSouthMax")}
        {field("askedForHelpMin")}
        {field("askedForHelpMax")}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="text-lg font-semibold">{t("place")}</legend>
        {field("country")}
        {field("province")}
        {field("cityArea")}
      </fieldset>
      {mode === "edit" && field("reason")}
      <SubmitButton pending={pending}>{mode === "create" ? (state.duplicates ? t("saveAnyway") : t("create")) : t("save")}</SubmitButton>
    </form>
  );
}
