/**
 * Where sources disagree about a figure. Pure: works on the claims a case page already has
 * (`fieldClaims` from getCaseByCode), so it is unit-tested without a database.
 */

/** The part of a claim this needs (ClaimDto satisfies it). */
export type ValueClaim = {
  id: string;
  field: string | null;
  value: string | null;
  source: { id: string; outlet: string };
};

export type DisagreementValue = {
  /** The value as the first source giving it wrote it. */
  value: string;
  /** Outlets giving this value, each once, in the order the claims came. */
  outlets: string[];
  claimIds: string[];
};

export type Disagreement = { field: string; values: DisagreementValue[] };

/** Values that say the same thing compare equal: spacing, letter case and leading zeros aside. */
export function normalizeClaimValue(value: string): string {
  const v = value.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return /^\d+$/.test(v) ? String(Number(v)) : v;
}

/**
 * One entry per field whose claims carry two or more different values (claims without a value
 * state none and are ignored). `fields` limits and orders the fields looked at.
 */
export function disagreements(
  fieldClaims: Record<string, readonly ValueClaim[]>,
  fields?: readonly string[],
): Disagreement[] {
  const out: Disagreement[] = [];
  for (const field of fields ?? Object.keys(fieldClaims)) {
    const byValue = new Map<string, DisagreementValue>();
    for (const claim of fieldClaims[field] ?? []) {
      if (claim.value === null || claim.value.trim() === "") continue;
      const key = normalizeClaimValue(claim.value);
      const entry = byValue.get(key) ?? { value: claim.value.trim(), outlets: [], claimIds: [] };
      if (!entry.outlets.includes(claim.source.outlet)) entry.outlets.push(claim.source.outlet);
      entry.claimIds.push(claim.id);
      byValue.set(key, entry);
    }
    if (byValue.size > 1) out.push({ field, values: [...byValue.values()] });
  }
  return out;
}

/** "10 (Outlet A) vs 11 (Outlet B, Outlet C)". */
export function describeDisagreement(d: Disagreement): string {
  return d.values.map((v) => `${v.value} (${v.outlets.join(", ")})`).join(" vs ");
}
