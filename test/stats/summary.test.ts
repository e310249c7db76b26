import { describe, expect, it } from 'vitest';
import { sampleMoments } from '../../src/stats/sampleMoments.js';
import { mean, median } from '../../src/stats/summary.js';

describe('mean', () => {
  it('averages, and is null (never NaN) for no values', () => {
    expect(mean([100, 20, 106])).toBeCloseTo(75.33333333333333, 14);
    expect(mean([-5])).toBe(-5);
    expect(mean([])).toBeNull();
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

describe('sampleMoments', () => {
  it('computes n, mean and the n − 1 variance', () => {
    expect(sampleMoments([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, variance: 32 / 7 });
    expect(sampleMoments([3, 3, 3]).variance).toBe(0);
    expect(sampleMoments([1e9 + 1, 1e9 + 2, 1e9 + 3]).variance).toBe(1);
    expect(sampleMoments([4]).variance).toBeNaN();
  });
});
