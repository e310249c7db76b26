import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mannWhitneyU, mannWhitneyUSorted } from '../../src/stats/mannWhitney.js';
import { createRng } from '../../src/stats/rng.js';
import { expectRelClose } from './close.js';

// python3 -c "from scipy import stats; r = stats.mannwhitneyu(a, b, alternative='two-sided',
//   method='asymptotic', use_continuity=True); print(r.statistic, r.pvalue)"
function expectMw(a: number[], b: number[], u: number, p: number): void {
  const result = mannWhitneyU(a, b);
  expect(result).not.toBeNull();
  expect(result!.u).toBe(u);
  expectRelClose(result!.p, p, 1e-12);
}

describe('mannWhitneyU', () => {
  it('matches scipy without ties', () => {
    expectMw([1, 2, 3], [4, 5, 6, 7], 0, 0.05182992721790968);
  });

  it('hand check: U counts the pairs a > b, ties ½; z uses the continuity correction', () => {
    // a = [1, 2, 3], b = [4, 5, 6, 7]: no pair has a > b, so U = 0; mean nm/2 = 6;
    // σ² = 3·4/12 · (7 + 1) = 8; z = −(6 − ½)/√8.
    const result = mannWhitneyU([1, 2, 3], [4, 5, 6, 7])!;
    expect(result.u).toBe(0);
    expectRelClose(result.z, -5.5 / Math.sqrt(8), 1e-15);
  });

  it('matches scipy with ties (mid-ranks and the tie-corrected variance)', () => {
    expectMw([1, 2, 2, 3, 5, 5], [2, 3, 3, 4, 5, 6, 6], 12, 0.21624748948892258);
    expectMw([0, 0, 120.5, 80, 99.99, 0, 310, 45], [0, 20, 0, 0, 15.5, 0, 0, 40, 0, 5], 59, 0.07907177834953784);
  });

  it('matches scipy on 300 vs 250 heavily tied values', () => {
    const a = Array.from({ length: 300 }, (_, i) => (i * 37) % 101);
    const b = Array.from({ length: 250 }, (_, i) => ((i * 53) % 97) + 3);
    expectMw(a, b, 37042, 0.8052600435329966);
    expect(mannWhitneyU(b, a)!.u).toBe(37958);
  });

  it('keeps relative precision for complete separation', () => {
    const a = Array.from({ length: 40 }, (_, i) => i);
    const b = Array.from({ length: 40 }, (_, i) => 100 + i);
    expectMw(a, b, 0, 1.435085306393668e-14);
    expect(mannWhitneyU(b, a)!.z).toBeGreaterThan(0);
  });

  it('gives p = 1 when U is within ½ of its mean (scipy clips there)', () => {
    expectMw([1, 2], [1, 2], 2, 1);
    expectMw([1], [2], 0, 1);
    expect(mannWhitneyU([1, 2], [1, 2])!.z).toBe(0);
  });

  it('is undefined for an empty sample or when every value is tied', () => {
    expect(mannWhitneyU([], [1, 2])).toBeNull();
    expect(mannWhitneyU([1, 2], [])).toBeNull();
    expect(mannWhitneyU([3, 3, 3], [3, 3])).toBeNull();
    expect(mannWhitneyU([0], [0])).toBeNull();
  });

  it('refuses NaN instead of looping on it', () => {
    expect(() => mannWhitneyU([1, NaN], [2, 3])).toThrow(RangeError);
  });

  it('U(a, b) + U(b, a) = n·m, and swapping samples negates z and keeps p', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = mannWhitneyU(a, b);
        const ba = mannWhitneyU(b, a);
        if (ab === null) {
          expect(ba).toBeNull();
          return;
        }
        expect(ab.u + ba!.u).toBe(a.length * b.length);
        expect(ba!.z).toBeCloseTo(-ab.z, 12);
        expect(ba!.p).toBeCloseTo(ab.p, 14);
        expect(ab.p >= 0 && ab.p <= 1).toBe(true);
      }),
    );
  });

  it('U equals the brute-force pair count', () => {
    const sample = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        let pairs = 0;
        for (const x of a) for (const y of b) pairs += x > y ? 1 : x === y ? 0.5 : 0;
        const result = mannWhitneyU(a, b);
        if (result !== null) expect(result.u).toBe(pairs);
      }),
    );
  });

  it('runs on 100,000 + 120,000 values in well under a second', () => {
    const rng = createRng(3);
    const a = Array.from({ length: 100_000 }, () => Math.round(rng() * 50));
    const b = Array.from({ length: 120_000 }, () => Math.round(rng() * 51));
    const started = performance.now();
    const result = mannWhitneyU(a, b)!;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.u + mannWhitneyU(b, a)!.u).toBe(100_000 * 120_000);
  });
});

describe('mannWhitneyUSorted', () => {
  it('hand check with a tie spanning both samples: mid-ranks, tie-corrected σ', () => {
    // a = [1, 2, 2], b = [2, 3]: ranks 1 | 3 3 3 | 5, so R_a = 1 + 3 + 3 = 7 and
    // U = 7 − 3·4/2 = 1 (pairs a > b: the two 2-vs-2 ties, ½ each). σ² = 3·2/12 · (6 − 24/20) = 2.4
    // (one tie group of 3: t³ − t = 24); z = −(|1 − 3| − ½)/√2.4; p = erfc(|z|/√2).
    const result = mannWhitneyUSorted(Float64Array.of(1, 2, 2), Float64Array.of(2, 3))!;
    expect(result.u).toBe(1);
    expectRelClose(result.z, -0.9682458365518541, 1e-15);
    expectRelClose(result.p, 0.33292160806556603, 1e-13);
    expect(mannWhitneyUSorted(Float64Array.of(2, 3), Float64Array.of(1, 2, 2))!.u).toBe(5);
  });

  it('gives mannWhitneyU of the unsorted samples to the bit', () => {
    const a = [310, 0, 45, 120.5, 0, 99.99, 80, 0];
    const b = [5, 0, 40, 0, 15.5, 0, 0, 20, 0, 0];
    const sorted = (v: number[]) => Float64Array.from(v).sort();
    expect(mannWhitneyUSorted(sorted(a), sorted(b))).toEqual(mannWhitneyU(a, b));
    expect(mannWhitneyUSorted(sorted(a), sorted(b))!.u).toBe(59);
  });

  it('is null for an empty sample and refuses NaN (sorted last)', () => {
    expect(mannWhitneyUSorted(new Float64Array(0), Float64Array.of(1))).toBeNull();
    expect(() => mannWhitneyUSorted(Float64Array.of(1, NaN), Float64Array.of(2))).toThrow(RangeError);
  });
});
