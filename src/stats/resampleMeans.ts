/**
 * The bootstrap's inner loop: resamples `from` ≤ r < `to` of `sample` (size n, drawn with
 * replacement by index), each resample's mean written to means[r]. The draws are
 * createRng(seed)'s mulberry32 stream written out in the loop (a call per draw was most of
 * the time). Mulberry32's state advances by a constant per draw, so resample r starts at the
 * state after r·n draws wherever the loop begins: any split of the resamples (between
 * threads, say) gives the same means to the bit as one loop from 0. `progress[1]`, when
 * given, counts the resamples done (for a waiting thread).
 */
export function resampleMeans(
  sample: Float64Array,
  seed: number,
  from: number,
  to: number,
  means: Float64Array,
  progress?: Int32Array,
): void {
  const n = sample.length;
  let state = ((seed >>> 0) + Math.imul(Math.imul(from, n), STEP)) | 0;
  for (let r = from; r < to; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      state = (state + STEP) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      sum += sample[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]!;
    }
    means[r] = sum / n;
    if (progress) Atomics.add(progress, 1, 1);
  }
}

/** Mulberry32's increment (see rng.ts). */
const STEP = 0x6d2b79f5;
