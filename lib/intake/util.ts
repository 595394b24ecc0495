/** Small shared helpers: confidence arithmetic and quoting for `why` sentences. */
import type { Confidence } from "./types";

const ORDER: Confidence[] = ["low", "medium", "high"];

/** The weaker of two confidences: a proposal is only as sure as its least sure step. */
export function weakest(...cs: Confidence[]): Confidence {
  return cs.reduce((a, b) => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b), "high");
}

/** A passage for a `why` sentence: quoted, on one line, shortened if long. */
export function q(s: string, max = 80): string {
  const one = s.replace(/\s+/g, " ").trim();
  return `'${one.length > max ? `${one.slice(0, max - 1)}…` : one}'`;
}

/** Runs a global regex over a string and returns every match (the regex's lastIndex is reset). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}
