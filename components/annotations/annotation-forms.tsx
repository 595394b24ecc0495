"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { createAnnotationAction, replyAnnotationAction, resolveAnnotationAction } from "@/lib/actions/annotations";
import { FormStatus } from "@/components/ui/form-status";
import { button, Field, IDLE, input, shown, SubmitButton, useResetOnSuccess } from "@/components/ui/form-fields";

const small = `${button} mt-1`;

/** Staff: start a note on the case, an event, or one field. */
export function AnnotateForm({
  caseCode,
  field,
  eventId,
  targetLabel,
}: {
  caseCode: string;
  field?: string;
  eventId?: string;
  targetLabel: string;
}) {
  const t = useTranslations("annotationForms");
  const [state, action, pending] = useActionState(createAnnotationAction, IDLE);
  const ref = useResetOnSuccess(state);
  const id = useId();
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-stone-700 underline">{t("annotate", { target: targetLabel })}</summary>
      <form ref={ref} action={action} className="mt-1">
        <input type="hidden" name="caseCode" value={caseCode} />
        {field && <input type="hidden" name="field" value={field} />}
        {eventId && <input type="hidden" name="eventId" value={eventId} />}
        <Field id={id} name="body" label={t("noteOn", { target: targetLabel })} state={state}>
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              maxLength={5000}
              required
              className={input}
              defaultValue={shown(state, "body")}
            />
          )}
        </Field>
        <SubmitButton pending={pending} className={small}>
          {t("add")}
        </SubmitButton>
        <FormStatus state={state} label={t("noteStatus", { target: targetLabel })} />
      </form>
    </details>
  );
}

/** Editors and staff: reply in a thread. */
export function ReplyForm({ annotationId }: { annotationId: string }) {
  const t = useTranslations("annotationForms");
  const [state, action, pending] = useActionState(replyAnnotationAction, IDLE);
  const ref = useResetOnSuccess(state);
  const id = useId();
  return (
    <form ref={ref} action={action} className="mt-2">
      <input type="hidden" name="annotationId" value={annotationId} />
      <Field id={id} name="body" label={t("reply")} state={state}>
        {(aria) => (
          <textarea
            {...aria}
            rows={2}
            maxLength={5000}
            placeholder={t("replyPlaceholder")}
            className={input}
            defaultValue={shown(state, "body")}
          />
        )}
      </Field>
      <SubmitButton pending={pending} className={small}>
        {t("send")}
      </SubmitButton>
      <FormStatus state={state} label={t("replyStatus")} />
    </form>
  );
}

/** Staff: mark a thread resolved. Carries the version the user saw. */
export function ResolveButton({ annotationId, version }: { annotationId: string; version: number }) {
  const t = useTranslations("annotationForms");
  const [state, action, pending] = useActionState(resolveAnnotationAction, IDLE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="annotationId" value={annotationId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} className={small}>
        {t("resolve")}
      </SubmitButton>
      <FormStatus state={state} label={t("resolveStatus")} />
    </form>
  );
}
