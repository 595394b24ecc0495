/**
 * What the report extractor proposes. Every proposal carries the passage it came from (`span`,
 * offsets into the text exactly as passed in), how sure the rule that made it is (`confidence`) and
 * why, in one short sentence a reviewer can check against the passage (`why`).
 *
 * The enum unions are imported from the generated Prisma enums module, which is a plain module with
 * no runtime dependencies: the extractor stays usable in the browser.
 */
import type { CaseStatus, ContactKind, EventType } from "@/lib/generated/prisma/enums";

export type { CaseStatus, ContactKind, EventType };

/** Character offsets into the ORIGINAL text passed in: `text.slice(start, end)` is the passage. */
export type Span = { start: number; end: number };
export type Confidence = "high" | "medium" | "low";
export type Proposal<T> = { value: T; span: Span | null; confidence: Confidence; why: string };
export type Precision = "DAY" | "WEEK" | "MONTH" | "YEAR";

export type DraftEvent = {
  type: EventType;
  /** YYYY-MM-DD; equal to dateLatest when the day is known. */
  dateEarliest: string;
  dateLatest: string;
  precision: Precision;
  /** The report's own words for the date ("last Wednesday", "Four days later"). */
  dateWording: string;
  /** The sentence the event comes from. */
  span: Span;
  /** Where it happened, when the report says (a transfer's destination, a crossing). */
  place?: GroupPlace | null;
  confidence: Confidence;
  why: string;
};

export type GroupSize = { min: number; max: number | null; best: number | null; wording: string };
export type GroupPlace = { country: string /* ISO-2 */; province: string | null; city: string | null };

export type DraftGroup = {
  size: Proposal<GroupSize>;
  place: Proposal<GroupPlace> | null;
  events: DraftEvent[];
  status: Proposal<CaseStatus> | null;
};

export type StatedTotal = { min: number; max: number | null; wording: string };
export type PersonValue = { name: string; role: string | null; organisation: string | null; kind: ContactKind };
export type AppealValue = { askedFor: string; by: string | null; to: string | null; count: number | null };

export type Extraction = {
  source: {
    title: Proposal<string> | null;
    author: Proposal<string> | null;
    outlet: Proposal<string> | null;
    publishedAt: Proposal<string> | null;
    language: Proposal<string>;
  };
  /** The date relative dates were resolved against (given, else found in the text), or null. */
  publishedAt: string | null;
  /**
   * When the report shows no publication date: the latest full date its text mentions (not after
   * today), offered to the reviewer as a likely one. Never used to resolve dates until confirmed.
   */
  publishedAtCandidate?: string | null;
  groups: DraftGroup[];
  statedTotals: Proposal<StatedTotal>[];
  /** Statistics over a period or many places ("at least 100 … since April"): never groups; the reviewer may keep them. */
  aggregates: Proposal<StatedTotal>[];
  totalCheck: { stated: number | null; sumOfGroups: number; consistent: boolean | null; message: string };
  people: Proposal<PersonValue>[];
  appeals: Proposal<AppealValue>[];
  warnings: string[];
  rejected?: never;
};

export type ExtractOptions = {
  /** YYYY-MM-DD: the report's publication date, the reference for relative dates. */
  publishedAt?: string;
  outlet?: string;
  url?: string;
  /** "Today", only to flag dates in the future; the extractor never reads the clock itself. */
  now?: Date;
};
