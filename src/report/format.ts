/**
 * Fixed number formatting for every output. Reports must be byte-identical across runs and
 * machines, so nothing here depends on the locale (no toLocaleString).
 */
/** A money figure in the data's currency (null: the data named none); see src/money.ts. */
export { formatMoney as money } from '../money.js';

/** Numbers in sentences and tables; a neutral module, so analyses can write sentences too. */
export { count, pct, pValue, signedPct } from '../numberText.js';

/**
 * Rounds every float in a JSON-able value to 10 significant digits. For comparing two results
 * whose sums were taken in a different order (tests); never for what loyalty writes: JSON
 * numbers round-trip exactly, rounding is for display text only.
 */
export function stableNumbers<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v)));
}

/**
 * A result as JSON: every number exactly as computed (JSON.stringify writes the shortest text
 * that reads back to the same double), so 12345678901.23 stays 12345678901.23. A number that
 * is not finite has no JSON form and is written as null, which readers take as "could not be
 * computed"; -0 is written as 0.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
