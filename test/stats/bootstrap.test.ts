import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMeanCi } from '../../src/stats/bootstrap.js';
import { createRng } from '../../src/stats/rng.js';

// Reference: an independent Python port of mulberry32 drawing int(floor(r()*n)) indices,
// summing each resample left to right, then numpy.quantile(means, [tail, 1 - tail]).
describe('bootstrapMeanCi', () => {
  it('reproduces the reference resampling exactly', () => {
    expect(bootstrapMeanCi([3, 5, 7, 9, 30], { resamples: 2000, seed: 1 })).toEqual([4.6, 20.8]);
    const spend = [0, 0, 120.5, 80, 99.99, 0, 310, 45];
    expect(bootstrapMeanCi(spend, { resamples: 500, seed: 2014 })).toEqual([25.62212500000001, 163.81125]);
    expect(bootstrapMeanCi(spend, { resamples: 500, seed: 2014, level: 0.9 })).toEqual([31.25, 151.43818749999983]);
  });

  it('is null for no values and [v, v] for one value or a constant sample', () => {
    expect(bootstrapMeanCi([], { resamples: 100, seed: 1 })).toBeNull();
    expect(bootstrapMeanCi([42.5], { resamples: 100, seed: 1 })).toEqual([42.5, 42.5]);
    expect(bootstrapMeanCi([0.1, 0.1, 0.1], { resamples: 100, seed: 1 })).toEqual([0.1, 0.1]);
  });

  it('refuses nonsense options', () => {
    expect(() => bootstrapMeanCi([1, 2], { resamples: 0, seed: 1 })).toThrow(RangeError);
    expect(() => bootstrapMeanCi([1, 2], { resamples: 10.5, seed: 1 })).toThrow(RangeError);
    expect(() => bootstrapMeanCi([1, 2], { resamples: 10, seed: 1, level: 1 })).toThrow(RangeError);
  });

  it('is deterministic for a seed, and its interval contains the sample mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (values, seed) => {
          const options = { resamples: 300, seed };
          const ci = bootstrapMeanCi(values, options)!;
          expect(bootstrapMeanCi(values, options)).toEqual(ci);
          const mean = values.reduce((s, v) => s + v, 0) / values.length;
          expect(ci[0]).toBeLessThanOrEqual(mean + 1e-9);
          expect(ci[1]).toBeGreaterThanOrEqual(mean - 1e-9);
          expect(ci[0]).toBeGreaterThanOrEqual(Math.min(...values));
          expect(ci[1]).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('does not modify its input', () => {
    const values = [5, 1, 4, 2];
    bootstrapMeanCi(values, { resamples: 50, seed: 3 });
    expect(values).toEqual([5, 1, 4, 2]);
    const typed = Float64Array.of(5, 1, 4, 2);
    bootstrapMeanCi(typed, { resamples: 50, seed: 3 });
    expect([...typed]).toEqual([5, 1, 4, 2]);
  });

  it('takes a Float64Array as it is, with the same interval', () => {
    expect(bootstrapMeanCi(Float64Array.of(3, 5, 7, 9, 30), { resamples: 2000, seed: 1 })).toEqual([4.6, 20.8]);
    expect(bootstrapMeanCi(Float64Array.of(0.1, 0.1), { resamples: 10, seed: 1 })).toEqual([0.1, 0.1]);
    expect(bootstrapMeanCi(new Float64Array(0), { resamples: 10, seed: 1 })).toBeNull();
  });

  it('a higher level gives a wider interval from the same resamples', () => {
    const values = [0, 0, 120.5, 80, 99.99, 0, 310, 45];
    const narrow = bootstrapMeanCi(values, { resamples: 1000, seed: 9, level: 0.8 })!;
    const wide = bootstrapMeanCi(values, { resamples: 1000, seed: 9, level: 0.99 })!;
    expect(wide[0]).toBeLessThanOrEqual(narrow[0]);
    expect(wide[1]).toBeGreaterThanOrEqual(narrow[1]);
  });

  it('2,000 resamples of 100,000 values finish in a few seconds', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 100_000 }, () => Math.round(rng() * 20_000) / 100);
    const started = performance.now();
    const [lo, hi] = bootstrapMeanCi(values, { resamples: 2000, seed: 5 })!;
    expect(performance.now() - started).toBeLessThan(8000);
    // standard error ≈ 57.7/√100000 ≈ 0.18, so the 95% interval is about ±0.36 around ~100
    expect(hi - lo).toBeGreaterThan(0.5);
    expect(hi - lo).toBeLessThan(0.9);
  });
});
