/**
 * The language-specific part of the extractor, behind one interface.
 *
 * Everything that depends on the report's language lives in a Lexicon: word tables (number words,
 * the nouns that name people, the verbs that name an arrest or a release), the phrase patterns built
 * from them, and the recognisers for date phrases (English uses chrono-node). The modules that use
 * a lexicon (numbers, dates, groups, people, appeals, source metadata) hold only the rules that do
 * not depend on the language: how a size wording becomes min/max/best, how "last week" becomes a
 * date range, how groups and stated totals are told apart.
 *
 * English is lexicon-en.ts, Korean lexicon-ko.ts. Where Korean word order needs a different phrase shape
 * (counters follow the noun: "탈북자 10명"; dates come before the count they go with: "12일 5명"), the
 * phrase patterns are the lexicon's to build, which is why patterns, not just words, live here.
 */
import type { Quantity } from "./numbers";
import type { Confidence, ContactKind, EventType } from "./types";

/** How a size wording bounds the number it gives (see the rules table in numbers.ts). */
export type SizeRule =
  | "exact"
  | "atLeast"
  | "moreThan"
  | "about"
  | "nearly"
  | "upTo"
  | "fewerThan"
  | "range"
  | "dozens"
  | "hundreds"
  | "several"
  | "few"
  | "unknown"
  | "one";

/** A date phrase as recognised in a sentence, before it is resolved against a reference date. */
export type DateRule =
  /** A calendar date or month or year written out ("on Aug. 2", "in May 2013", "in 2010"). */
  | {
      kind: "absolute";
      year: number | null;
      month: number | null;
      day: number | null;
      part: "early" | "mid" | "late" | null;
    }
  | { kind: "yesterday" }
  | { kind: "today" }
  | { kind: "daysAgo"; n: number }
  | { kind: "weeksAgo"; n: number }
  | { kind: "monthsAgo"; n: number }
  | { kind: "lastWeek" }
  | { kind: "thisWeek" }
  | { kind: "lastMonth" }
  | { kind: "thisMonth" }
  | { kind: "lastYear" }
  | { kind: "thisYear" }
  /** 0 = Sunday … 6 = Saturday. */
  | { kind: "weekday"; weekday: number; which: "last" | "this" | "next" | "bare" }
  /** A day of the month without its month ("on the 16th", "지난 8일"): this month, or the one before (offset). */
  | { kind: "dayOfMonth"; day: number; monthOffset: 0 | -1 | null }
  /** This month or an earlier one, whole or in part ("early this month", "이달 초", "지난달"). */
  | { kind: "monthOf"; offset: number; part: "early" | "mid" | "late" | null }
  /** A month of the publication's year or the year before ("올해 4월", "지난해 10월 초"). */
  | { kind: "yearMonth"; yearOffset: 0 | -1; month: number; part: "early" | "mid" | "late" | null }
  /** The latest named month before publication ("last January" in a March report: that January). */
  | { kind: "lastNamedMonth"; month: number }
  /** Part of the week before publication ("late last week": Thursday to Sunday). */
  | { kind: "lastWeekPart"; part: "early" | "late" }
  /** A span up to publication: "over the past two weeks", "in the last few days". */
  | { kind: "pastSpan"; n: number; unit: "day" | "week" | "month" }
  /** Counted from the previous event: "four days later", "the next day", "two weeks earlier". */
  | { kind: "chain"; n: number; unit: "day" | "week" | "month"; direction: 1 | -1 };

/** Offsets are relative to the text searched. `until` ends a range written as one phrase ("Aug. 2 to Aug. 5"). */
export type DatePhrase = { start: number; end: number; wording: string; rule: DateRule; until?: DateRule };

export type CueTable = ReadonlyArray<{ type: EventType; pattern: RegExp }>;

export type PersonTitle = { role: string | null; kind: ContactKind | null };

/** Regex sources for the ways a report names a group; named groups as noted. */
export type GroupPatternSources = {
  /** "Two groups of 10 and nine people": group `list`. */
  plural: string;
  /** "another group of five people", "a family of four": groups `qty` (optional) and `noun` (optional). */
  singular: string;
  /** "24 North Korean defectors", "탈북자 10명": groups `qty` and `noun` (optional where the language allows). */
  count: string;
  /** "another five", "five more" (a count whose noun is understood): group `qty`. */
  bare: string;
  /** "a North Korean woman": group `noun`. */
  person: string;
  /** "N groups" without sizes ("in three groups", "세 개 일행"): group `n`. */
  unsizedGroups: string;
  /** "North Korean defectors" with no number: group `noun`. */
  unknown: string;
};

export interface Lexicon {
  /** BCP-47 code of the language the tables are for. */
  readonly language: string;

  // --- layout ---------------------------------------------------------------------------------
  /** Lower-cased abbreviations (without their final period) that do not end a sentence. */
  readonly abbreviations: ReadonlySet<string>;
  /** A whole line of page furniture: "Back To Top", "Share this article", "Advertisement". */
  readonly clutterLine: RegExp;
  /** A byline: the author's name in group `name` ("By Song Sang-ho (", "By Jane Doe and John Roe"). */
  readonly bylineLine: RegExp;
  /** A word that introduces a publication date on a dateline ("Published", "Updated", "Posted"). */
  readonly datelinePrefix: RegExp;

  // --- numbers and sizes ------------------------------------------------------------------------
  /** Regex source (no capture groups) for one number: digits or words ("24", "1,383", "nine", "two dozen"). */
  readonly numberSource: string;
  /** The value of a number matched by numberSource, or null. */
  parseNumber(words: string): number | null;
  /** Words before a number that bound it ("at least", "some", "more than"), with their rule. */
  readonly approximators: ReadonlyArray<{ source: string; rule: SizeRule }>;
  /** Regex source for words after a number that make it a minimum ("or more"). */
  readonly orMoreSource: string;
  /** Regex source for a range of two numbers, with groups `lo` and `hi` ("between 10 and 12", "10 to 12"). */
  rangeSource(num: string): string;
  /** Quantity words without a number ("dozens of", "several"), with their rule. */
  readonly vagueQuantities: ReadonlyArray<{ source: string; rule: SizeRule }>;
  /** Regex source for the nouns that name the people a report counts ("defectors", "North Koreans"). */
  readonly peopleNounSource: string;
  /** Regex source for the same nouns in the singular, counted as one person ("a North Korean woman"). */
  readonly personNounSource: string;
  /** Regex source for a group of people: plural `(two) groups of`, singular `(another) group of`. */
  readonly groupsLeadSource: string;
  readonly groupLeadSource: string;
  /** Regex source for words that make a count a total ("a total of", "in all"). */
  readonly totalCueSource: string;
  /** Regex source for a partitive right after a number ("of the", "of them"): "Ten of the defectors" is a subset. */
  readonly partitiveSource: string;
  /** Regex source for a second count that leaves its noun out: ", and about a dozen in". */
  readonly ellipsisJoinSource: string;
  /** Regex source for place prepositions ("in", "near", "in the city of"). */
  readonly placePrepositionSource: string;

  /** The lexicon's own quantity reader, when the language's counts do not fit the English shape (counters, suffixes). */
  readonly quantity?: { source: string; parse(text: string): Quantity | null };
  /** The group phrase patterns, built around the quantity source `Q`. */
  groupPatterns(Q: string): GroupPatternSources;
  /** Nouns for people who help or watch, not detainees ("guides", "brokers", "informants", "활동가"). */
  readonly helperNoun: RegExp;
  /** Words right after a counted person that make them a helper or a relative in the South ("a defector who reached South Korea"). */
  readonly helperAfter: RegExp;
  /** Words right after a count that make it part of a group ("7명과 8명 두 조로 나뉘어": two travelling teams). */
  readonly compositionAfter: RegExp;
  /** Nouns that describe who is in a group ("women", "children", "여성"): a breakdown, not a group. */
  readonly compositionNoun: RegExp;
  /** Words around a count that make it a statistic over a period or many places ("since April", "so far"). */
  readonly aggregateCue: RegExp;
  /** Words that make a count another estimate of a group already counted ("put the number at"). */
  readonly alternativeCue: RegExp;
  /** Words that make a count a running total ("brings the number … to 34", "34명으로 늘었다"): group `qty`. */
  readonly runningTotalSource: string;
  /** Words after a partitive that make part of a group not detainees ("Two of the twelve … were informants"). */
  readonly notDetaineeCue: RegExp;
  /** True when a date phrase belongs to the count AFTER it ("12일 5명"), false when to the one before. */
  readonly datesPrecedeCounts: boolean;

  // --- events -------------------------------------------------------------------------------------
  /** Words that say what happened to people: "were caught" is ARRESTED, "were freed" is RELEASED. */
  readonly eventCues: CueTable;
  /** Words that say people are at risk of forced return ("face repatriation", "could be sent back"). */
  readonly riskCue: RegExp;
  /** Text just before / after an event word that makes it a prospect ("will be", "북송될 예정"): not an event. */
  readonly prospectBefore: RegExp;
  readonly prospectAfter: RegExp;
  /** "It is not clear whether": the sentence's outcome events are not proposed. */
  readonly doubtCue: RegExp;
  /** "unconfirmed", "확인되지 않은": events are proposed with low confidence. */
  readonly unconfirmedCue: RegExp;
  /** True when the place of an event comes before its event word ("투먼으로 이송"), false when after ("moved to Tumen"). */
  readonly placePrecedesEvent: boolean;
  /** Talks between the two governments about a return: a verb, each side named, and what about. */
  readonly talks: { verb: RegExp; sideA: RegExp; sideB: RegExp; topic: RegExp };
  /** Words that refer back to people already described ("they", "the group", "the 12"). */
  readonly anaphora: RegExp;

  // --- dates ----------------------------------------------------------------------------------------
  /** Every date phrase in a piece of text, with offsets relative to it. */
  findDatePhrases(text: string): DatePhrase[];
  /** Regex source joining two date phrases into one range ("and", "to", "through"). */
  readonly dateJoinSource: string;
  /** Regex source, ending at a date, for the report's attribution ("activists said on Monday"): that date is when it was said. */
  readonly attributionSource: string;
  /** Regex source, starting right after a date, for an attribution that follows it ("20일 밝혔다"). */
  readonly attributionAfterSource?: string;

  // --- people ---------------------------------------------------------------------------------------
  /** Titles before a name, keyed lower-case without a final period: "rep" gives role "lawmaker". */
  readonly personTitles: Readonly<Record<string, PersonTitle>>;
  readonly titleSource: string;
  /** Regex source for a person's name (two or three capitalised words, hyphenated given names allowed). */
  readonly nameSource: string;
  /** Capitalised words that are never part of a person's name ("The", "Korea", "Ministry"). */
  readonly nameStopwords: ReadonlySet<string>;
  /** Regex source for verbs of speech ("said", "told"). */
  readonly speechVerbSource: string;
  /** Regex source for a role noun that can stand before a name ("spokesman", "researcher"). */
  readonly roleNounSource: string;
  /** Regex source for an organisation's name: capitalised words, "of"/"for"/"and" between them. */
  readonly organisationSource: string;
  /** Words before a party name that are not part of it ("the minority", "the ruling"). */
  readonly partyQualifierSource: string;
  /** Whole-name frames for languages whose names do not fit the English title/apposition shapes
   * ("자유선진당 박선영 의원은"): named groups `name`, `role` and optionally `org`. When given, the
   * English frames are not used. */
  readonly personFrames?: ReadonlyArray<{ pattern: RegExp; how: string }>;
  /** How a role or organisation names a kind of contact, tried in order. */
  readonly kindRules: ReadonlyArray<{ kind: ContactKind; pattern: RegExp }>;
  /** "the ministry", "the university": a reference back to an organisation named earlier, and how to find it. */
  readonly backReferences: ReadonlyArray<{ pattern: RegExp; antecedent: RegExp }>;
  /** Prepositions between a role and its organisation ("professor at Inha University"). */
  readonly roleOrgSplit: RegExp;

  // --- appeals --------------------------------------------------------------------------------------
  /** "<who> requested (through <via>) that <whom> <help …>" and "<who> urged <whom> to <…>", with named groups. */
  readonly appealPatterns: ReadonlyArray<{ pattern: RegExp; confidence: Confidence; shape: string }>;
  /** Nouns that can be the subject of an appeal when it is not spelled out ("activists", "families"). */
  readonly appellantNoun: RegExp;
  /** Words that tie an appeal to people at risk ("release", "repatriation", "them"): a U.N. call about Syria is not one. */
  readonly appealTopic: RegExp;
}
