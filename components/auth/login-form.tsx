"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { signInSchema } from "@/lib/validations/auth";
import type { ActionState } from "@/lib/actions/action-state";
import { Field, input } from "@/components/ui/form-fields";

type FieldErrors = Partial<Record<"email" | "password", string>>;

/**
 * The shape of lib/data/sign-in-throttle.ts throttledMessage(), the one server message the form shows;
 * any other error text (a database failure, say) is not. Kept here because that module is server-only.
 */
export const THROTTLED_MESSAGE =
  /^Too many failed sign-in attempts\. Try again (in \d+ seconds?|after \d{2}:\d{2} UTC \(in about \d+ minutes?\))\.$/;

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signInSchema.safeParse(data);
    setFormError(null);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof FieldErrors] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        // One message for every failure, so the form never reveals whether an account exists. The
        // throttle message is the one exception: it names only a time and reads the same for every email.
        setFormError(
          result?.error && THROTTLED_MESSAGE.test(result.error)
            ? result.error
            : "Email or password is incorrect, or the account is disabled.",
        );
        errorRef.current?.focus();
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  // The form kit's field, with the errors found before anything is sent (next-auth's answer is one message for all).
  const fieldState: ActionState = { status: Object.keys(fieldErrors).length ? "invalid" : "idle", errors: fieldErrors };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-stone-300 bg-white p-6">
      <div
        ref={errorRef}
        tabIndex={-1}
        role="alert"
        aria-label="Sign-in error"
        aria-live="assertive"
        className={formError ? "rounded border border-red-600 bg-red-50 p-3 text-sm text-red-900" : "sr-only"}
      >
        {formError}
      </div>
      <Field id="" name="email" label="Email" state={fieldState}>
        {(a) => <input {...a} type="email" autoComplete="username" required className={input} />}
      </Field>
      <Field id="" name="password" label="Password" state={fieldState}>
        {(a) => <input {...a} type="password" autoComplete="current-password" required className={input} />}
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
