"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setCaseVisibilityAction } from "@/lib/actions/cases";
import { FormStatus } from "@/components/ui/form-status";
import { IDLE, SubmitButton } from "@/components/ui/form-fields";
import { useMessageText } from "@/lib/i18n/use-message";

/** Publish or unpublish, with an optional reason kept in the case's history. */
export function PublishForm({
  code,
  version,
  published,
  restricted,
}: {
  code: string;
  version: number;
  published: boolean;
  restricted: boolean;
}) {
  const t = useTranslations("publish");
  const text = useMessageText();
  const [state, action, pending] = useActionState(setCaseVisibilityAction, IDLE);
  const done = state.status === "ok";
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
      {restricted && !published && (
        <div className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">{t("restrictedHeading")}</p>
          <p>{t("restrictedExplain")}</p>
          <label className="mt-2 flex items-start gap-2">
            <input type="checkbox" name="confirmRestricted" value="yes" className="mt-1" />
            <span>{t("restrictedConfirm")}</span>
          </label>
        </div>
      )}
      <label htmlFor="publish-reason" className="block text-sm font-medium">
        {t("reason")}
      </label>
      <input
        id="publish-reason"
        name="reason"
        maxLength={2000}
        className="block w-full max-w-xl rounded border border-stone-400 px-2 py-1 text-sm"
      />
      {state.errors?.reason && <p className="text-sm text-red-700">{text(state.errors.reason)}</p>}
      <SubmitButton
        pending={pending}
        disabled={done}
        className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        {published ? t("unpublish") : t("publish")}
      </SubmitButton>
      <FormStatus state={state} label={t("status")} />
    </form>
  );
}
