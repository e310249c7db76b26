/**
 * Cramér's V of a contingency table: √(χ² / (n · (min(rows, columns) − 1))), from 0 (the two
 * classifications are unrelated) to 1 (one determines the other). Rows or columns that are
 * all zero are ignored. Null when fewer than two non-empty rows or columns remain.
 *
 * @example
 * cramersV([[10, 0], [0, 10]]); // 1
 * cramersV([[5, 5], [5, 5]]); // 0
 */
export function cramersV(table: readonly (readonly number[])[]): number | null {
  const rows = table.filter((row) => row.some((v) => v > 0));
  if (rows.length < 2) return null;
  const columns = rows[0].map((_, j) => j).filter((j) => rows.some((row) => row[j] > 0));
  if (columns.length < 2) return null;
  const rowSums = rows.map((row) => columns.reduce((s, j) => s + row[j], 0));
  const colSums = columns.map((j) => rows.reduce((s, row) => s + row[j], 0));
  const n = rowSums.reduce((s, v) => s + v, 0);
  let chi2 = 0;
  rows.forEach((row, i) => {
    columns.forEach((j, k) => {
      const expected = (rowSums[i] * colSums[k]) / n;
      chi2 += (row[j] - expected) ** 2 / expected;
    });
  });
  return Math.sqrt(chi2 / (n * (Math.min(rows.length, columns.length) - 1)));
}
