import "server-only";
import { cookies } from "next/headers";
import { settings } from "@/lib/env";

/** Env switch for the end-to-end tests' controllable clock. Never set it in production. */
export const TEST_CLOCK_VAR = "RW_TEST_CLOCK";
/** Cookie holding the ISO date (or date-time) the test clock reports, for that request only. */
export const TEST_CLOCK_COOKIE = "rw-test-now";

/**
 * Parses the test clock's cookie: an ISO date (`2026-03-01`) or date-time
 * (`2026-03-01T12:00:00Z`). Anything else, including impossible dates, is ignored (null).
 */
export function parseTestNow(value: string | undefined | null): Date | null {
  if (!value) return null;
  let text: string;
  try {
    text = decodeURIComponent(value).trim();
  } catch {
    return null;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d))
    return null;
  if (text.length === 10) return day;
  const parsed = new Date(m[7] ? text : `${text}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** The UTC calendar day of `at`, as a Date at midnight UTC (how `@db.Date` columns compare). */
export function todayUtc(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * The current time for the server. With `RW_TEST_CLOCK=1` (end-to-end tests only) a valid
 * `rw-test-now` cookie on the request overrides it; otherwise, and always in production, real time.
 */
export async function now(): Promise<Date> {
  if (settings().RW_TEST_CLOCK !== "1") return new Date();
  const cookieStore = await cookies();
  return parseTestNow(cookieStore.get(TEST_CLOCK_COOKIE)?.value) ?? new Date();
}
