import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc } from '../../src/stats/erfc.js';
import { normalCdf, normalTwoSidedP } from '../../src/stats/normal.js';
import { expectRelClose } from './close.js';

describe('normalCdf', () => {
  it('matches scipy across the line, including the far lower tail', () => {
    // python3 -c "from scipy import stats; print(repr(stats.norm.cdf(x)))"
    const cases: [number, number][] = [
      [-37, 5.7255712225239266e-300],
      [-20, 2.7536241186061556e-89],
      [-8, 6.22096057427174e-16],
      [-3, 0.0013498980316300933],
      [-1, 0.15865525393145707],
      [0.5, 0.6914624612740131],
      [5, 0.9999997133484281],
      [8, 0.9999999999999993],
    ];
    for (const [x, expected] of cases) expectRelClose(normalCdf(x), expected, 1e-12);
  });

  it('hits the textbook values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expectRelClose(normalCdf(1.959963984540054), 0.975, 1e-15);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
      }),
    );
  });
});

describe('normalTwoSidedP', () => {
  it('matches scipy 2·norm.sf(|z|), keeping relative precision for huge |z|', () => {
    // python3 -c "from scipy import stats; print(repr(2*stats.norm.sf(abs(z))))"
    const cases: [number, number][] = [
      [1, 0.31731050786291415],
      [-3, 0.0026997960632601866],
      [6, 1.973175290075389e-9],
      [10, 1.523970604832094e-23],
      [30, 9.813427854295816e-198],
      [37, 1.1451142445047853e-299],
    ];
    for (const [z, expected] of cases) expectRelClose(normalTwoSidedP(z), expected, 1e-12);
    expectRelClose(normalTwoSidedP(1.959963984540054), 0.05, 1e-14);
  });

  it('is 1 at z = 0, 0 beyond the smallest double, and symmetric in z', () => {
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalTwoSidedP(40)).toBe(0);
    expect(normalTwoSidedP(-Infinity)).toBe(0);
    expect(normalTwoSidedP(-2.5)).toBe(normalTwoSidedP(2.5));
  });
});

describe('erfc', () => {
  it('matches scipy.special.erfc on each of the three approximation ranges', () => {
    // python3 -c "from scipy import special; print(repr(special.erfc(x)))"
    expect(erfc(0)).toBe(1);
    expectRelClose(erfc(0.3), 0.6713732405408726, 1e-14);
    expectRelClose(erfc(1), 0.15729920705028513, 1e-14);
    expectRelClose(erfc(-1), 1.8427007929497148, 1e-14);
    expectRelClose(erfc(10), 2.088487583762545e-45, 1e-14);
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
  });
});
