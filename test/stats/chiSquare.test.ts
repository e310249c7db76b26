import { describe, expect, it } from 'vitest';
import { chiSquareIndependence } from '../../src/stats/chiSquare.js';
import { expectRelClose } from './close.js';

// python3 -c "from scipy import stats; c, p, df, _ = stats.chi2_contingency(t, correction=False); print(c, df, p)"
function expectChi(table: number[][], chi2: number, df: number, p: number): void {
  const result = chiSquareIndependence(table);
  expect(result).not.toBeNull();
  expectRelClose(result!.chi2, chi2, 1e-13);
  expect(result!.df).toBe(df);
  expectRelClose(result!.p, p, 1e-12);
}

describe('chiSquareIndependence', () => {
  it('2×2 by hand: [[30, 10], [20, 20]] has χ² = 16/3', () => {
    // Row totals 40, 40; column totals 50, 30; N = 80. Expected 25, 15 in both rows, so
    // every cell is off by 5: χ² = 2·(25/25 + 25/15) = 5.3333, df = 1.
    expectChi([[30, 10], [20, 20]], 5.333333333333334, 1, 0.020921335337794004);
  });

  it('matches scipy on a 3×4 table and on a near-independent one', () => {
    expectChi(
      [
        [12, 5, 9, 20],
        [7, 14, 3, 8],
        [10, 10, 10, 2],
      ],
      22.19469952523738,
      6,
      0.001116323866451556,
    );
    expectChi([[50, 48], [49, 51]], 0.08081632653061224, 1, 0.7761941835604405);
  });

  it('matches scipy on a 24-hour × satisfied table (df = 23)', () => {
    const hours = [
      [40, 10], [47, 15], [41, 11], [48, 16], [42, 12], [49, 17], [43, 13], [50, 18],
      [44, 14], [51, 10], [45, 15], [52, 11], [46, 16], [40, 12], [47, 17], [41, 13],
      [48, 26], [42, 22], [49, 18], [43, 23], [50, 11], [44, 16], [51, 12], [45, 17],
    ];
    expectChi(hours, 19.759204845947128, 23, 0.6563905001345038);
  });

  it('drops empty rows and columns before counting df', () => {
    expectChi([[30, 10, 0], [0, 0, 0], [20, 20, 0]], 5.333333333333334, 1, 0.020921335337794004);
  });

  it('perfect independence gives χ² = 0 and p = 1', () => {
    expect(chiSquareIndependence([[10, 20], [5, 10]])).toEqual({ chi2: 0, df: 1, p: 1 });
  });

  it('is undefined with fewer than 2 non-empty rows or columns', () => {
    expect(chiSquareIndependence([])).toBeNull();
    expect(chiSquareIndependence([[5, 7]])).toBeNull();
    expect(chiSquareIndependence([[5, 7], [0, 0]])).toBeNull();
    expect(chiSquareIndependence([[5, 0], [7, 0]])).toBeNull(); // every ticket satisfied
    expect(chiSquareIndependence([[0, 0], [0, 0]])).toBeNull();
  });

  it('is invariant to transposing and to the order of rows', () => {
    const table = [[12, 5, 9, 20], [7, 14, 3, 8], [10, 10, 10, 2]];
    const transposed = table[0]!.map((_, j) => table.map((row) => row[j]!));
    const a = chiSquareIndependence(table)!;
    const b = chiSquareIndependence(transposed)!;
    const c = chiSquareIndependence([table[2]!, table[0]!, table[1]!])!;
    expectRelClose(b.chi2, a.chi2, 1e-14);
    expectRelClose(c.chi2, a.chi2, 1e-14);
    expect(b.df).toBe(6);
  });
});
