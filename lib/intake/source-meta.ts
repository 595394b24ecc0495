/**
 * The report's own metadata: headline, author, outlet, publication date and language.
 *
 * Pasted articles come with page furniture ("Back To Top", "Share this article"); the headline is
 * the first line after it that reads like a headline (short, no closing period). The author comes
 * from a byline ("By Song Sang-ho ("). The outlet comes, most surely first, from what the user gave,
 * the web address, the lines around the byline or at the foot ("Korea Herald daum"), "told The
 * Korea Herald" in the body, and last any mention (low: a report may quote another outlet). The
 * publication date comes from what the user gave, else a dateline near the top or the foot.
 */
import { isRealDay } from "./dates";
import type { Lexicon } from "./lexicon";
import type { Line } from "./text";
import type { Extraction, ExtractOptions, Proposal, Span } from "./types";
import { q } from "./util";

type Outlet = { name: string; aliases: string[]; hosts: string[] };

/** Outlets that report on North Koreans in China, with the names they appear under and their web hosts. */
export const OUTLETS: readonly Outlet[] = [
  { name: "The Korea Herald", aliases: ["Korea Herald", "코리아헤럴드"], hosts: ["koreaherald.com"] },
  { name: "The Korea Times", aliases: ["Korea Times", "코리아타임스"], hosts: ["koreatimes.co.kr"] },
  {
    name: "Korea JoongAng Daily",
    aliases: ["JoongAng Daily", "JoongAng Ilbo", "중앙일보"],
    hosts: ["joongang.co.kr", "koreajoongangdaily.joins.com"],
  },
  { name: "Yonhap News Agency", aliases: ["Yonhap", "연합뉴스"], hosts: ["yna.co.kr", "yonhapnews.co.kr"] },
  { name: "The Chosun Ilbo", aliases: ["Chosun Ilbo", "조선일보"], hosts: ["chosun.com"] },
  { name: "The Dong-A Ilbo", aliases: ["Dong-A Ilbo", "DongA Ilbo", "동아일보"], hosts: ["donga.com"] },
  { name: "The Hankyoreh", aliases: ["Hankyoreh", "한겨레"], hosts: ["hani.co.kr"] },
  { name: "Daily NK", aliases: ["DailyNK", "데일리NK"], hosts: ["dailynk.com"] },
  { name: "NK News", aliases: ["NKNews"], hosts: ["nknews.org"] },
  { name: "Radio Free Asia", aliases: ["RFA", "자유아시아방송"], hosts: ["rfa.org"] },
  { name: "Voice of America", aliases: ["VOA", "미국의소리"], hosts: ["voanews.com"] },
  { name: "Reuters", aliases: [], hosts: ["reuters.com"] },
  { name: "The Associated Press", aliases: ["Associated Press"], hosts: ["apnews.com"] },
  { name: "Agence France-Presse", aliases: ["AFP"], hosts: ["afp.com"] },
  { name: "BBC News", aliases: ["BBC"], hosts: ["bbc.com", "bbc.co.uk"] },
  { name: "The New York Times", aliases: ["New York Times"], hosts: ["nytimes.com"] },
  { name: "The Washington Post", aliases: ["Washington Post"], hosts: ["washingtonpost.com"] },
  { name: "The Guardian", aliases: [], hosts: ["theguardian.com"] },
  { name: "CNN", aliases: [], hosts: ["cnn.com"] },
  { name: "KBS", aliases: ["KBS News", "KBS 뉴스"], hosts: ["kbs.co.kr"] },
  { name: "MBN", aliases: [], hosts: ["mbn.co.kr"] },
  { name: "YTN", aliases: [], hosts: ["ytn.co.kr"] },
  { name: "Kukmin Ilbo", aliases: ["국민일보"], hosts: ["kmib.co.kr"] },
  { name: "News1", aliases: ["뉴스1"], hosts: ["news1.kr"] },
  { name: "Newsis", aliases: ["뉴시스"], hosts: ["newsis.com"] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const outletRegex = (o: Outlet) =>
  new RegExp(
    `(?<![\\w-])(?:The\\s+)?(?:${[o.name.replace(/^The /, ""), ...o.aliases].map(escape).join("|")})(?![\\w-])`,
    "g",
  );

type Meta = Extraction["source"] & {
  headLines: Set<number>;
  publishedAtValue: string | null;
  publishedAtCandidate: string | null;
};

/** The latest full date (day, month and year) the text mentions, not after `today`: a likely publication date. */
function latestFullDate(text: string, lex: Lexicon, today: string | null): string | null {
  let latest: string | null = null;
  for (const phrase of lex.findDatePhrases(text)) {
    const r = phrase.rule;
    if (r.kind !== "absolute" || r.year === null || r.month === null || r.day === null) continue;
    const iso = `${String(r.year).padStart(4, "0")}-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`;
    if (!isRealDay(iso) || (today && iso > today)) continue;
    if (!latest || iso > latest) latest = iso;
  }
  return latest;
}

function lineSpan(l: Line): Span {
  return { start: l.start, end: l.end };
}

function headlineLike(l: Line): boolean {
  const words = l.text.split(/\s+/).length;
  return l.text.length >= 8 && l.text.length <= 200 && words >= 3 && words <= 25 && !/[.!?]["”’]?$/.test(l.text);
}

/** `language` is detected first (detectLanguage), since it chooses the lexicon. */
export function sourceMeta(
  text: string,
  lines: Line[],
  lex: Lexicon,
  language: Proposal<string>,
  opts: ExtractOptions,
  warnings: string[],
): Meta {
  const clutter = (l: Line) => lex.clutterLine.test(l.text);
  const bylines = lines.filter((l) => l.text.length <= 160 && lex.bylineLine.test(l.text));
  const datelines = new Set<number>();

  // --- publication date
  let publishedAt: Proposal<string> | null = null;
  if (opts.publishedAt !== undefined && opts.publishedAt.trim() !== "") {
    const given = opts.publishedAt.trim();
    if (isRealDay(given)) publishedAt = { value: given, span: null, confidence: "high", why: "given with the report" };
    else
      warnings.push(
        `The publication date given (${q(given, 30)}) is not a real date in the form YYYY-MM-DD; it was ignored.`,
      );
  }
  const edge = [...lines.slice(0, 8), ...lines.slice(Math.max(8, lines.length - 8))];
  for (const l of edge) {
    if (l.text.length > 100) continue;
    const phrase = lex
      .findDatePhrases(l.text)
      .find((p) => p.rule.kind === "absolute" && p.rule.year !== null && p.rule.month !== null && p.rule.day !== null);
    if (!phrase || phrase.rule.kind !== "absolute") continue;
    const { year, month, day } = phrase.rule;
    const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (!isRealDay(iso)) continue;
    datelines.add(l.index);
    if (publishedAt) break;
    const prefixed = lex.datelinePrefix.test(l.text);
    publishedAt = {
      value: iso,
      span: { start: l.start + phrase.start, end: l.start + phrase.end },
      confidence: prefixed ? "high" : "medium",
      why: prefixed
        ? `dateline ${q(l.text)}`
        : `a full date on a short line at the ${l.index < 8 ? "top" : "foot"} of the report, read as its dateline`,
    };
    break;
  }
  if (!publishedAt)
    warnings.push(
      'No publication date: relative dates ("last Wednesday", "four days later") are left unresolved. Give the date the report was published.',
    );

  // --- headline: the first line after page furniture, bylines and datelines
  const skipped: string[] = [];
  let title: Proposal<string> | null = null;
  const headLines = new Set<number>();
  for (const l of lines) {
    if (clutter(l) || bylines.includes(l) || datelines.has(l.index)) {
      skipped.push(l.text);
      headLines.add(l.index);
      continue;
    }
    if (headlineLike(l)) {
      title = {
        value: l.text,
        span: lineSpan(l),
        confidence: "medium",
        why: `the first line that reads like a headline${
          skipped.length
            ? ` (after ${skipped
                .slice(0, 3)
                .map((t) => q(t, 30))
                .join(", ")})`
            : ""
        }`,
      };
    } else warnings.push("No headline found: the first line reads like body text. Give the title by hand.");
    break;
  }
  // Headline lines: the title and the short lines right after it (a standfirst), up to the first paragraph of body text.
  if (title) {
    for (const l of lines) {
      if (l.start < (title.span?.start ?? 0)) continue;
      if (l.start > (title.span?.start ?? 0) && !headlineLike(l)) break;
      headLines.add(l.index);
    }
  }

  // --- author
  let author: Proposal<string> | null = null;
  const byline = bylines[0];
  if (byline) {
    const m = lex.bylineLine.exec(byline.text);
    const name = m?.groups?.name?.replace(/\s+/g, " ").trim();
    if (m && name) {
      const at = byline.start + byline.text.indexOf(name, m.index);
      author = {
        value: name,
        span: { start: at, end: at + name.length },
        confidence: "high",
        why: `byline ${q(byline.text)}`,
      };
    }
  }

  // --- outlet
  const outlet = findOutlet(text, lines, opts, byline ?? null);

  const today = opts.now ? opts.now.toISOString().slice(0, 10) : null;
  const publishedAtCandidate = publishedAt ? null : latestFullDate(text, lex, today);
  return {
    title,
    author,
    outlet,
    publishedAt,
    language,
    headLines,
    publishedAtValue: publishedAt?.value ?? null,
    publishedAtCandidate,
  };
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url.trim()).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

function findOutlet(text: string, lines: Line[], opts: ExtractOptions, byline: Line | null): Proposal<string> | null {
  const mentions = OUTLETS.flatMap((o) =>
    [...text.matchAll(outletRegex(o))].map((m) => ({
      outlet: o,
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      text: m[0],
    })),
  ).sort((a, b) => a.start - b.start);
  const given = opts.outlet?.trim();
  if (given) {
    const known = OUTLETS.find((o) =>
      [o.name, ...o.aliases].some(
        (n) => n.toLowerCase() === given.toLowerCase() || `the ${n.toLowerCase()}` === given.toLowerCase(),
      ),
    );
    const m = known ? mentions.find((x) => x.outlet === known) : null;
    return {
      value: given,
      span: m ? { start: m.start, end: m.end } : null,
      confidence: "high",
      why: "given with the report",
    };
  }
  const host = hostOf(opts.url);
  const byHost = host ? OUTLETS.find((o) => o.hosts.some((h) => host === h || host.endsWith(`.${h}`))) : null;
  if (byHost) {
    const m = mentions.find((x) => x.outlet === byHost);
    return {
      value: byHost.name,
      span: m ? { start: m.start, end: m.end } : null,
      confidence: "high",
      why: `the web address is on ${host}`,
    };
  }
  // Lines around the byline and at the foot of the report.
  const footer = new Set<number>();
  if (byline) for (let i = byline.index - 1; i <= byline.index + 3; i++) footer.add(i);
  for (const l of lines.slice(-3)) footer.add(l.index);
  for (const l of lines) {
    // Footer and byline lines are short labels ("Korea Herald daum", "© Yonhap"), not sentences of the body.
    if (!footer.has(l.index) || l.text.length > 80 || l.text.split(/\s+/).length >= 10) continue;
    const m = mentions.find((x) => x.start >= l.start && x.end <= l.end);
    if (m)
      return {
        value: m.outlet.name,
        span: { start: m.start, end: m.end },
        confidence: "high",
        why: `${q(m.text)} on the ${byline && Math.abs(l.index - byline.index) <= 3 ? "byline" : "last"} lines ${q(l.text, 40)}`,
      };
  }
  const told = mentions.find((m) => /\btold\s+$/i.test(text.slice(Math.max(0, m.start - 10), m.start)));
  if (told)
    return {
      value: told.outlet.name,
      span: { start: told.start, end: told.end },
      confidence: "medium",
      why: `${q(`told ${told.text}`)}: a source speaking to the outlet that wrote the report`,
    };
  const any = mentions[0];
  if (any)
    return {
      value: any.outlet.name,
      span: { start: any.start, end: any.end },
      confidence: "low",
      why: `${q(any.text)} is named in the text; the report may be quoting it rather than be from it`,
    };
  return null;
}

/** The report's language from its script and common words: Hangul means Korean (its lexicon is lexicon-ko.ts); otherwise English is assumed, surely or not. */
export function detectLanguage(text: string): Proposal<string> {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const hangul = sample.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  // Hangul is unmistakable even in a short text.
  if (hangul >= 5 && hangul / Math.max(1, letters) > 0.5)
    return {
      value: "ko",
      span: null,
      confidence: letters < 20 ? "medium" : "high",
      why: `${Math.round((100 * hangul) / letters)}% of the letters are Hangul`,
    };
  if (letters < 20)
    return { value: "en", span: null, confidence: "low", why: "too little text to tell; English assumed" };
  if (hangul / letters > 0.3)
    return {
      value: "ko",
      span: null,
      confidence: "high",
      why: `${Math.round((100 * hangul) / letters)}% of the letters are Hangul`,
    };
  const words = sample.toLowerCase().match(/\b[a-z]+\b/g) ?? [];
  const common = words.filter((w) => /^(?:the|and|of|to|in|a|is|was|were|that|for|on|with|by|said)$/.test(w)).length;
  if (latin / letters > 0.8 && words.length && common / words.length > 0.08)
    return { value: "en", span: null, confidence: "high", why: "Latin script, with common English words throughout" };
  return { value: "en", span: null, confidence: "low", why: "not clearly English; English assumed" };
}
