/** A stored value as text: ISO days for date-only values, lists joined, null when absent. */
export function historyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return value.toISOString().endsWith("T00:00:00.000Z") ? value.toISOString().slice(0, 10) : value.toISOString();
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}
