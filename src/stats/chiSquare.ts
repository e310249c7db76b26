import { chiSquareSf } from './chiSquareDist.js';

/** Pearson's chi-square statistic, its degrees of freedom and p-value. */
export interface ChiSquareResult {
  chi2: number;
  df: number;
  p: number;
}

/**
 * Pearson's chi-square test of independence of the rows and columns of a contingency table
 * of counts, without Yates' continuity correction (scipy
 * `chi2_contingency(table, correction=False)`):
 *
 *   χ² = Σ (O − E)²/E with E = row total · column total / N,  df = (r − 1)(c − 1).
 *
 * Rows and columns whose total is 0 are dropped first (they would give E = 0 and do not
 * change χ²; they must not inflate df). Returns null when fewer than 2 non-empty rows or
 * fewer than 2 non-empty columns remain. Counts must be non-negative; ragged rows are read
 * as having 0 in their missing cells.
 *
 * @example
 * // satisfied / not satisfied on two shifts: 30/10 and 20/20
 * chiSquareIndependence([[30, 10], [20, 20]]); // { chi2: 5.333333333333334, df: 1, p: 0.02092133533779398 }
 */
export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareResult | null {
  const columns = table.reduce((width, row) => Math.max(width, row.length), 0);
  const rowTotals = table.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => table.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const rows = rowTotals.flatMap((total, i) => (total > 0 ? [i] : []));
  const cols = columnTotals.flatMap((total, j) => (total > 0 ? [j] : []));
  if (rows.length < 2 || cols.length < 2) return null;
  const grandTotal = rows.reduce((sum, i) => sum + rowTotals[i]!, 0);
  let chi2 = 0;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowTotals[i]! * columnTotals[j]!) / grandTotal;
      const d = (table[i]![j] ?? 0) - expected;
      chi2 += (d * d) / expected;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  return { chi2, df, p: chiSquareSf(chi2, df) };
}
