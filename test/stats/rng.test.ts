import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/stats/rng.js';

describe('createRng', () => {
  it('produces the mulberry32 sequence', () => {
    // Independent Python port of mulberry32 with explicit 32-bit masking:
    // s=(s+0x6d2b79f5)&M; t=((s^(s>>15))*(1|s))&M; t=((t+(((t^(t>>7))*(61|t))&M))&M)^t; ((t^(t>>14))&M)/2**32
    const rng = createRng(42);
    expect([rng(), rng(), rng(), rng(), rng()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693, 0.17481389874592423,
    ]);
    const zero = createRng(0);
    expect([zero(), zero(), zero()]).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
  });

  it('reduces the seed to an unsigned 32-bit integer', () => {
    const a = createRng(-1);
    const b = createRng(2 ** 32 - 1);
    expect([a(), a(), a()]).toEqual([0.8964226141106337, 0.189478256739676, 0.7156526781618595]);
    expect([b(), b(), b()]).toEqual([0.8964226141106337, 0.189478256739676, 0.7156526781618595]);
    expect(createRng(2 ** 32 + 42)()).toBe(createRng(42)());
    expect(createRng(42.9)()).toBe(createRng(42)());
  });

  it('is deterministic and stays in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 }), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
  });

  it('is roughly uniform (mean and decile counts of 100,000 draws)', () => {
    const rng = createRng(7);
    const deciles = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng();
      sum += x;
      deciles[Math.floor(x * 10)]!++;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
