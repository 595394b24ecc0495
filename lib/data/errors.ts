/**
 * The one error type the data layer throws when it refuses something; its `code` says which
 * refusal it is, and server actions turn it into the form's status (lib/actions/action-state.ts):
 *  - "forbidden": the actor's role does not allow this (nothing was read or written);
 *  - "not-found": the record does not exist or the actor may not see it (pages answer 404 either way);
 *  - "conflict":  someone saved the record after the actor opened it (optimistic concurrency);
 *  - "rule":      a rule about the data refused the change; the message is for the user.
 * Reads do not throw for "not visible": they return null (one record) or [] (a list).
 */
export type DataErrorCode = "forbidden" | "not-found" | "conflict" | "rule";

export class DataError extends Error {
  readonly code: DataErrorCode;
  /** For "not-found": what was looked for ("Case", "Event"…). */
  readonly what?: string;
  /** For "conflict": who saved last and when, from the history, when known. */
  readonly changedBy?: string | null;
  readonly changedAt?: Date | null;
  /** For "forbidden": the permission that was missing. */
  readonly permission?: string;

  constructor(
    code: DataErrorCode,
    message: string,
    detail: { what?: string; changedBy?: string | null; changedAt?: Date | null; permission?: string } = {},
  ) {
    super(message);
    this.name = "DataError";
    this.code = code;
    Object.assign(this, detail);
  }
}

export const notFound = (what = "Record") => new DataError("not-found", `${what} not found`, { what });
export const conflict = (changedBy: string | null, changedAt: Date | null) =>
  new DataError("conflict", "Changed since you opened it", { changedBy, changedAt });
export const ruleBroken = (message: string) => new DataError("rule", message);
export const forbidden = (permission: string) =>
  new DataError("forbidden", `Not allowed: ${permission}`, { permission });

/** True when `error` is the data layer's refusal with `code` (any code when omitted). */
export function isDataError(error: unknown, code?: DataErrorCode): error is DataError {
  return error instanceof DataError && (code === undefined || error.code === code);
}
