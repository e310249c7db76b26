import { startResampleMeansOf } from './parallelResampleMeans.js';
import { quantileSorted } from './quantileSorted.js';

/** Resampling settings: how many resamples, the seed, and the confidence level (default 0.95). */
export interface BootstrapOptions {
  resamples: number;
  seed: number;
  level?: number;
}

/**
 * A percentile bootstrap confidence interval for the mean: draw `resamples` samples of
 * size n with replacement (indices from `createRng(seed)`), take each mean, and return the
 * (1 − level)/2 and (1 + level)/2 quantiles of those means by type-7 linear interpolation
 * (see `quantileSorted`). The same values, options and seed always give the same interval.
 *
 * Returns null for an empty sample; a constant sample (including a single value) gives
 * [v, v] exactly. Throws RangeError unless resamples is a positive integer and 0 < level < 1.
 *
 * Speed: number[] values are copied once into a Float64Array (a Float64Array is read as it
 * is, so a caller holding one pays no copy) and each resample is a running sum, so nothing is
 * allocated per resample; large samples use two threads (parallelResampleMeans), with the
 * same result to the bit.
 *
 * @example
 * bootstrapMeanCi([3, 5, 7, 9, 30], { resamples: 2000, seed: 1 }); // [4.6, 20.8]
 */
export function bootstrapMeanCi(values: readonly number[] | Float64Array, options: BootstrapOptions): [number, number] | null {
  return startBootstrapMeanCi(values, options).finish();
}

/** bootstrapMeanCi begun: on a large sample a worker starts resampling now, and `finish` gives the interval. */
export function startBootstrapMeanCi(values: readonly number[] | Float64Array, options: BootstrapOptions): BootstrapRun {
  return startBootstrapMeanCis([values], options)[0]!;
}

export interface BootstrapRun {
  finish(): [number, number] | null;
  cancel(): void;
}

/** startBootstrapMeanCi for several samples, which share one worker thread (startResampleMeansOf). */
export function startBootstrapMeanCis(samples: readonly (readonly number[] | Float64Array)[], options: BootstrapOptions): BootstrapRun[] {
  const { resamples, seed, level = 0.95 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrapMeanCi: resamples must be a positive integer, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapMeanCi: level must be in (0, 1), got ${level}`);
  const known: ([number, number] | null | undefined)[] = [];
  const resampled: { values: Float64Array; seed: number; resamples: number }[] = [];
  for (const values of samples) {
    const n = values.length;
    if (n === 0) {
      known.push(null);
      continue;
    }
    const sample = values instanceof Float64Array ? values : Float64Array.from(values);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (sample[i]! < min) min = sample[i]!;
      if (sample[i]! > max) max = sample[i]!;
    }
    // Summing n copies of v need not give back v exactly; a constant sample has a known answer.
    if (min === max) known.push([min, min]);
    else {
      known.push(undefined);
      resampled.push({ values: sample, seed, resamples });
    }
  }
  const runs = startResampleMeansOf(resampled);
  const cancel = () => runs.forEach((r) => r.cancel());
  let next = 0;
  return known.map((answer) => {
    if (answer !== undefined) return { finish: () => answer, cancel };
    const run = runs[next++]!;
    return {
      finish() {
        const means = run.finish();
        means.sort();
        const tail = (1 - level) / 2;
        return [quantileSorted(means, tail), quantileSorted(means, 1 - tail)];
      },
      cancel,
    };
  });
}
