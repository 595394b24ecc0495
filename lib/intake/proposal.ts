/** What the server hands the review screen after reading a pasted report (plain data, no secrets). */
import type { Extraction } from "@/lib/intake/types";

export type IntakeDuplicateView = {
  code: string;
  title: string;
  sizeMin: number;
  place: string;
  dates: string;
  /** What matches the proposed group ("same city (Yanji)", "caught 2 days apart"…), best match first. */
  reasons?: string[];
};
export type IntakeContactView = { id: string; name: string; organisation: string | null };

export type IntakeProposal = {
  /** Changes with every proposal, so the review form starts afresh. */
  id: string;
  text: string;
  input: { url?: string; outlet?: string; publishedAt?: string };
  extraction: Extraction;
  /** Per proposed group: existing cases in the same place around the same dates. */
  duplicates: IntakeDuplicateView[][];
  /** Existing contacts, to address appeals to or to match people named in the report. */
  contacts: IntakeContactView[];
  /** The same text captured before (the reviewer may add to its cases instead of logging new ones). */
  earlierCapture?: { id: string; title: string; outlet: string; capturedOn: string; codes: string[]; summary: string };
  /** Per proposed person: the id of an existing contact with the same name, if any. */
  contactMatches: (string | null)[];
};
