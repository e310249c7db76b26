import { mean as ssMean, median as ssMedian } from 'simple-statistics';

/**
 * The arithmetic mean, or null for an empty list (never NaN for want of values).
 * Wraps simple-statistics' `mean`, which sums with Kahan–Babuška compensation.
 *
 * @example
 * mean([100, 20, 106]); // 75.33333333333333
 * mean([]); // null
 */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : ssMean(values as number[]);
}

/**
 * The median (the average of the two middle values for an even count), or null for an
 * empty list. Wraps simple-statistics' `median`, which selects on a copy: the input is
 * not reordered.
 *
 * @example
 * median([5, 1, 3]); // 3
 * median([4, 1, 3, 2]); // 2.5
 * median([]); // null
 */
export function median(values: readonly number[]): number | null {
  return values.length === 0 ? null : ssMedian(values as number[]);
}
