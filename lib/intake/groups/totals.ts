/** Whether the groups add up to the total the report states. */
import { describeSize } from "../numbers";
import type { DraftGroup, Extraction, Proposal, StatedTotal } from "../types";

export function totalCheck(groups: DraftGroup[], totals: Proposal<StatedTotal>[]): Extraction["totalCheck"] {
  const sizes = groups.map((g) => g.size.value.best ?? g.size.value.min);
  const sum = sizes.reduce((a, b) => a + b, 0);
  const parts = sizes.join(" + ");
  const unknown = groups.some((g) => g.size.value.best === null && g.size.value.max === null);
  if (!totals.length) {
    return {
      stated: null,
      sumOfGroups: sum,
      consistent: null,
      message: groups.length
        ? `The report states no total; the groups add up to ${sum}${groups.length > 1 ? ` (${parts})` : ""}.`
        : "No groups and no stated total.",
    };
  }
  // The strongest claim (highest minimum); on a tie, the open-ended wording ("at least 24").
  const chosen = [...totals].sort(
    (a, b) => b.value.min - a.value.min || (a.value.max === null ? -1 : 0) - (b.value.max === null ? -1 : 0),
  )[0].value;
  const fits = (t: StatedTotal) => sum >= t.min && (t.max === null || sum <= t.max);
  if (!groups.length)
    return {
      stated: chosen.min,
      sumOfGroups: 0,
      consistent: null,
      message: `Stated ${describeSize(chosen)}, but no groups were found.`,
    };
  if (unknown)
    return {
      stated: chosen.min,
      sumOfGroups: sum,
      consistent: null,
      message: `Stated ${describeSize(chosen)}; a group's size is unknown, so the groups cannot be checked against it.`,
    };
  const bad = totals.filter((t) => !fits(t.value));
  if (!bad.length)
    return {
      stated: chosen.min,
      sumOfGroups: sum,
      consistent: true,
      message: `Stated ${describeSize(chosen)} = ${parts}`,
    };
  const b = bad[0].value;
  const direction = sum < b.min ? "short of" : "more than";
  return {
    stated: b.min,
    sumOfGroups: sum,
    consistent: false,
    message: `Stated ${describeSize(b)} ('${b.wording}'), but the groups add up to ${sum} (${parts}), ${direction} the total: a group may be missing or a size misread.`,
  };
}
