"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { archiveCaseAction, restoreCaseAction } from "@/lib/actions/cases";
import { FormStatus } from "@/components/ui/form-status";
import { button, Field, IDLE, input, SubmitButton } from "@/components/ui/form-fields";

/** Archive a case (from its edit page) or restore it (from the archived list). */
export function ArchiveButton({ code, version, archived }: { code: string; version: number; archived: boolean }) {
  const t = useTranslations("archive");
  const [state, action, pending] = useActionState(archived ? restoreCaseAction : archiveCaseAction, IDLE);
  const id = useId();
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      {!archived && (
        <Field id={id} name="reason" label={t("reason")} state={state}>
          {(aria) => <input {...aria} maxLength={2000} className={input} />}
        </Field>
      )}
      <SubmitButton pending={pending} disabled={state.status === "ok"} className={button}>
        {archived ? t("restore") : t("archive")}
        <span className="sr-only"> {code}</span>
      </SubmitButton>
      <FormStatus state={state} label={archived ? t("restoreStatus", { code }) : t("archiveStatus", { code })} />
    </form>
  );
}
