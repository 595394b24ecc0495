"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { addTermAction, mergeTermsAction, retireTermAction, updateTermAction } from "@/lib/actions/vocabularies";
import { TERM_EDIT_FIELDS, TERM_FIELDS } from "@/lib/fields/vocabulary";
import { FormStatus } from "@/components/ui/form-status";
import { ErrorSummary } from "@/components/ui/error-summary";
import { button, Field, IDLE, input, shown, SubmitButton, TableField } from "@/components/ui/form-fields";

/** A term as its edit form starts it. */
export type TermFormValues = {
  id: string;
  version: number;
  labelEn: string;
  labelKo: string | null;
  definition: string;
  sourceCitation: string | null;
  sourceUrl: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** Add a term to a vocabulary: its code, labels in both languages, a sourced definition, a place. */
export function AddTermForm() {
  const t = useTranslations("vocabularies.add");
  const [state, action, pending] = useActionState(addTermAction, IDLE);
  const id = useId();
  const field = (name: keyof typeof TERM_FIELDS.fields, className?: string) => (
    <TableField table={TERM_FIELDS} name={name} state={state} idPrefix={id} className={className} />
  );
  return (
    <details className="rounded border border-stone-300 bg-white p-3" data-testid="add-term">
      <summary className="cursor-pointer font-medium">{t("panel")}</summary>
      <form
        action={action}
        noValidate
        className="mt-2 grid gap-3 sm:grid-cols-2"
        key={`${state.status}-${state.message ?? ""}`}
      >
        <div className="sm:col-span-2">
          <ErrorSummary state={state} label={t("status")} />
        </div>
        {field("vocabulary")}
        {field("code")}
        {field("labelEn")}
        {field("labelKo")}
        {field("definition", "sm:col-span-2")}
        {field("sourceCitation")}
        {field("sourceUrl")}
        {field("placeName")}
        <div className="grid grid-cols-2 gap-3">
          {field("latitude")}
          {field("longitude")}
        </div>
        <div className="sm:col-span-2">
          <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
        </div>
      </form>
    </details>
  );
}

/** Rename, translate or redefine a term; the form carries the version it was opened at. */
export function EditTermForm({ term, label }: { term: TermFormValues; label: string }) {
  const t = useTranslations("vocabularies.edit");
  const [state, action, pending] = useActionState(updateTermAction, IDLE);
  const id = `term-${term.id}`;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer underline" aria-label={t("label", { term: label })}>
        {t("panel")}
      </summary>
      <form action={action} noValidate className="mt-2 grid gap-2" key={`${state.status}-${state.message ?? ""}`}>
        <ErrorSummary state={state} label={t("status", { term: label })} />
        <input type="hidden" name="termId" value={term.id} />
        <input type="hidden" name="version" value={term.version} />
        {TERM_EDIT_FIELDS.map((name) => (
          <TableField key={name} table={TERM_FIELDS} name={name} state={state} idPrefix={id} value={term[name]} />
        ))}
        <div>
          <SubmitButton pending={pending} className={button}>
            {t("submit")}
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}

/** Merge a term into another current term of its vocabulary: every use moves there. */
export function MergeTermForm({
  termId,
  label,
  others,
}: {
  termId: string;
  label: string;
  others: { value: string; label: string }[];
}) {
  const t = useTranslations("vocabularies.merge");
  const [state, action, pending] = useActionState(mergeTermsAction, IDLE);
  const id = useId();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer underline" aria-label={t("label", { term: label })}>
        {t("panel")}
      </summary>
      {others.length === 0 ? (
        <p className="mt-1">{t("none")}</p>
      ) : (
        <form action={action} noValidate className="mt-2 grid gap-2">
          <input type="hidden" name="termId" value={termId} />
          <Field id={id} name="intoId" label={t("into")} hint={t("hint", { term: label })} state={state}>
            {(aria) => (
              <select {...aria} defaultValue={shown(state, "intoId", others[0]?.value)} className={input}>
                {others.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <SubmitButton pending={pending} className={button}>
              {t("submit")}
            </SubmitButton>
          </div>
          <FormStatus state={state} label={t("status", { term: label })} />
        </form>
      )}
    </details>
  );
}

/** Retire a term (kept on the events that use it, not offered for new ones), or bring it back. */
export function RetireTermButton({
  termId,
  version,
  retired,
  label,
}: {
  termId: string;
  version: number;
  retired: boolean;
  label: string;
}) {
  const t = useTranslations("vocabularies.retire");
  const [state, action, pending] = useActionState(retireTermAction, IDLE);
  return (
    <form action={action} className="text-sm">
      <input type="hidden" name="termId" value={termId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="retired" value={retired ? "false" : "true"} />
      <SubmitButton pending={pending} disabled={state.status === "ok"} className={button}>
        <span aria-hidden="true">{retired ? t("restore") : t("submit")}</span>
        <span className="sr-only">{retired ? t("restoreLabel", { term: label }) : t("label", { term: label })}</span>
      </SubmitButton>
      <FormStatus state={state} label={t("status", { term: label })} />
    </form>
  );
}
