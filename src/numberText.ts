/**
 * Fixed number formatting for text: sentences written by the analyses and every report. Reports
 * must be byte-identical across runs and machines, so nothing here depends on the locale (no
 * toLocaleString). Money is src/money.ts.
 */

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
