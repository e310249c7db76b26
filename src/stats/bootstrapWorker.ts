import { workerData } from 'node:worker_threads';
import { takeBlocks, WORKER_DONE, WORKER_FAILED, WORKER_STARTED, type BootstrapJob } from './parallelResampleMeans.js';

/**
 * The second thread of parallelResampleMeans: for each job in turn, takes blocks of resamples
 * from its shared counter, counting each finished block in state[1] (waking the caller, which
 * waits on it), then says done or failed in state[0]. A job it never reached stays at status 0,
 * and the caller does all of it.
 */
const jobs = workerData as BootstrapJob[];
for (const job of jobs) {
  const state = new Int32Array(job.state);
  Atomics.store(state, 0, WORKER_STARTED);
  try {
    takeBlocks(job, () => {
      Atomics.add(state, 1, 1);
      Atomics.notify(state, 1);
    });
    Atomics.store(state, 0, WORKER_DONE);
  } catch {
    Atomics.store(state, 0, WORKER_FAILED);
  }
  Atomics.notify(state, 1);
}
