import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESAMPLE_KERNEL } from '../../src/stats/resampleKernelBytes.js';
import { kernelRuns, resampleMeans, resampleMeansScript } from '../../src/stats/resampleMeans.js';
import { createRng } from '../../src/stats/rng.js';
import { kernelIsCurrentAndRuns } from '../wasmKernels.js';

describe('the WebAssembly resample kernel', () => {
  kernelIsCurrentAndRuns('src/stats/resampleKernel.wat', RESAMPLE_KERNEL, kernelRuns, 'the script');

  it('gives the script\'s means to the bit for any sample size, seed and block of resamples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 70 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 9 }),
        (values, seed, from, count) => {
          const sample = Float64Array.from(values);
          const kernel = new Float64Array(from + count).fill(-1);
          const script = new Float64Array(from + count).fill(-1);
          resampleMeans(sample, seed, from, from + count, kernel);
          resampleMeansScript(sample, seed, from, from + count, script);
          expect([...kernel]).toEqual([...script]);
        },
      ),
    );
  });

  it('gives the script\'s means on a sample larger than a cache, in blocks as the bootstrap calls it', () => {
    const rng = createRng(11);
    const sample = Float64Array.from({ length: 429_001 }, () => Math.round(rng() * 30000) / 100);
    const kernel = new Float64Array(7);
    resampleMeans(sample, 2024, 0, 3, kernel);
    resampleMeans(sample, 2024, 3, 7, kernel);
    const script = new Float64Array(7);
    resampleMeansScript(sample, 2024, 0, 7, script);
    expect([...kernel]).toEqual([...script]);
    // A smaller sample after a larger one: the kept memory's stale tail is never read.
    const small = Float64Array.of(1, 2, 3, 4, 5);
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    resampleMeans(small, 5, 0, 4, a);
    resampleMeansScript(small, 5, 0, 4, b);
    expect([...a]).toEqual([...b]);
  });

  it('gives the script\'s means on both sides of 2^21 values, where four resamples stop sharing a vector', () => {
    // Below 2^21 values the kernel draws four resamples side by side with integer indices;
    // from 2^21 on it draws one resample at a time with the script's floating-point index.
    const rng = createRng(3);
    for (const n of [2 ** 21 - 1, 2 ** 21]) {
      const sample = Float64Array.from({ length: n }, () => Math.round(rng() * 1e6) / 100);
      const kernel = new Float64Array(6);
      const script = new Float64Array(6);
      resampleMeans(sample, 77, 1, 6, kernel);
      resampleMeansScript(sample, 77, 1, 6, script);
      expect([...kernel]).toEqual([...script]);
    }
  });
});
