import "server-only";
import type { z } from "zod";
import { isDataError } from "@/lib/data/errors";
import { getActor } from "@/lib/auth/session";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import type { IntakeProposal } from "@/lib/intake/proposal";
import type { ImportJobView } from "@/lib/data/import-jobs";
import { connectionFailureReason } from "@/lib/server/db-availability";
import { noteActionStarted } from "@/lib/server/request-context";
import { messageKey } from "@/lib/i18n/message-key";

/**
 * What every form action returns to its form (useActionState). `status` is stable and
 * machine-readable (tests and the authorization matrix read it); `message` is for people.
 */
export type ActionState = {
  status: "idle" | "ok" | "invalid" | "forbidden" | "not-found" | "conflict" | "duplicates" | "unavailable" | "error";
  message?: string;
  errors?: Record<string, string>;
  /** The submitted values, so a refused form keeps what the user typed. */
  values?: Record<string, string>;
  /** Cases that may be the same group, shown before a new case is saved. */
  duplicates?: { code: string; title: string; sizeMin: number; place: string; reasons?: string[] }[];
  /** A secret made by this action (a new API token), for its form to show once; never stored in clear. */
  oneTimeSecret?: string;
  /** Records proposed from a pasted report, for the user to review before anything is saved. */
  proposal?: IntakeProposal;
  /** Codes of the cases an action saved (report intake saves several at once). */
  savedCases?: string[];
  /** A spreadsheet import and the state of its job (lib/data/import-jobs.ts). */
  importJob?: ImportJobView;
};

/**
 * The submitted form. Actions are called as (previousState, formData) by useActionState, but a
 * plain form post (no JavaScript, or a direct POST) calls them with the form data alone.
 */
function submittedForm(previous: unknown, formData: unknown): FormData {
  if (formData instanceof FormData) return formData;
  if (previous instanceof FormData) return previous;
  return new FormData();
}

/** The form's text fields, for zod and for echoing back. */
function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

/** Field messages from a failed zod parse, one per field. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

// Messages are keys (lib/i18n/message-key.ts): the form shows them in the reader's language (FormStatus).
const DATABASE_UNAVAILABLE = "actions.databaseUnavailable";
const NOT_SIGNED_IN: ActionState = { status: "forbidden", message: "actions.notSignedIn" };
const NOT_ALLOWED: ActionState = { status: "forbidden", message: "actions.notAllowed" };

/** The message key naming what was not found ("Case" → actions.record.Case), or the name itself when it has none. */
const RECORD_NAMES = new Set([
  "Record",
  "Case",
  "Event",
  "Source",
  "Contact",
  "Import",
  "Savedview",
  "Annotation",
  "Advocacyaction",
  "Account",
  "APItoken",
]);
function recordName(what = "Record"): string {
  const name = what.replaceAll(" ", "");
  return RECORD_NAMES.has(name) ? `actions.record.${name}` : what;
}

/** Turns the data layer's refusals into a state the form can show; anything else is rethrown. */
function refusal(error: unknown, values?: Record<string, string>): ActionState {
  if (isDataError(error, "forbidden")) return { ...NOT_ALLOWED, values };
  if (isDataError(error, "not-found"))
    return {
      status: "not-found",
      message: messageKey("actions.notFound", { what: recordName(error.what) }),
      values,
    };
  if (isDataError(error, "conflict")) {
    const at = error.changedAt ? error.changedAt.toISOString().slice(0, 16).replace("T", " ") : "";
    return {
      status: "conflict",
      message: messageKey("actions.conflict", {
        hasBy: error.changedBy ? "yes" : "no",
        by: error.changedBy ?? "",
        hasAt: at ? "yes" : "no",
        at,
      }),
      values,
    };
  }
  if (isDataError(error, "rule")) return { status: "invalid", message: error.message, values };
  // The database went away: say so, keep what was typed (the transaction rolled back, so nothing is half-saved).
  if (connectionFailureReason(error)) return { status: "unavailable", message: DATABASE_UNAVAILABLE, values };
  throw error;
}

type SignedInActor = NonNullable<Actor>;

/**
 * The shape of every form action: the session and role first (a refused user learns nothing about
 * the input and nothing is written), then the shared zod schema, then the data layer (which checks
 * the permission again). `run` returns the success message; `secret` fields are never echoed back.
 */
export async function runFormAction<S extends z.ZodType>(
  previous: unknown,
  formData: unknown,
  opts: {
    permission: Permission;
    schema: S;
    invalidMessage?: string;
    secret?: string[];
    /** Returns the success message, or a whole state (e.g. duplicates to confirm first). */
    run: (actor: SignedInActor, input: z.infer<S>, values: Record<string, string>) => Promise<string | ActionState>;
  },
): Promise<ActionState> {
  noteActionStarted();
  const submitted = formValues(submittedForm(previous, formData));
  const values = { ...submitted };
  for (const key of opts.secret ?? []) values[key] = "";
  try {
    const actor = await getActor();
    if (!actor) return NOT_SIGNED_IN;
    if (!can(actor, opts.permission)) return NOT_ALLOWED;
    const parsed = opts.schema.safeParse(submitted);
    if (!parsed.success)
      return {
        status: "invalid",
        message: opts.invalidMessage ?? "actions.checkFields",
        errors: fieldErrors(parsed.error),
        values,
      };
    const result = await opts.run(actor, parsed.data, values);
    return typeof result === "string" ? { status: "ok", message: result } : result;
  } catch (error) {
    return refusal(error, values);
  }
}
