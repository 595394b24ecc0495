"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { archiveContactAction, createContactAction, updateContactAction } from "@/lib/actions/contacts";
import { FormStatus } from "@/components/ui/form-status";
import { ConflictHelp, ErrorSummary } from "@/components/ui/error-summary";
import { CONTACT_FIELDS } from "@/lib/fields/contact";
import {
  button,
  IDLE,
  SubmitButton,
  TableField,
  type TableFieldOptions,
  useKeepInputSubmit,
  useResetOnSuccess,
} from "@/components/ui/form-fields";
import type { ActionState } from "@/lib/actions/action-state";

type ContactValues = {
  id: string;
  version: number;
  name: string;
  kind: string;
  organisation: string | null;
  role: string | null;
  country: string | null;
  notes: string;
  contactDetails: string | null;
};

function ContactFields({
  state,
  contact,
  canSetDetails,
}: {
  state: ActionState;
  contact?: ContactValues;
  canSetDetails: boolean;
}) {
  const t = useTranslations("form");
  const id = useId();
  const field = (name: keyof typeof CONTACT_FIELDS.fields, extra: TableFieldOptions = {}) => (
    <TableField table={CONTACT_FIELDS} name={name} state={state} value={contact?.[name]} idPrefix={id} {...extra} />
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {field("name", { required: true })}
      {field("kind", { required: true, placeholder: t("choose") })}
      {field("organisation")}
      {field("role")}
      {field("country")}
      {canSetDetails && field("contactDetails")}
      {field("notes", { className: "sm:col-span-2" })}
    </div>
  );
}

export function CreateContactForm({ canSetDetails }: { canSetDetails: boolean }) {
  const t = useTranslations("contactForm");
  const [state, action, pending] = useActionState(createContactAction, IDLE);
  const ref = useResetOnSuccess(state);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form
      ref={ref}
      action={action}
      onSubmit={onSubmit}
      className="space-y-3 rounded border border-stone-300 bg-white p-4"
      aria-label={t("newLabel")}
      noValidate
    >
      <h2 className="text-lg font-semibold">{t("newHeading")}</h2>
      <ErrorSummary state={state} label={t("newStatus")} />
      <ContactFields state={state} canSetDetails={canSetDetails} />
      <SubmitButton pending={pending} className={button}>
        {t("create")}
      </SubmitButton>
    </form>
  );
}

export function EditContactForm({ contact, canSetDetails }: { contact: ContactValues; canSetDetails: boolean }) {
  const t = useTranslations("contactForm");
  const [state, action, pending] = useActionState(updateContactAction, IDLE);
  const onSubmit = useKeepInputSubmit(action);
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="space-y-3 rounded border border-stone-300 bg-white p-4"
      aria-label={t("editLabel")}
      noValidate
    >
      <ErrorSummary state={state} label={t("editStatus")}>
        <ConflictHelp state={state} />
      </ErrorSummary>
      <input type="hidden" name="id" value={contact.id} />
      <input type="hidden" name="version" value={contact.version} />
      <ContactFields state={state} contact={contact} canSetDetails={canSetDetails} />
      <SubmitButton pending={pending} className={button}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}

export function ArchiveContactForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("contactForm");
  const [state, action, pending] = useActionState(archiveContactAction, IDLE);
  return (
    <form action={action} className="mt-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-stone-700">{t("archiveHint")}</p>
      <SubmitButton pending={pending} disabled={state.status === "ok"} className={`${button} mt-1`}>
        {t("archive")}
      </SubmitButton>
      <FormStatus state={state} label={t("archiveStatus")} />
    </form>
  );
}
