/**
 * Possible duplicates of a new case, ranked by how well they match it, each with the reasons in
 * words: the same city, province, dates close together, the same or a similar size. Pure, so the
 * ranking is tested without a database.
 */
export type DuplicateCandidate = {
  code: string;
  title: string;
  sizeMin: number;
  sizeMax: number | null;
  province: string | null;
  cityArea: string | null;
  firstEventEarliest: Date | null;
};
export type NewCaseDraft = {
  sizeMin: number;
  sizeMax?: number;
  province?: string;
  cityArea?: string;
  /** YYYY-MM-DD: when the group was caught, when known. */
  caughtOn?: string;
};

const DAY = 86_400_000;
const same = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());

/** The candidates, best match first, each with its score and reasons ("same city", "caught 2 days apart"…). */
export function rankDuplicates<C extends DuplicateCandidate>(
  draft: NewCaseDraft,
  candidates: readonly C[],
): (C & { score: number; reasons: string[] })[] {
  return candidates
    .map((c) => {
      const reasons: string[] = [];
      let score = 0;
      if (same(c.cityArea, draft.cityArea)) {
        score += 3;
        reasons.push(`same city (${c.cityArea})`);
      } else if (same(c.province, draft.province)) {
        score += 2;
        reasons.push(`same province (${c.province})`);
      }
      if (draft.caughtOn && c.firstEventEarliest) {
        const days = Math.round(
          Math.abs(c.firstEventEarliest.getTime() - Date.parse(`${draft.caughtOn}T00:00:00Z`)) / DAY,
        );
        if (days === 0) {
          score += 4;
          reasons.push("caught the same day");
        } else if (days <= 3) {
          score += 3;
          reasons.push(`caught ${days} ${days === 1 ? "day" : "days"} apart`);
        } else if (days <= 31) {
          score += 1;
          reasons.push(`caught ${days} days apart`);
        }
      }
      if (c.sizeMin === draft.sizeMin && (c.sizeMax ?? null) === (draft.sizeMax ?? null)) {
        score += 3;
        reasons.push(`same size (${c.sizeMin}${c.sizeMax !== null && c.sizeMax !== c.sizeMin ? `–${c.sizeMax}` : ""})`);
      } else if (Math.abs(c.sizeMin - draft.sizeMin) <= Math.max(2, Math.round(draft.sizeMin * 0.3))) {
        score += 1;
        reasons.push(`similar size (${c.sizeMin} against ${draft.sizeMin})`);
      }
      return { ...c, score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}
