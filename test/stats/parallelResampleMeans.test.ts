import { describe, expect, it } from 'vitest';
import { parallelResampleMeans, startResampleMeans, startResampleMeansOf } from '../../src/stats/parallelResampleMeans.js';
import { resampleMeans } from '../../src/stats/resampleMeans.js';
import { createRng } from '../../src/stats/rng.js';

/** The compiled worker: test/freshBuild.ts makes sure dist/ is the current source. */
const WORKER = new URL('../../dist/src/stats/bootstrapWorker.js', import.meta.url);
const sample = (() => {
  const rng = createRng(3);
  return Float64Array.from({ length: 5000 }, () => Math.round(rng() * 20000) / 100);
})();

function oneThread(seed: number, resamples: number): Float64Array {
  const means = new Float64Array(resamples);
  resampleMeans(sample, seed, 0, resamples, means);
  return means;
}

describe('parallelResampleMeans', () => {
  it('resampleMeans from the middle continues the same stream: any split gives the same means', () => {
    const whole = oneThread(7, 40);
    const split = new Float64Array(40);
    resampleMeans(sample, 7, 0, 13, split);
    resampleMeans(sample, 7, 13, 40, split);
    expect(split).toEqual(whole);
  });

  it('gives the one-thread means to the bit with a worker', () => {
    expect(parallelResampleMeans(sample, 11, 64, { worker: WORKER, minDraws: 0 })).toEqual(oneThread(11, 64));
  });

  it('started, then finished after other work (the worker alone meanwhile), gives the same means to the bit', async () => {
    const runs = [3, 4].map((seed) => startResampleMeans(sample, seed, 96, { worker: WORKER, minDraws: 0 }));
    // Time for the workers to start and take blocks before this thread takes any.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs[0]!.finish()).toEqual(oneThread(3, 96));
    expect(runs[1]!.finish()).toEqual(oneThread(4, 96));
    const cancelled = startResampleMeans(sample, 5, 32, { worker: WORKER, minDraws: 0 });
    cancelled.cancel();
    expect(cancelled.finish()).toEqual(oneThread(5, 32));
  });

  it('several samples share one worker, finished in any order, each to the bit', async () => {
    const seeds = [21, 22, 23];
    const small = sample.subarray(0, 40);
    const runs = startResampleMeansOf(
      seeds.map((seed, i) => ({ values: i === 1 ? small : sample, seed, resamples: 80 })),
      { worker: WORKER, minDraws: 5000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The middle sample (40 × 80 draws) is under minDraws: this thread does it alone.
    const one = (values: Float64Array, seed: number) => {
      const means = new Float64Array(80);
      resampleMeans(values, seed, 0, 80, means);
      return means;
    };
    expect(runs[2]!.finish()).toEqual(one(sample, 23));
    expect(runs[0]!.finish()).toEqual(one(sample, 21));
    expect(runs[1]!.finish()).toEqual(one(small, 22));
  });

  it('does not hang when the worker fails to start: this thread does its half', () => {
    const failing = new URL('data:text/javascript,throw new Error("worker failed")');
    expect(parallelResampleMeans(sample, 5, 32, { worker: failing, minDraws: 0, stallMs: 200 })).toEqual(oneThread(5, 32));
  });

  it('does not hang when the worker starts and then stalls', () => {
    const stalling = new URL(
      'data:text/javascript,' +
        encodeURIComponent("import { workerData } from 'node:worker_threads'; Atomics.store(new Int32Array(workerData[0].state), 0, 1); for (;;) {}"),
    );
    expect(parallelResampleMeans(sample, 9, 32, { worker: stalling, minDraws: 0, stallMs: 200 })).toEqual(oneThread(9, 32));
  });

  it('computes the block a worker took and then stalled on, or failed on', () => {
    const take = "import { workerData } from 'node:worker_threads'; const s = new Int32Array(workerData[0].state); Atomics.store(s, 0, 1); Atomics.add(s, 2, 1); ";
    const stalls = new URL('data:text/javascript,' + encodeURIComponent(take + 'for (;;) {}'));
    const fails = new URL('data:text/javascript,' + encodeURIComponent(take + 'Atomics.store(s, 0, 3); Atomics.notify(s, 1);'));
    for (const worker of [stalls, fails]) expect(parallelResampleMeans(sample, 13, 100, { worker, minDraws: 0, stallMs: 300 })).toEqual(oneThread(13, 100));
  });
});
