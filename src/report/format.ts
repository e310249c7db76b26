/**
 * Fixed number formatting for every output. Reports must be byte-identical across runs and
 * machines, so nothing here depends on the locale (no toLocaleString).
 */
/** A money figure in the data's currency (null: the data named none); see src/money.ts. */
export { formatMoney as money } from '../money.js';

/** 0.1234 → "12.3%" (digits after the point configurable). */
export function pct(x: number | null, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return `${(x * 100).toFixed(digits)}%`;
}

/** Signed percentage for lifts: 0.06 → "+6%", -0.8 → "−80%". */
export function signedPct(x: number | null, digits = 0): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const v = (x * 100).toFixed(digits);
  if (Number(v) === 0) return `${(0).toFixed(digits)}%`;
  return x > 0 ? `+${v}%` : `−${v.slice(1)}%`;
}

/** p-values: three significant decimals, "<0.001" below that. */
export function pValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '–';
  if (p < 0.001) return '<0.001';
  return p.toFixed(3);
}

export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

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
