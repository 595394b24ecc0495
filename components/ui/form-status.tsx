import type { ActionState } from "@/lib/actions/action-state";
import { useMessageText } from "@/lib/i18n/use-message";

/**
 * A form's outcome, announced to screen readers. Named by `label` so tests and assistive tech can
 * tell it apart from other live regions (Next's route announcer is also an alert).
 */
export function FormStatus({ state, label }: { state: ActionState; label: string }) {
  const text = useMessageText();
  // An empty status region while idle: axe forbids a name on a plain live region without a role.
  if (state.status === "idle" || !state.message) return <div role="status" aria-label={label} />;
  const ok = state.status === "ok";
  return (
    <div
      role={ok ? "status" : "alert"}
      aria-label={label}
      data-status={state.status}
      className={`mt-1 rounded px-2 py-1 text-sm ${ok ? "bg-green-50 text-green-900" : "border border-red-600 bg-red-50 text-red-900"}`}
    >
      {text(state.message)}
    </div>
  );
}
