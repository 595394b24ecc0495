"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/ui/form-status";
import { useMessageText } from "@/lib/i18n/use-message";

/** Moves focus to the form's field called `name` (the first radio of a group), or with that id; false if there is none. */
function focusField(from: Element, name: string): boolean {
  const field = from.closest("form")?.elements.namedItem(name) ?? document.getElementById(name);
  const target = field instanceof RadioNodeList ? field[0] : field;
  if (!(target instanceof HTMLElement) || (target as HTMLInputElement).type === "hidden") return false;
  target.focus();
  return true;
}

/**
 * The top of every form: its outcome, and when it was refused, a list of what to fix, each item
 * a link that moves focus to the field. Focus moves to this block after every save, so a keyboard
 * or screen-reader user hears the outcome (on a long form it may be out of view) and, on a refusal,
 * starts from the list (the GOV.UK error-summary pattern). `children` adds form-specific help, such as the conflict or duplicates notice.
 */
export function ErrorSummary({
  state,
  label,
  children,
}: {
  state: ActionState;
  label: string;
  children?: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const text = useMessageText();
  const t = useTranslations("errorSummary");
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  const problems = Object.entries(state.errors ?? {});
  return (
    <div
      ref={ref}
      tabIndex={-1}
      data-testid="error-summary"
      className="outline-none focus-visible:ring-2 focus-visible:ring-red-700"
    >
      <FormStatus state={state} label={label} />
      {children}
      {problems.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm text-red-800" aria-label={t("problems")}>
          {problems.map(([field, message]) => (
            <li key={field}>
              <a
                href={`#${field}`}
                className="underline"
                onClick={(event) => focusField(event.currentTarget, field) && event.preventDefault()}
              >
                {text(message)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * What to do after a save was refused because someone else saved first: look at their change,
 * then reload to edit the latest version. The refused form keeps the user's values meanwhile.
 */
export function ConflictHelp({
  state,
  historyHref,
  reloadHref = "",
}: {
  state: ActionState;
  historyHref?: string;
  reloadHref?: string;
}) {
  const t = useTranslations("errorSummary");
  if (state.status !== "conflict") return null;
  const reload = (chunks: React.ReactNode) => (
    <a href={reloadHref} className="underline">
      {chunks}
    </a>
  );
  return (
    <p className="mt-1 text-sm">
      {historyHref
        ? t.rich("conflictWithHistory", {
            history: (chunks) => (
              <Link href={historyHref} target="_blank" className="underline">
                {chunks}
              </Link>
            ),
            reload,
          })
        : t.rich("conflict", { reload })}
    </p>
  );
}
