import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/stats/studentTQuantile.js';
import { expectRelClose } from './close.js';

/*
 * qt(0.975, df): closed forms for df = 1 (tan(0.475π)) and df = 2 ((2p − 1)/√(2p(1 − p))), and
 * for other df a separate python3 computation: Simpson's rule on the t density after the
 * substitution t = tan θ (200,000 panels), then bisection on the upper tail. It agrees with the
 * tables (2.5706, 2.2281, 2.0423, 1.9840) to every printed digit.
 */
describe('studentTQuantile', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    expectRelClose(studentTQuantile(0.05, 1), Math.tan(0.475 * Math.PI), 1e-12);
    expectRelClose(studentTQuantile(0.05, 2), 0.95 / Math.sqrt(2 * 0.975 * 0.025), 1e-12);
  });

  it.each([
    [5, 2.570581835636319],
    [10, 2.2281388519862766],
    [30, 2.042272456301231],
    [100, 1.9839715185235374],
    [5.520787746170677, 2.49933109294666],
  ])('qt(0.975, %f) by numerical integration', (df, expected) => {
    expectRelClose(studentTQuantile(0.05, df), expected, 1e-11);
  });

  it('rejects alpha outside (0, 1) and df ≤ 0', () => {
    expect(() => studentTQuantile(0, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.05, 0)).toThrow(RangeError);
  });
});
