/**
 * A group's status from what the report says happened to it, and from the wording's modality:
 * its latest outcome (returned, released, reached safety) wins; then "face repatriation", "could be
 * sent back", "북송 위기" said of the group (at risk); then such words said of the report's people as
 * a whole, in a sentence that names no one group; then talks about a return; then "held".
 */
import type { Sentence } from "../text";
import type { CaseStatus, EventType, Proposal, Span } from "../types";
import { q } from "../util";
import type { Cue, Group, GroupContext } from "./types";

type RiskPassage = { span: Span; text: string } | null;

/** The first risk wording said of everyone (its sentence names no one group), preferring the body to the headline. */
export function riskPassage(ctx: GroupContext, namesAGroup: Set<Sentence>): RiskPassage {
  let head: RiskPassage = null;
  for (const s of ctx.sentences) {
    if (s.text.length > 3000 || namesAGroup.has(s)) continue;
    const m = ctx.lex.riskCue.exec(s.text);
    if (!m) continue;
    const found = { span: { start: s.start, end: s.end }, text: m[0] };
    if (!ctx.isHead(s)) return found;
    head ??= found;
  }
  return head;
}

const OUTCOMES: Partial<Record<EventType, CaseStatus>> = {
  REPATRIATED: "REPATRIATED",
  RELEASED: "RELEASED",
  REACHED_SAFETY: "REACHED_SAFETY",
};
const HELD: EventType[] = ["ARRESTED", "DETAINED", "TRANSFERRED"];
/** Chinese towns on the North Korean border where returned people are handed over. */
const BORDER_CROSSINGS = new Set([
  "Tumen",
  "Dandong",
  "Hunchun",
  "Changbai",
  "Nanping",
  "Ji'an",
  "Linjiang",
  "Kuandian",
  "Kaishantun",
  "Langtou",
  "Helong",
  "Longjing",
]);

export function statusFor(
  ctx: GroupContext,
  g: Group,
  risk: RiskPassage,
  cuesBySentence: Map<Sentence, Cue[]>,
  riskText: (g: Group, s: Sentence) => string = (_g, s) => s.text,
): Proposal<CaseStatus> | null {
  const own = g.events.filter((e) => e.type !== "REPATRIATION_TALKS");
  const outcome = [...own]
    .filter((e) => OUTCOMES[e.type])
    .sort((a, b) => a.dateLatest.localeCompare(b.dateLatest))
    .pop();
  const doubt = (span: Span) => ctx.lex.unconfirmedCue.test(ctx.text.slice(span.start, span.end));
  if (outcome)
    return {
      value: OUTCOMES[outcome.type] as CaseStatus,
      span: outcome.span,
      confidence: doubt(outcome.span) ? "low" : "high",
      why: `the group's latest outcome: ${outcome.type}${outcome.dateWording ? ` (${q(outcome.dateWording)})` : ""}`,
    };
  for (const s of g.own) {
    const cue = (cuesBySentence.get(s) ?? []).find((c) => OUTCOMES[c.type]);
    if (cue && !ctx.lex.doubtCue.test(s.text))
      return {
        value: OUTCOMES[cue.type] as CaseStatus,
        span: { start: s.start, end: s.end },
        confidence: "medium",
        why: `${q(cue.text)} in a sentence about the group, without a date`,
      };
  }
  for (const s of g.own) {
    const m = ctx.lex.riskCue.exec(riskText(g, s));
    if (m)
      return {
        value: "AT_RISK_OF_REPATRIATION",
        span: { start: s.start, end: s.end },
        confidence: "high",
        why: `${q(m[0])} said of the group`,
      };
  }
  if (risk)
    return {
      value: "AT_RISK_OF_REPATRIATION",
      span: risk.span,
      confidence: "medium",
      why: `${q(risk.text)} said of the report's people as a whole`,
    };
  const talks = g.events.find((e) => e.type === "REPATRIATION_TALKS");
  if (talks)
    return {
      value: "AT_RISK_OF_REPATRIATION",
      span: talks.span,
      confidence: "medium",
      why: "talks about their return are reported",
    };
  // Moved to a border crossing (Tumen, Dandong, Hunchun …) is where returns are handed over.
  const toBorder = [...own]
    .reverse()
    .find((e) => e.type === "TRANSFERRED" && e.place?.city && BORDER_CROSSINGS.has(e.place.city));
  if (toBorder)
    return {
      value: "AT_RISK_OF_REPATRIATION",
      span: toBorder.span,
      confidence: "medium",
      why: `moved to ${toBorder.place?.city}, a border crossing where returns are handed over`,
    };
  const held = own.find((e) => HELD.includes(e.type));
  if (held)
    return { value: "REPORTED_DETAINED", span: held.span, confidence: "high", why: `${held.type} and nothing since` };
  for (const s of g.own) {
    const cue = (cuesBySentence.get(s) ?? []).find((c) => HELD.includes(c.type));
    if (cue)
      return {
        value: "REPORTED_DETAINED",
        span: { start: s.start, end: s.end },
        confidence: "medium",
        why: `${q(cue.text)}, without a date`,
      };
  }
  return null;
}
