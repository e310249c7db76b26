import { describe, expect, it } from 'vitest';
import { sampleMoments } from '../../src/stats/sampleMoments.js';
import { mean, median, medianSorted } from '../../src/stats/summary.js';

describe('mean', () => {
  it('averages, and is null (never NaN) for no values', () => {
    expect(mean([100, 20, 106])).toBeCloseTo(75.33333333333333, 14);
    expect(mean([-5])).toBe(-5);
    expect(mean([])).toBeNull();
  });

  it('gives the same bits for a Float64Array of the same values', () => {
    const values = [0.1, 0.2, 0.30000000000000004, 1e16, -1e16, 7.25];
    expect(mean(Float64Array.from(values))).toBe(mean(values));
    expect(mean(new Float64Array(0))).toBeNull();
  });
});

describe('median', () => {
  it('takes the middle value, or the average of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0, 0, 0, 250])).toBe(0);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [4, 1, 3, 2];
    median(values);
    expect(values).toEqual([4, 1, 3, 2]);
  });
});

describe('medianSorted', () => {
  it('takes the middle of sorted values, interpolating like median', () => {
    expect(medianSorted([1, 3, 5])).toBe(3);
    expect(medianSorted([1, 2, 4, 10])).toBe(3);
    expect(medianSorted(Float64Array.of(0.1, 0.2, 0.30000000000000004, 0.7))).toBe(0.25);
    expect(medianSorted([7])).toBe(7);
    expect(medianSorted([])).toBeNull();
  });

  it('equals median of the unsorted values to the bit', () => {
    const values = [0.7, 0.1, 0.30000000000000004, 0.2, 12.34, 0, 0];
    for (const v of [values, values.slice(1)]) {
      expect(medianSorted(Float64Array.from(v).sort())).toBe(median(v));
    }
  });
});

describe('sampleMoments', () => {
  it('computes n, mean and the n − 1 variance', () => {
    expect(sampleMoments([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, variance: 32 / 7 });
    expect(sampleMoments([3, 3, 3]).variance).toBe(0);
    expect(sampleMoments([1e9 + 1, 1e9 + 2, 1e9 + 3]).variance).toBe(1);
    expect(sampleMoments([4]).variance).toBeNaN();
  });

  it('reads a Float64Array like an array', () => {
    expect(sampleMoments(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9))).toEqual({ n: 8, mean: 5, variance: 32 / 7 });
  });
});
