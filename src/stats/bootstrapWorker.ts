import { workerData } from 'node:worker_threads';
import { resampleMeans } from './resampleMeans.js';
import { WORKER_DONE, WORKER_FAILED, WORKER_STARTED, type BootstrapJob } from './parallelResampleMeans.js';

/**
 * The second thread of parallelResampleMeans: computes its share of the resamples into the
 * shared `means` and says so in `state` (started, then done or failed), waking the caller.
 */
const job = workerData as BootstrapJob;
const state = new Int32Array(job.state);
Atomics.store(state, 0, WORKER_STARTED);
try {
  resampleMeans(new Float64Array(job.sample), job.seed, job.from, job.to, new Float64Array(job.means), state);
  Atomics.store(state, 0, WORKER_DONE);
} catch {
  Atomics.store(state, 0, WORKER_FAILED);
}
Atomics.notify(state, 0);
