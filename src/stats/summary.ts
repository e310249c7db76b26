import { mean as ssMean, median as ssMedian } from 'simple-statistics';
import { quantileSorted } from './quantileSorted.js';

/**
 * The arithmetic mean, or null for an empty list (never NaN for want of values).
 * Wraps simple-statistics' `mean`, which sums with Kahan–Babuška compensation (in index
 * order, so a Float64Array of the same values gives the same bits).
 *
 * @example
 * mean([100, 20, 106]); // 75.33333333333333
 * mean([]); // null
 */
export function mean(values: readonly number[] | Float64Array): number | null {
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

/**
 * `median` of values already sorted ascending, without the copy and selection: the same
 * bits, since simple-statistics' median is the type-7 quantile at ½ (x[k] + ½·(x[k+1] − x[k])
 * for an even count), which is what quantileSorted computes from the same order statistics.
 *
 * @example
 * medianSorted([1, 2, 3, 4]); // 2.5
 * medianSorted([]); // null
 */
export function medianSorted(sorted: ArrayLike<number>): number | null {
  return sorted.length === 0 ? null : quantileSorted(sorted, 0.5);
}
