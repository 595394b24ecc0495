/**
 * A sheet and its mapping → one outcome per row: the case it describes, or every reason it is
 * refused, each naming the row and the column in words ("row 214, column date: '2012-13-40' is not
 * a date"). The case's own rules (lengths, ranges, country code) are the case form's schema.
 */
import type { CaseStatus, DatePrecision } from "@/lib/generated/prisma/enums";
import type { ImportMapping, ImportTarget } from "@/lib/import/mapping";
import type { Sheet, SheetRow } from "@/lib/import/read";
import {
  matchCountry,
  matchPlace,
  matchStatus,
  matchVerification,
  parseDateCell,
  parseSizeCell,
} from "@/lib/import/values";
import { mappedValue, type ValueColumn, type ValueMappings } from "@/lib/import/value-mapping";
import { createCaseSchema, type CreateCaseInput } from "@/lib/validations/case";
import { CASE_CODE } from "@/lib/validations/fields";
import { englishMessage } from "@/lib/i18n/english-message";

export type ImportedCase = {
  /** The case code the row gives (an update when a case has it), or null for a new code. */
  code: string | null;
  input: CreateCaseInput;
  /** Only when the row gives one: otherwise a new case is UNKNOWN and an update keeps its status. */
  status: CaseStatus | null;
  event: { dateEarliest: string; dateLatest: string; precision: DatePrecision; dateWording: string | null } | null;
  /** The columns the row fills, so an update changes only those fields. */
  given: ImportTarget[];
};

/** The row's status or place cells the vocabularies did not recognise (whether or not the user mapped them). */
type Unmatched = { unmatched?: { column: ValueColumn; value: string }[] };
export type RowOutcome = Unmatched &
  ({ line: number; ok: true; value: ImportedCase } | { line: number; ok: false; problems: string[] });

/** Which mapped column each case field comes from, for messages about a field. */
const FIELD_TARGET: Record<string, ImportTarget> = {
  title: "title",
  summary: "summary",
  sizeMin: "size",
  sizeMax: "size",
  sizeBest: "size",
  sizeWording: "size",
  verification: "verification",
  country: "country",
  province: "province",
  cityArea: "city",
  tags: "tags",
};

const quoted = (v: string) => `'${v.length > 80 ? `${v.slice(0, 80)}…` : v}'`;

/** Converts one row. Pure: the database checks (codes, versions, duplicates) come after. */
export function convertRow(
  headers: string[],
  mapping: ImportMapping,
  row: SheetRow,
  values?: ValueMappings | null,
): RowOutcome {
  const problems: string[] = [];
  const unmatched: NonNullable<Unmatched["unmatched"]> = [];
  const cell = new Map<ImportTarget, { value: string; header: string }>();
  mapping.forEach((target, i) => {
    // A leading ' before = + - @ is how exports (ours too) keep a cell from running as a formula; one
    // is taken off (ours add one more to a value that itself starts with quotes before = + - @).
    const value = (row.cells[i] ?? "").trim().replace(/^'(?='*[=+\-@])/, "");
    if (target !== "ignore" && value !== "") cell.set(target, { value, header: headers[i] });
  });
  const extra = row.cells.slice(headers.length).findIndex((c) => c.trim() !== "");
  if (extra >= 0)
    problems.push(
      `row ${row.line}: it has a value beyond the last named column (column ${headers.length + extra + 1})`,
    );
  /** A problem with a column's value; `quote` false for the case form's own messages, which name the field. */
  const say = (target: ImportTarget, message: string, quote = true) => {
    const c = cell.get(target);
    const header = c?.header ?? headers[mapping.indexOf(target)] ?? target;
    problems.push(`row ${row.line}, column ${header}: ${c && quote ? `${quoted(c.value)} ` : ""}${message}`);
  };
  const get = (target: ImportTarget) => cell.get(target)?.value;

  let code: string | null = null;
  const rawCode = get("code");
  if (rawCode !== undefined) {
    code = rawCode.toUpperCase();
    if (!CASE_CODE.test(code)) say("code", "is not a case code (e.g. CN-2012-0001)");
  }

  const candidate: Record<string, unknown> = {
    title: get("title"),
    summary: get("summary") ?? "",
    priority: "NORMAL",
    visibility: "INTERNAL",
    verification: "UNVERIFIED",
    province: get("province"),
    cityArea: get("city"),
    // Multi-values joined with | (Uwazi) are tags as much as comma-separated ones.
    tags: get("tags")?.replaceAll("|", ",") ?? "",
  };
  if (get("title") === undefined) say("title", "is empty: every case needs a title");

  const size = get("size");
  if (size === undefined && mapping.includes("sizeMin")) {
    // The size as separate numbers (as exports write it): each column sets its one field.
    const numbers = { sizeMin: "sizeMin", sizeMax: "sizeMax", sizeBest: "sizeBest" } as const;
    for (const [field, target] of Object.entries(numbers)) {
      const raw = get(target);
      if (raw === undefined) continue;
      if (!/^\d{1,6}$/.test(raw.replaceAll(",", ""))) say(target, "is not a whole number of people");
      else candidate[field] = Number(raw.replaceAll(",", ""));
    }
    if (get("sizeMin") === undefined) say("sizeMin", "is empty: every case needs a group size");
    candidate.sizeWording = get("sizeWording");
  } else if (size === undefined) say("size", "is empty: every case needs a group size");
  else {
    const parsed = parseSizeCell(size);
    if ("error" in parsed) say("size", parsed.error);
    else
      Object.assign(candidate, {
        sizeMin: parsed.min,
        sizeMax: parsed.max ?? undefined,
        sizeBest: parsed.best ?? undefined,
        sizeWording: parsed.wording ?? undefined,
      });
  }

  const place = get("place");
  if (place !== undefined) {
    let parsed = matchPlace(place);
    if ("error" in parsed) {
      unmatched.push({ column: "place", value: place });
      // Only what the user mapped this very value to; otherwise it stays refused with its reason.
      parsed = mappedValue(values, "place", place) ?? parsed;
    }
    if ("error" in parsed) say("place", parsed.error);
    else
      Object.assign(candidate, {
        country: parsed.country,
        province: candidate.province ?? parsed.province ?? undefined,
        cityArea: candidate.cityArea ?? parsed.cityArea ?? undefined,
      });
  }
  const country = get("country");
  if (country !== undefined) {
    const parsed = matchCountry(country);
    if (typeof parsed !== "string") say("country", parsed.error);
    else candidate.country = parsed;
  }
  if (place === undefined && country === undefined)
    say(mapping.includes("place") ? "place" : "country", "is empty: every case needs a place or a country");

  let status: CaseStatus | null = null;
  const rawStatus = get("status");
  if (rawStatus !== undefined) {
    let matched = matchStatus(rawStatus);
    if (typeof matched !== "string") {
      unmatched.push({ column: "status", value: rawStatus });
      matched = mappedValue(values, "status", rawStatus) ?? matched;
    }
    if (typeof matched !== "string") say("status", matched.error);
    else status = matched;
  }
  const rawVerification = get("verification");
  if (rawVerification !== undefined) {
    const matched = matchVerification(rawVerification);
    if (typeof matched !== "string") say("verification", matched.error);
    else candidate.verification = matched;
  }

  let event: ImportedCase["event"] = null;
  const rawDate = get("date");
  if (rawDate !== undefined) {
    const parsed = parseDateCell(rawDate);
    if ("error" in parsed) say("date", parsed.error);
    // As on the event form: an event cannot start in the future.
    else if (parsed.earliest > new Date().toISOString().slice(0, 10)) say("date", "is in the future");
    else
      event = {
        dateEarliest: parsed.earliest,
        dateLatest: parsed.latest,
        precision: parsed.precision,
        dateWording: parsed.wording,
      };
  }

  const extras = unmatched.length > 0 ? { unmatched } : {};
  if (problems.length > 0) return { line: row.line, ok: false, problems, ...extras };
  const checked = createCaseSchema.safeParse(candidate);
  if (!checked.success) {
    const seen = new Set<string>();
    for (const issue of checked.error.issues) {
      // The dry-run report is stored once for every reader: its problems are written in English.
      const message = englishMessage(issue.message);
      const field = String(issue.path[0]);
      const sizeField = field.startsWith("size") && !mapping.includes("size");
      const target = sizeField ? (field as ImportTarget) : (FIELD_TARGET[field] ?? "title");
      const key = `${target}:${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      say(
        target,
        message.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase()),
        false,
      );
    }
    return { line: row.line, ok: false, problems, ...extras };
  }
  return {
    ...extras,
    line: row.line,
    ok: true,
    value: { code, input: checked.data, status, event, given: [...cell.keys()] },
  };
}

/** Every row's outcome, in order. */
export function convertSheet(sheet: Sheet, mapping: ImportMapping, values?: ValueMappings | null): RowOutcome[] {
  return sheet.rows.map((row) => {
    try {
      return convertRow(sheet.headers, mapping, row, values);
    } catch {
      // A cell no rule expected must refuse its row, not the whole file (nor answer with a 500).
      return { line: row.line, ok: false, problems: [`row ${row.line}: it could not be read`] };
    }
  });
}
