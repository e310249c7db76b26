/**
 * A seeded pseudo-random generator of uniform numbers in [0, 1): mulberry32 (Tommy Ettinger's
 * 32-bit generator). Every step is 32-bit integer arithmetic (`Math.imul`, `>>>`), so the
 * sequence is identical on every platform and Node version. The period is 2^32, ample for a
 * bootstrap (2,000 resamples × 100,000 draws is 2·10^8 draws).
 *
 * The seed is reduced to an unsigned 32-bit integer (`seed >>> 0`), so 1 and 2^32 + 1 give
 * the same sequence, and a fractional seed is truncated.
 *
 * @example
 * const rng = createRng(42);
 * rng(); // 0.6011037519201636
 * rng(); // 0.44829055899754167
 * createRng(42)(); // 0.6011037519201636 again
 */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
