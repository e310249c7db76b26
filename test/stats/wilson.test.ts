import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson.js';
import { expectRelClose } from './close.js';

// python3: z=1.959963984540054; p=x/n; d=1+z*z/n; c=(p+z*z/(2*n))/d;
//          h=z/d*np.sqrt(p*(1-p)/n+z*z/(4*n*n)); print(c-h, c+h)
function expectInterval(actual: [number, number] | null, lo: number, hi: number): void {
  expect(actual).not.toBeNull();
  expectRelClose(actual![0], lo, 1e-14);
  expectRelClose(actual![1], hi, 1e-14);
}

describe('wilsonInterval', () => {
  it('8 of 10 by hand: centre 0.7167, half-width 0.2266', () => {
    // z² = 3.8415; centre = (0.8 + 0.19207)/1.38415 = 0.71673;
    // half = 1.95996/1.38415 · √(0.016 + 0.0096036) = 0.22658
    expectInterval(wilsonInterval(8, 10), 0.4901624715366418, 0.9433178485456248);
  });

  it('matches the formula for other counts and for another z', () => {
    expectInterval(wilsonInterval(412, 500), 0.78818582871064, 0.854873598670274);
    expectInterval(wilsonInterval(1, 2), 0.09453120573423074, 0.9054687942657693);
    expectInterval(wilsonInterval(8, 10, 2.5758293035489004), 0.4008186965216716, 0.9598688474953836);
  });

  it('is exactly 0 or 1 at the boundary counts', () => {
    expectInterval(wilsonInterval(0, 10), 0, 0.2775327998628892);
    expect(wilsonInterval(10, 10)![1]).toBe(1);
    expectRelClose(wilsonInterval(10, 10)![0], 0.7224672001371107, 1e-14);
    expect(wilsonInterval(1, 1)![1]).toBe(1);
    expectRelClose(wilsonInterval(1, 1)![0], 0.20654931437723745, 1e-14);
  });

  it('is null for n = 0 and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });

  it('contains the point estimate and lies in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([successes, n]) => {
          const [lo, hi] = wilsonInterval(successes, n)!;
          expect(0 <= lo && lo <= successes / n && successes / n <= hi && hi <= 1).toBe(true);
        },
      ),
    );
  });

  it('narrows as n grows at a fixed proportion', () => {
    const width = (x: number, n: number) => {
      const [lo, hi] = wilsonInterval(x, n)!;
      return hi - lo;
    };
    expect(width(80, 100)).toBeLessThan(width(8, 10));
    expect(width(800, 1000)).toBeLessThan(width(80, 100));
  });
});
