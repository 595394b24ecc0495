"use client";
import { useActionState, useId, useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormStatus } from "@/components/ui/form-status";
import { button, IDLE, input, TableField, useKeepInputSubmit, useResetOnSuccess } from "@/components/ui/form-fields";
import { API_TOKEN_FIELDS } from "@/lib/fields/account";
import { DataTable } from "@/components/ui/data-table";

/** A token as the account page lists it, dates already formatted on the server. */
export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  revoked: string | null;
};

/** The example request, with the given token (or a placeholder). */
function curlExample(origin: string, token = "<token>"): string {
  return `curl -H "Authorization: Bearer ${token}" "${origin}/api/v1/cases?from=2012-02&to=2012-02"`;
}

/** The example request with a placeholder, for the page's introduction. */
export function ApiExample({ origin }: { origin: string }) {
  return (
    <pre className="rounded bg-stone-900 p-2 text-xs break-all whitespace-pre-wrap text-stone-50">
      <code>{curlExample(origin)}</code>
    </pre>
  );
}

/** Copies text to the clipboard where the browser allows it; the field stays selectable either way. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={button}
        aria-label={label}
        onClick={() => {
          if (!navigator.clipboard) return setCopied("failed");
          navigator.clipboard.writeText(text).then(
            () => setCopied("copied"),
            () => setCopied("failed"),
          );
        }}
      >
        Copy
      </button>
      <span aria-live="polite" className="text-xs text-stone-700">
        {copied === "copied"
          ? "Copied."
          : copied === "failed"
            ? "Copying is not available here: select the text and copy it."
            : ""}
      </span>
    </span>
  );
}

/** Creates a token and shows it once, with an example request that uses it. */
export function CreateApiTokenForm({ origin }: { origin: string }) {
  const [state, action, pending] = useActionState(createApiTokenAction, IDLE);
  const ref = useResetOnSuccess(state);
  const id = useId();
  const onSubmit = useKeepInputSubmit(action);
  const token = state.status === "ok" ? state.oneTimeSecret : undefined;
  return (
    <div className="space-y-3 rounded border border-stone-300 bg-white p-4">
      <form ref={ref} action={action} onSubmit={onSubmit} className="space-y-3" aria-label="New API token" noValidate>
        <h3 className="font-semibold">Create a token</h3>
        <ErrorSummary state={state} label="New API token status" />
        <TableField table={API_TOKEN_FIELDS} name="name" state={state} idPrefix={id} required />
        <button type="submit" disabled={pending} className={button}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      {token && (
        <div className="space-y-2 rounded border border-amber-500 bg-amber-50 p-3" data-testid="new-api-token">
          <label htmlFor={`${id}-token`} className="text-sm font-medium">
            Your new token
          </label>
          <p id={`${id}-token-hint`} className="text-sm font-semibold text-amber-900">
            Copy it now: it will not be shown again.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id={`${id}-token`}
              type="text"
              readOnly
              value={token}
              aria-describedby={`${id}-token-hint`}
              spellCheck={false}
              autoComplete="off"
              onFocus={(event) => event.currentTarget.select()}
              className={`${input} font-mono sm:w-auto sm:min-w-[36rem]`}
            />
            <CopyButton text={token} label="Copy the new token" />
          </div>
          <p className="text-sm">Try it:</p>
          <pre className="rounded bg-stone-900 p-2 text-xs break-all whitespace-pre-wrap text-stone-50">
            <code>{curlExample(origin, token)}</code>
          </pre>
        </div>
      )}
    </div>
  );
}

/** The actor's tokens; one revoke action for the table, so its outcome stays on screen after the row changes. */
export function ApiTokenTable({ tokens }: { tokens: TokenRow[] }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction, IDLE);
  return (
    <div className="space-y-2">
      <FormStatus state={state} label="Revoke status" />
      {tokens.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 p-6 text-center text-stone-700">
          You have no API tokens yet. Create one above to call the API from a script.
        </p>
      ) : (
        <DataTable
          caption="Your API tokens"
          columns={[
            "Name",
            "Token begins",
            "Created",
            "Last used",
            "Status",
            <span key="revoke" className="sr-only">
              Revoke
            </span>,
          ]}
        >
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-stone-200 align-top" data-testid={`api-token-${t.prefix}`}>
                <td className="p-2">{t.name}</td>
                <td className="p-2 font-mono">{t.prefix}…</td>
                <td className="p-2 whitespace-nowrap">{t.created}</td>
                <td className="p-2 whitespace-nowrap">{t.lastUsed}</td>
                <td className="p-2">{t.revoked ? `Revoked ${t.revoked}` : "Active"}</td>
                <td className="p-2">
                  {!t.revoked && (
                    <form action={action}>
                      <input type="hidden" name="id" value={t.id} />
                      <button type="submit" disabled={pending} className={button} aria-label={`Revoke token ${t.name}`}>
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
