/** Size, mean and unbiased (n − 1) variance of a sample. */
export interface SampleMoments {
  n: number;
  mean: number;
  variance: number;
}

/**
 * The size, mean and sample variance (denominator n − 1; NaN when n < 2) of `values`,
 * computed in two passes (mean first, then squared deviations, with the classic correction
 * term) so that large offsets such as spend in the thousands do not cost precision.
 *
 * @example
 * sampleMoments([2, 4, 4, 4, 5, 5, 7, 9]); // { n: 8, mean: 5, variance: 4.571428571428571 }
 */
export function sampleMoments(values: ArrayLike<number>): SampleMoments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = n > 0 ? sum / n : NaN;
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
    deviations += d;
  }
  const variance = n > 1 ? (squares - (deviations * deviations) / n) / (n - 1) : NaN;
  return { n, mean, variance: Math.max(0, variance) };
}
