/** Shared shapes of the group-reading steps (see index.ts for the order they run in). */
import type { Lexicon } from "../lexicon";
import type { Quantity } from "../numbers";
import type { Sentence } from "../text";
import type { DraftEvent, EventType, GroupPlace, GroupSize, Proposal, Span } from "../types";

export type GroupContext = {
  text: string;
  lex: Lexicon;
  /** Sentences to read (page furniture already left out). */
  sentences: Sentence[];
  /** True for sentences on the headline lines (used to prefer the body when quoting). */
  isHead: (s: Sentence) => boolean;
  pub: string | null;
  /** Today (YYYY-MM-DD), to flag dates in the future; null when not given. */
  today: string | null;
  warnings: string[];
};

export type Kind = "explicit" | "unsized" | "count" | "bare" | "ellipsis" | "singular" | "unknown";

/**
 * What a counted mention is: people caught together (`group`), or something a careful reader does
 * not log as a group: helpers, a breakdown of a group ("13 women and two children"), a statistic over
 * a period or many places, a second estimate of a group already counted, or a running total.
 */
export type Role = "group" | "helper" | "composition" | "aggregate" | "alternative" | "runningTotal";

export type Mention = {
  sentence: Sentence;
  /** The passage: the whole group phrase for explicit groups, the count and its noun otherwise. */
  span: Span;
  wording: string;
  /** The quantity alone ("at least 24"). */
  qtyWording: string;
  quantity: Quantity;
  kind: Kind;
  /** Mentions read from one phrase ("groups of 10 and nine") share a unit. */
  unit: number;
  /** "the 65", "all 29": a count that points back at a group already described. */
  backRef: boolean;
  totalCue: boolean;
  role: Role;
  /** The noun counted, as written ("North Korean defectors", "탈북민"), or "". */
  noun: string;
  why: string;
};

export type Cue = Span & { type: EventType; text: string };

export type Group = {
  mention: Mention;
  size: Proposal<GroupSize>;
  place: Proposal<GroupPlace> | null;
  events: DraftEvent[];
  /** Sentences about this group: where it was described, mentioned again, or referred back to. */
  own: Sentence[];
};
