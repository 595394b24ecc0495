"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { button, Field, input, primaryButton } from "@/components/ui/form-fields";
import { FormStatus } from "@/components/ui/form-status";

/**
 * Attach a file to a source: a plain multipart form posted to the upload route (it works without
 * JavaScript; the route sends the browser back here with the outcome, which the page turns into
 * `state`).
 */
export function SourceFileUploadForm({
  sourceId,
  maxMegabytes,
  perSource,
  state,
}: {
  sourceId: string;
  maxMegabytes: number;
  perSource: number;
  state: ActionState;
}) {
  const t = useTranslations("sourceFiles");
  const [busy, setBusy] = useState(false);
  return (
    <form
      action={`/api/sources/${sourceId}/files`}
      method="post"
      encType="multipart/form-data"
      className="mt-3 space-y-2 rounded border border-stone-300 bg-white p-3"
      aria-labelledby="upload-heading"
      onSubmit={() => setBusy(true)}
    >
      <h3 id="upload-heading" className="font-medium">
        {t("uploadHeading")}
      </h3>
      <Field
        id="source-file"
        name="file"
        label={t("fileLabel")}
        hint={t("fileHint", { maxMegabytes, perSource })}
        state={state}
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            required
            accept=".html,.htm,.wacz,.warc,.warc.gz,.pdf,.png,.jpg,.jpeg,.webp,text/html,application/pdf,image/png,image/jpeg,image/webp"
            className={input}
          />
        )}
      </Field>
      <button type="submit" className={primaryButton} disabled={busy}>
        {busy ? t("uploading") : t("upload")}
      </button>
      <FormStatus state={state} label={t("statusLabel")} />
    </form>
  );
}

/** Copies a hash to the clipboard; the hash itself stays selectable text for those without JavaScript. */
export function CopyHashButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("sourceFiles");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={`${button} text-xs`}
      aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          setCopied(false);
        }
      }}
    >
      {copied ? t("copied") : t("copy")}
    </button>
  );
}
