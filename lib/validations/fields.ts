/**
 * The building blocks every form and query schema is made of, so that each rule is written once:
 * text that PostgreSQL can store, optional fields, counts, days, codes and ids. A value that breaks
 * a rule gets a message naming its field; nothing reaches the database that it would refuse with a
 * 500 (a NUL byte, a broken surrogate pair, a string longer than its column).
 */
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

/** PostgreSQL text cannot hold NUL; unpaired surrogates cannot be encoded as UTF-8 (a hash would not match). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be stored and hashed exactly as given. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * Rule messages are message keys (lib/i18n/message-key.ts), translated where the form shows them; a rule's
 * `label` is the key of the field's name in a sentence (`validation.label.*`).
 */
export const unstorableMessage = (label: string) => messageKey("validation.unstorable", { label });

/** An optional form field: an empty or blank string means "not given". */
export const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const limited = (max: number, label: string, min = 0, missing = "") =>
  z
    .string({ message: messageKey("validation.notText", { label }) })
    .trim()
    .min(min, missing)
    .max(max, messageKey("validation.tooLong", { label, max }))
    .refine(isStorableText, unstorableMessage(label));

/** Text that must be given: `min` characters at least (1 by default). */
export function requiredText(max: number, label: string, opts: { min?: number; missing?: string } = {}) {
  const min = opts.min ?? 1;
  const missing =
    opts.missing ??
    (min === 1 ? messageKey("validation.required", { label }) : messageKey("validation.tooShort", { label, min }));
  return z.preprocess((v) => v ?? "", limited(max, label, min, missing));
}

/** Text that may be left empty (undefined when blank). */
export function optionalText(max: number, label: string) {
  return z.preprocess(blank, limited(max, label).optional());
}

/** Text that may be empty, kept as "" (summaries, notes, descriptions). */
export function textOrEmpty(max: number, label: string) {
  return z.preprocess((v) => v ?? "", limited(max, label));
}

/** A whole number of people, 0 to 100,000, optional. */
export function optionalCount(label: string) {
  return z.preprocess(
    blank,
    z.coerce
      .number({ message: messageKey("validation.notNumber", { label }) })
      .int(messageKey("validation.notWhole", { label }))
      .min(0, messageKey("validation.negative", { label }))
      .max(100000, messageKey("validation.tooLarge", { label }))
      .optional(),
  );
}

/** A version number a form was opened at (optimistic concurrency). */
export const version = z.coerce
  .number({ message: "validation.common.missingVersion" })
  .int("validation.common.missingVersion")
  .min(1, "validation.common.missingVersion")
  .max(2_147_483_647, "validation.common.missingVersion");

export const CASE_CODE = /^[A-Z]{2,3}-\d{4}-\d{4}$/;
export const RECORD_ID = /^[a-z0-9]{20,40}$/i;

/** A case code such as CN-2012-0003. */
export const caseCode = (message = "validation.common.unknownCase") => z.string({ message }).regex(CASE_CODE, message);
/** A record id (cuid). */
export const recordId = (message: string) => z.string({ message }).regex(RECORD_ID, message);

/** A two-letter country code, upper-cased. */
export const countryCode = z
  .string({ message: "validation.common.countryCode" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "validation.common.countryCode");

/** YYYY-MM-DD that is a real calendar day. */
export function isoDay(label: string) {
  return z
    .string({ message: messageKey("validation.isoDay", { label }) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, messageKey("validation.isoDay", { label }))
    .refine(
      (s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
      },
      messageKey("validation.notRealDate", { label }),
    );
}

/** A calendar day typed as YYYY-MM-DD (what <input type="date"> sends), as midnight UTC, between 1990 and 2100. */
export function calendarDay(missing: string) {
  return z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.common.dateLike20260301")
    .transform((v, ctx) => {
      const d = new Date(`${v}T00:00:00.000Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        ctx.addIssue({ code: "custom", message: "validation.common.dateDoesNotExist" });
        return z.NEVER;
      }
      return d;
    })
    .refine(
      (d) => d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100,
      "validation.common.dateBetween1990And2100",
    );
}

/** The same, optional (empty means none). */
export const optionalCalendarDay = z.preprocess(blank, calendarDay("validation.common.enterDate").optional());

/** Browsers send a textarea's line breaks as CRLF; the captured text keeps plain LF. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** The latest published date accepted: tomorrow in UTC (a day of slack for time zones ahead of UTC). */
export function latestPublishedDay(now: Date = new Date()): string {
  return new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD, a real calendar day, not after today (a day of slack for time zones ahead of UTC). */
export const publishedDay = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.common.dateLike20120220")
    .transform((s, ctx) => {
      const d = new Date(`${s}T00:00:00.000Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
        ctx.addIssue({ code: "custom", message: "validation.common.thatDateDoesNotExist" });
        return z.NEVER;
      }
      if (d.getUTCFullYear() < 1900) {
        ctx.addIssue({ code: "custom", message: "validation.common.publishedTooEarly" });
        return z.NEVER;
      }
      if (s > latestPublishedDay()) {
        ctx.addIssue({ code: "custom", message: "validation.common.publishedInFuture" });
        return z.NEVER;
      }
      return d;
    })
    .optional(),
);

/** An optional web address: http(s) only, so a stored link can never run script. */
export const webUrl = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .max(2000, "validation.common.urlTooLong")
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
      } catch {
        return false;
      }
    }, "validation.common.urlFull")
    .optional(),
);
