import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { welchTTest } from '../../src/stats/welch.js';
import { expectRelClose } from './close.js';

// python3 -c "from scipy import stats; r = stats.ttest_ind(a, b, equal_var=False); print(r.statistic, r.df, r.pvalue)"
function expectWelch(a: number[], b: number[], t: number, df: number, p: number, rel = 1e-12): void {
  const result = welchTTest(a, b);
  expect(result).not.toBeNull();
  expectRelClose(result!.t, t, rel);
  expectRelClose(result!.df, df, rel);
  expectRelClose(result!.p, p, rel);
}

describe('welchTTest', () => {
  it('matches scipy on a small hand-sized case', () => {
    expectWelch([1, 2, 3, 4], [2, 4, 6, 8, 10], -2.2514363231593695, 5.520787746170677, 0.06913359319239237);
  });

  it('reads Float64Arrays like arrays', () => {
    expect(welchTTest(Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 4, 6, 8, 10))).toEqual(welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]));
    expectRelClose(welchTTest(Float64Array.of(1, 2, 3, 4), [2, 4, 6, 8, 10])!.t, -2.2514363231593695);
  });

  it('matches scipy on spend-like data with many zeros', () => {
    expectWelch(
      [0, 0, 120.5, 80, 99.99, 0, 310, 45],
      [0, 20, 0, 0, 15.5, 0, 0, 40, 0, 5],
      2.0011440130218534,
      7.187254319634795,
      0.08441131146923637,
    );
  });

  it('matches scipy on 300 vs 250 values', () => {
    const a = Array.from({ length: 300 }, (_, i) => (i * 37) % 101);
    const b = Array.from({ length: 250 }, (_, i) => ((i * 53) % 97) + 3);
    expectWelch(a, b, -0.2506392023092783, 536.5671841429621, 0.8021890137274783);
  });

  it('loses no precision to a large common offset', () => {
    // Same data as the small case shifted by 1e9: t, df and p are unchanged.
    const a = [1, 2, 3, 4].map((v) => 1e9 + v);
    const b = [2, 4, 6, 8, 10].map((v) => 1e9 + v);
    expectWelch(a, b, -2.2514363231593695, 5.520787746170677, 0.06913359319239237, 1e-9);
  });

  it('with one constant sample, uses the other sample alone (df = n − 1)', () => {
    expectWelch([5, 5, 5], [1, 2, 3, 4, 9], 0.8615497903412858, 4, 0.43751978747715886);
  });

  it('is undefined for samples under 2 values or with both variances 0', () => {
    expect(welchTTest([], [1, 2])).toBeNull();
    expect(welchTTest([1], [1, 2, 3])).toBeNull();
    expect(welchTTest([1, 2, 3], [7])).toBeNull();
    expect(welchTTest([4, 4, 4], [4, 4])).toBeNull();
    expect(welchTTest([4, 4, 4], [9, 9])).toBeNull(); // means differ, but t would be infinite
  });

  it('is antisymmetric: swapping samples negates t and keeps df and p', () => {
    const sample = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = welchTTest(a, b);
        const ba = welchTTest(b, a);
        if (ab === null) {
          expect(ba).toBeNull();
          return;
        }
        expect(ba!.t).toBeCloseTo(-ab.t, 10);
        expect(ba!.df).toBeCloseTo(ab.df, 8);
        expect(ba!.p).toBeCloseTo(ab.p, 12);
        expect(ab.p >= 0 && ab.p <= 1).toBe(true);
      }),
    );
  });
});
