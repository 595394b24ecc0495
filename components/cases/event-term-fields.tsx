"use client";
import { useLocale, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { EVENT_FIELDS, termFieldsFor, termSpec } from "@/lib/fields/event";
import type { Vocabulary } from "@/lib/generated/prisma/enums";
import { TableField } from "@/components/ui/form-fields";

/** The terms an event form may offer, by vocabulary (lib/data/vocabularies.ts termChoices). */
export type TermOptions = Partial<
  Record<Vocabulary, { id: string; labelEn: string; labelKo: string | null; retired: boolean }[]>
>;

/**
 * The research fields an event of `type` takes (a crossing and an agency on a repatriation, a facility
 * on a detention…), each a choice among its vocabulary's current terms, labelled in the reader's
 * language. The form re-renders them when the event's type changes.
 */
export function EventTermFields({
  type,
  terms,
  state,
  values,
  idPrefix,
  className,
}: {
  type: string;
  terms: TermOptions;
  state: ActionState;
  values: Record<string, string>;
  idPrefix: string;
  className?: string;
}) {
  const locale = useLocale();
  const t = useTranslations("eventTerms");
  return termFieldsFor(type).map((name) => (
    <TableField
      key={name}
      table={EVENT_FIELDS}
      name={name}
      state={state}
      value={values[name]}
      idPrefix={idPrefix}
      className={className}
      placeholder={t("none")}
      choices={(terms[termSpec(name).vocabulary] ?? []).map((term) => ({
        value: term.id,
        label: `${locale === "ko" && term.labelKo ? term.labelKo : term.labelEn}${term.retired ? ` ${t("retired")}` : ""}`,
      }))}
    />
  ));
}

/** The event type a form currently shows, from a change anywhere in the form. */
export function typeFromChange(event: React.FormEvent<HTMLFormElement>): string | null {
  const target = event.target as HTMLSelectElement;
  return target.name === "type" ? target.value : null;
}
