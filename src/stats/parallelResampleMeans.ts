import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { resampleMeans } from './resampleMeans.js';

/**
 * resampleMeans on two threads, synchronously: a worker takes the second half of the
 * resamples while this thread does the first, then this thread waits (Atomics.wait) for it.
 * The split does not change a single bit of the result (see resampleMeans).
 *
 * A worker that never starts (within `startMs`), fails, or stops making progress (for
 * `stallMs`) is not waited for: this thread computes the worker's half itself, so the result is the same and nothing hangs. Below
 * MIN_DRAWS, or where the compiled worker is missing (tests run from source), one thread does
 * everything: starting a worker costs ~30 ms.
 */
export interface BootstrapJob {
  sample: SharedArrayBuffer;
  means: SharedArrayBuffer;
  state: SharedArrayBuffer;
  seed: number;
  from: number;
  to: number;
}

export const WORKER_STARTED = 1;
export const WORKER_DONE = 2;
export const WORKER_FAILED = 3;
const MIN_DRAWS = 20_000_000;
const DEFAULT_WORKER = new URL('./bootstrapWorker.js', import.meta.url);

export function parallelResampleMeans(
  values: Float64Array,
  seed: number,
  resamples: number,
  options: { worker?: URL; startMs?: number; stallMs?: number; minDraws?: number } = {},
): Float64Array {
  const worker = options.worker ?? DEFAULT_WORKER;
  const means = new Float64Array(new SharedArrayBuffer(resamples * 8));
  if (values.length * resamples < (options.minDraws ?? MIN_DRAWS) || resamples < 2 || (worker.protocol === 'file:' && !existsSync(fileURLToPath(worker)))) {
    resampleMeans(values, seed, 0, resamples, means);
    return new Float64Array(means);
  }
  const sample = new Float64Array(new SharedArrayBuffer(values.length * 8));
  sample.set(values);
  const state = new Int32Array(new SharedArrayBuffer(8));
  const half = resamples >> 1;
  const job: BootstrapJob = { sample: sample.buffer as SharedArrayBuffer, means: means.buffer as SharedArrayBuffer, state: state.buffer as SharedArrayBuffer, seed, from: half, to: resamples };
  let thread: Worker | null = null;
  try {
    thread = new Worker(worker, { workerData: job });
    thread.unref();
    // Its errors are handled below through `state`; an 'error' event must not crash the process.
    thread.on('error', () => {});
  } catch {
    thread = null;
  }
  resampleMeans(sample, seed, 0, half, means);
  if (thread !== null && Atomics.load(state, 0) === 0) Atomics.wait(state, 0, 0, options.startMs ?? 5000);
  // A worker that stops making progress (killed, out of memory) is given up on, not waited for.
  let done = -1;
  while (thread !== null && Atomics.load(state, 0) === WORKER_STARTED && Atomics.load(state, 1) > done) {
    done = Atomics.load(state, 1);
    Atomics.wait(state, 0, WORKER_STARTED, options.stallMs ?? 10_000);
  }
  void thread?.terminate();
  if (Atomics.load(state, 0) !== WORKER_DONE) resampleMeans(sample, seed, half, resamples, means);
  return new Float64Array(means);
}
