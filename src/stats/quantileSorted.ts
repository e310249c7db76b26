/**
 * The p-quantile of ascending sorted values by linear interpolation between order statistics
 * (Hyndman & Fan type 7: position h = (n − 1)·p, interpolating x⌊h⌋ and x⌊h⌋+1). This is R's
 * default `quantile(type = 7)` and numpy's default `np.quantile`. (simple-statistics'
 * `quantileSorted` uses a different, non-interpolating rule.) NaN for an empty input;
 * p is clamped to [0, 1].
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.25); // 1.75
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo + 1 >= n || h === lo) return below;
  return below + (h - lo) * (sorted[lo + 1]! - below);
}
