import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resampleMeans } from '../../src/stats/resampleMeans.js';
import { createRng } from '../../src/stats/rng.js';

/** The definition: resample r draws n indices floor(rng() · n) from createRng(seed)'s stream, in order. */
function reference(sample: Float64Array, seed: number, resamples: number): Float64Array {
  const rng = createRng(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < sample.length; i++) sum += sample[Math.floor(rng() * sample.length)]!;
    means[r] = sum / sample.length;
  }
  return means;
}

describe('resampleMeans', () => {
  it('is the mulberry32 bootstrap to the bit, for every sample size (four draws a turn and the rest)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        fc.integer({ min: 1, max: 12 }),
        (values, seed, resamples) => {
          const sample = Float64Array.from(values);
          const means = new Float64Array(resamples);
          resampleMeans(sample, seed, 0, resamples, means);
          expect([...means]).toEqual([...reference(sample, seed, resamples)]);
        },
      ),
    );
  });

  it('matches the definition on a sample large enough for every index bit to matter', () => {
    const rng = createRng(3);
    const sample = Float64Array.from({ length: 1_000_003 }, () => Math.round(rng() * 20000) / 100);
    const means = new Float64Array(3);
    resampleMeans(sample, 42, 0, 3, means);
    expect([...means]).toEqual([...reference(sample, 42, 3)]);
  });
});
