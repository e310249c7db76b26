/**
 * The bootstrap's inner loop: resamples `from` ≤ r < `to` of `sample` (size n, drawn with
 * replacement by index), each resample's mean written to means[r]. The draws are
 * createRng(seed)'s mulberry32 stream written out in the loop (a call per draw was most of
 * the time). Mulberry32's state advances by a constant per draw, so resample r starts at the
 * state after r·n draws wherever the loop begins: any split of the resamples (between
 * threads, say) gives the same means to the bit as one loop from 0.
 */
export function resampleMeans(
  sample: Float64Array,
  seed: number,
  from: number,
  to: number,
  means: Float64Array,
): void {
  const n = sample.length;
  // (u / 2^32) · n and u · (n · 2^-32) are the same single rounding of u·n·2^-32, and the
  // floor of a non-negative number below 2^31 is its `| 0`: the index is unchanged.
  const scale = n * 2.3283064365386963e-10;
  let state = ((seed >>> 0) + Math.imul(Math.imul(from, n), STEP)) | 0;
  for (let r = from; r < to; r++) {
    let sum = 0;
    let i = 0;
    // Four draws computed apart, then added in draw order: the same sum, to the bit, with
    // the generator's work overlapped (~25% faster than one draw per turn).
    for (; i + 3 < n; i += 4) {
      const x0 = sample[index((state + STEP) | 0, scale)]!;
      const x1 = sample[index((state + 2 * STEP) | 0, scale)]!;
      const x2 = sample[index((state + 3 * STEP) | 0, scale)]!;
      const x3 = sample[index((state + 4 * STEP) | 0, scale)]!;
      state = (state + 4 * STEP) | 0;
      sum += x0;
      sum += x1;
      sum += x2;
      sum += x3;
    }
    for (; i < n; i++) {
      state = (state + STEP) | 0;
      sum += sample[index(state, scale)]!;
    }
    means[r] = sum / n;
  }
}

/** Mulberry32's output for `state`, as an index below n (scale = n · 2^-32). */
function index(state: number, scale: number): number {
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) * scale) | 0;
}

/** Mulberry32's increment (see rng.ts). */
const STEP = 0x6d2b79f5;
