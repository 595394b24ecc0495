import { dictionary } from "@zxcvbn-ts/language-common";

/** Shortest password accepted, counted in characters as a person sees them. */
export const PASSWORD_MIN_LENGTH = 12;
/** The sign-in form accepts at most this many (UTF-16) characters, so no longer password could ever be used. */
export const PASSWORD_MAX_LENGTH = 1024;

/** The messages passwordProblems returns, so callers and tests can recognise them. */
export const PASSWORD_MESSAGES = {
  tooShort: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `Password is too long: use at most ${PASSWORD_MAX_LENGTH.toLocaleString("en")} characters.`,
  common: "This password is on a list of commonly used passwords. Choose another, for example several unrelated words.",
  email: "Password must not be the account's email address or the part before the @.",
} as const;

let commonPasswords: Set<string> | undefined;

/** zxcvbn-ts's list of about 49,000 common passwords, lowercased. */
function commonPasswordSet(): Set<string> {
  // Built on first use, not at import: the list is large and most imports never check a password.
  commonPasswords ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return commonPasswords;
}

/** True when the password, ignoring case, is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  return commonPasswordSet().has(password.toLowerCase());
}

/** The email problem alone, for forms whose password field is checked before the email is known. */
export function passwordEmailProblem(password: string, email: string): string | null {
  const address = email.trim().toLowerCase();
  if (!address) return null;
  const candidate = password.toLowerCase();
  const localPart = address.includes("@") ? address.slice(0, address.lastIndexOf("@")) : address;
  return candidate === address || candidate === localPart ? PASSWORD_MESSAGES.email : null;
}

/**
 * Why a candidate password is refused, as messages a person can act on; empty when it is acceptable.
 * Pass the account's email to also refuse the email itself or its local part.
 */
export function passwordProblems(password: string, account: { email?: string | null } = {}): string[] {
  const problems: string[] = [];
  // The minimum counts characters as a person sees them (code points), so "é" or an emoji is one;
  // the maximum counts what the sign-in form's limit counts.
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(PASSWORD_MESSAGES.tooShort);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(PASSWORD_MESSAGES.tooLong);
  else if (isCommonPassword(password)) problems.push(PASSWORD_MESSAGES.common);
  const emailProblem = account.email ? passwordEmailProblem(password, account.email) : null;
  if (emailProblem) problems.push(emailProblem);
  return problems;
}
