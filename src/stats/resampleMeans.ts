import { kernelModule, roomFor } from '../wasmKernel.js';
import { RESAMPLE_KERNEL } from './resampleKernelBytes.js';

/**
 * The bootstrap's inner loop: resamples `from` ≤ r < `to` of `sample` (size n, drawn with
 * replacement by index), each resample's mean written to means[r]. The draws are
 * createRng(seed)'s mulberry32 stream written out in the loop (a call per draw was most of
 * the time). Mulberry32's state advances by a constant per draw, so resample r starts at the
 * state after r·n draws wherever the loop begins: any split of the resamples (between
 * threads, say) gives the same means to the bit as one loop from 0.
 *
 * Run by the WebAssembly kernel (resampleKernel.wat) where the platform has 128-bit SIMD,
 * else by resampleMeansScript: the same means to the bit either way.
 */
export function resampleMeans(sample: Float64Array, seed: number, from: number, to: number, means: Float64Array): void {
  if (to <= from) return;
  const kernel = kernelFor(sample.length, to - from);
  if (kernel === null) {
    resampleMeansScript(sample, seed, from, to, means);
    return;
  }
  const n = sample.length;
  // Copied for each call (a block of resamples): ~1% of the block's time at any n.
  new Float64Array(kernel.memory.buffer, 0, n).set(sample);
  kernel.resample(n, startState(seed, from, n), to - from, n * 8);
  means.set(new Float64Array(kernel.memory.buffer, n * 8, to - from), from);
}

/** The generator's state before resample `from`'s first draw. */
function startState(seed: number, from: number, n: number): number {
  return ((seed >>> 0) + Math.imul(Math.imul(from, n), STEP)) | 0;
}

/** resampleMeans in JavaScript: the definition the kernel is held to. */
export function resampleMeansScript(
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
  let state = startState(seed, from, n);
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

interface Kernel {
  memory: WebAssembly.Memory;
  resample(n: number, state: number, count: number, meansAt: number): void;
}

/** Null where WebAssembly or its SIMD is missing (the script then runs). */
const KERNEL_MODULE = kernelModule(RESAMPLE_KERNEL);

/**
 * This thread's kernel, its memory grown to hold the sample and the means. Up to KEPT_BYTES it
 * is kept for the next call (a bootstrap calls once per block of resamples); a larger sample
 * gets an instance of its own, freed with it, so a thread never holds more than that for long.
 */
let kept: Kernel | null = null;
const KEPT_BYTES = 64 * 2 ** 20;
/** Samples whose bytes a 32-bit address cannot reach are left to the script. */
const MAX_BYTES = 2 ** 31;

function kernelFor(n: number, count: number): Kernel | null {
  if (KERNEL_MODULE === null) return null;
  // The sample, the means, and the kernel's 4,096 bytes of offsets from a multiple of 16.
  const bytes = (n + count) * 8 + 16 + 4096;
  if (bytes > MAX_BYTES) return null;
  const kernel = bytes <= KEPT_BYTES && kept !== null ? kept : (new WebAssembly.Instance(KERNEL_MODULE).exports as unknown as Kernel);
  roomFor(kernel.memory, bytes);
  if (bytes <= KEPT_BYTES) kept = kernel;
  return kernel;
}

/** Whether resampleMeans runs the WebAssembly kernel here (for tests: Node 20 on x86-64 and arm64 has it). */
export function kernelRuns(): boolean {
  return KERNEL_MODULE !== null;
}
