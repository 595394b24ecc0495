/**
 * Layout: lines, paragraphs and sentences of a pasted report, as offsets into the original text.
 *
 * Nothing is ever rewritten: every later rule works on slices of the text as pasted, so any span it
 * proposes points at exactly what the reviewer sees. Line breaks are hard boundaries (a headline, a
 * byline and the first paragraph are separate units), except where a line was visibly hard-wrapped:
 * the line does not end a sentence and the next one starts in lower case.
 */
import type { Span } from "./types";

/** The longest text the extractor reads (a long feature is about 30,000 characters). */
export const MAX_REPORT_CHARS = 200_000;

export type Line = Span & { text: string; index: number };
export type Sentence = Span & {
  text: string;
  index: number;
  /** Index of the paragraph (block of lines without a blank line in between). */
  paragraph: number;
  /** Index of the first line the sentence is on. */
  line: number;
};

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** The span of `inner` (offsets relative to `base`) moved into the original text. */
export function at(base: number, start: number, end: number): Span {
  return { start: base + start, end: base + end };
}

/** Trimmed, non-empty lines with their offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed)
      lines.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed, index: lines.length });
    // Step over the line break (and avoid an endless loop on the empty match at a break).
    re.lastIndex = m.index + raw.length + 1;
    if (m.index + raw.length >= text.length) break;
  }
  return lines;
}

/** True when the text between two lines holds a blank line. */
function blankBetween(text: string, a: Line, b: Line): boolean {
  return /\n[ \t\u00a0]*\r?\n|\r[ \t\u00a0]*\r/.test(text.slice(a.end, b.start));
}

/** A line visibly wrapped mid-sentence: no closing punctuation, and the next line starts in lower case. */
function wraps(a: Line, b: Line): boolean {
  return !/[.!?:;"”’)\]]$/.test(a.text) && /^[a-z]/.test(b.text);
}

/** Blocks of lines that read as one run of text: a paragraph, or a single headline or byline line. */
export function paragraphs(text: string, lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const prev = current[current.length - 1];
    if (prev && !blankBetween(text, prev, line) && wraps(prev, line)) current.push(line);
    else {
      if (current.length) blocks.push(current);
      current = [line];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

const CLOSERS = `"'”’)\\]`;
const TERMINAL = new RegExp(`[.!?]+[${CLOSERS}]*(?=\\s|$)`, "g");

/**
 * True when the period at `dot` ends an abbreviation ("Rep.", "Feb.", "U.N.", an initial) rather
 * than a sentence.
 */
function isAbbreviation(block: string, dot: number, abbreviations: ReadonlySet<string>): boolean {
  if (block[dot] !== ".") return false;
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(block[i - 1])) i--;
  const token = block.slice(i, dot);
  if (!token) return false;
  if (abbreviations.has(token.toLowerCase())) return true;
  // Initials and dotted acronyms: "K.", "U.N.", "N.K.", "U.S."
  return /^(?:[A-Za-z]\.)*[A-Z]$/.test(token) && token.length <= 5;
}

/**
 * Sentences of the text. A sentence ends at . ! or ? (and any closing quotes) followed by white
 * space, unless the period ends a known abbreviation or the next word starts in lower case; and at
 * every paragraph boundary.
 */
export function splitSentences(text: string, lines: Line[], abbreviations: ReadonlySet<string>): Sentence[] {
  const out: Sentence[] = [];
  paragraphs(text, lines).forEach((block, paragraph) => {
    const start = block[0].start;
    const end = block[block.length - 1].end;
    const body = text.slice(start, end);
    let from = 0;
    const push = (a: number, b: number) => {
      const raw = body.slice(a, b);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (!trimmed) return;
      const s = start + a + lead;
      const lineIndex = block.findLast((l) => l.start <= s)?.index ?? block[0].index;
      out.push({ start: s, end: s + trimmed.length, text: trimmed, index: out.length, paragraph, line: lineIndex });
    };
    TERMINAL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TERMINAL.exec(body)) !== null) {
      const stop = m.index + m[0].length;
      const next = body.slice(stop).match(/^\s*(\S)/)?.[1];
      if (next === undefined) break;
      if (m[0].startsWith(".") && m[0].length === 1 && isAbbreviation(body, m.index, abbreviations)) continue;
      if (/[a-z]/.test(next)) continue;
      push(from, stop);
      from = stop;
    }
    push(from, body.length);
  });
  return out;
}

/**
 * Why a string is not text a person pasted, or null when it is. NUL bytes never occur in text; a
 * few control characters can (a stray form feed), so only a share above 5% counts, as does the
 * replacement character U+FFFD that a binary file decoded as UTF-8 is full of.
 */
export function notTextReason(text: string): string | null {
  if (text.includes("\u0000")) return "it contains NUL bytes";
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  if (!sample.length) return null;
  const odd = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  if (odd / sample.length > 0.05) return "it is mostly control characters or undecodable bytes";
  return null;
}
