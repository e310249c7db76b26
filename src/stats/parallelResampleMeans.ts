import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { resampleMeans } from './resampleMeans.js';

/**
 * resampleMeans on two threads, synchronously: the resamples are cut into blocks, and this
 * thread and a worker each take the next block from a shared counter until none is left, so
 * the two share the work whatever their speeds (a worker still starting takes less). Any
 * division of the resamples gives the same means to the bit (see resampleMeans).
 *
 * When the blocks are all taken this thread waits (Atomics.wait) for the worker's last ones,
 * but not for a worker that failed or stopped making progress (for `stallMs`): it computes
 * whatever block is not done itself, so the result is the same and nothing hangs. Below
 * MIN_DRAWS, or where the compiled worker is missing (tests run from source), one thread does
 * everything: starting a worker costs ~30 ms. `startResampleMeans` starts the worker and leaves
 * this thread free until its `finish`.
 */
export interface BootstrapJob {
  sample: SharedArrayBuffer;
  means: SharedArrayBuffer;
  /** Int32Array: [worker status, blocks the worker finished, next block to take]. */
  state: SharedArrayBuffer;
  /** Int32Array per block: 1 once its means are written. */
  done: SharedArrayBuffer;
  seed: number;
  resamples: number;
  block: number;
}

export const WORKER_STARTED = 1;
export const WORKER_DONE = 2;
export const WORKER_FAILED = 3;
const MIN_DRAWS = 20_000_000;
const BLOCK = 16;
const DEFAULT_WORKER = new URL('./bootstrapWorker.js', import.meta.url);

export function parallelResampleMeans(
  values: Float64Array,
  seed: number,
  resamples: number,
  options: ResampleOptions = {},
): Float64Array {
  return startResampleMeans(values, seed, resamples, options).finish();
}

export interface ResampleOptions {
  worker?: URL;
  stallMs?: number;
  minDraws?: number;
}

/** Resampling under way: `finish` gives the means (this thread takes what is left), `cancel` stops the worker. */
export interface ResampleRun {
  finish(): Float64Array;
  cancel(): void;
}

/**
 * parallelResampleMeans begun: a worker (when the sample is large enough) starts taking blocks
 * now, so that this thread can do other work first; `finish` then takes the blocks left, as
 * parallelResampleMeans does. The means are the same to the bit however the blocks were shared.
 */
export function startResampleMeans(values: Float64Array, seed: number, resamples: number, options: ResampleOptions = {}): ResampleRun {
  return startResampleMeansOf([{ values, seed, resamples }], options)[0]!;
}

/**
 * startResampleMeans for several samples with one worker between them, which takes their
 * blocks sample after sample: a worker thread per sample held a V8 heap each (~25 MB) at the
 * same time. Each run's `finish` takes what is left of its own sample; the worker ends with
 * the last `finish`, or at `cancel`.
 */
export function startResampleMeansOf(samples: readonly { values: Float64Array; seed: number; resamples: number }[], options: ResampleOptions = {}): ResampleRun[] {
  const worker = options.worker ?? DEFAULT_WORKER;
  const canThread = !(worker.protocol === 'file:' && !existsSync(fileURLToPath(worker)));
  const jobs: (BootstrapJob | null)[] = samples.map(({ values, seed, resamples }) => {
    if (!canThread || values.length * resamples < (options.minDraws ?? MIN_DRAWS) || resamples < 2) return null;
    const sample = new Float64Array(new SharedArrayBuffer(values.length * 8));
    sample.set(values);
    return {
      sample: sample.buffer as SharedArrayBuffer,
      means: new SharedArrayBuffer(resamples * 8),
      state: new SharedArrayBuffer(12),
      done: new SharedArrayBuffer(Math.ceil(resamples / BLOCK) * 4),
      seed,
      resamples,
      block: BLOCK,
    };
  });
  const threaded = jobs.filter((j): j is BootstrapJob => j !== null);
  let thread: Worker | null = null;
  if (threaded.length > 0) {
    try {
      thread = new Worker(worker, { workerData: threaded });
      thread.unref();
      // Its errors are handled below through each job's state; an 'error' event must not crash the process.
      thread.on('error', () => {});
    } catch {
      thread = null;
    }
  }
  let open = threaded.length;
  const stop = () => void thread?.terminate();
  return samples.map(({ values, seed, resamples }, i) => {
    const job = jobs[i]!;
    if (job === null) {
      return {
        finish() {
          const means = new Float64Array(resamples);
          resampleMeans(values, seed, 0, resamples, means);
          return means;
        },
        cancel: stop,
      };
    }
    return {
      finish() {
        const means = finishJob(job, thread === null ? null : options.stallMs ?? 10_000);
        if (--open === 0) stop();
        return means;
      },
      cancel: stop,
    };
  });
}

/**
 * A job's means: this thread takes the blocks left, waits for the worker's last ones while it
 * makes progress on this job (`stallMs` null: no worker), and computes whatever is not done.
 */
function finishJob(job: BootstrapJob, stallMs: number | null): Float64Array {
  const state = new Int32Array(job.state);
  const done = new Int32Array(job.done);
  const sample = new Float64Array(job.sample);
  const means = new Float64Array(job.means);
  takeBlocks(job);
  let progress = -1;
  while (stallMs !== null && Atomics.load(state, 0) === WORKER_STARTED && !allDone(done) && Atomics.load(state, 1) > progress) {
    progress = Atomics.load(state, 1);
    Atomics.wait(state, 1, progress, stallMs);
  }
  for (let b = 0; b < done.length; b++) if (Atomics.load(done, b) === 0) computeBlock(job, b, sample, means, done);
  return new Float64Array(means);
}

/** Takes blocks from the shared counter until none is left; returns how many it did. */
export function takeBlocks(job: BootstrapJob, onBlock?: () => void): number {
  const state = new Int32Array(job.state);
  const done = new Int32Array(job.done);
  const sample = new Float64Array(job.sample);
  const means = new Float64Array(job.means);
  const blocks = done.length;
  let taken = 0;
  for (let b = Atomics.add(state, 2, 1); b < blocks; b = Atomics.add(state, 2, 1)) {
    computeBlock(job, b, sample, means, done);
    taken++;
    onBlock?.();
  }
  return taken;
}

function computeBlock(job: BootstrapJob, b: number, sample: Float64Array, means: Float64Array, done: Int32Array): void {
  resampleMeans(sample, job.seed, b * job.block, Math.min(job.resamples, (b + 1) * job.block), means);
  Atomics.store(done, b, 1);
}

function allDone(done: Int32Array): boolean {
  for (let b = 0; b < done.length; b++) if (Atomics.load(done, b) === 0) return false;
  return true;
}
