import { describe, expect, it } from 'vitest';
import { contrast, olsHc3 } from '../../src/stats/olsHc3.js';
import { expectRelClose } from './close.js';

// Reference: exact rational arithmetic (python3 fractions), the textbook formulas with
// normal equations solved by Gauss–Jordan, a different route from this module's QR:
//   XtX = Xᵀ X; A = inv(XtX) (Gauss–Jordan over Fraction); beta = A Xᵀ y; e = y − X beta
//   h_i = x_iᵀ A x_i; w_i = e_i² / (1 − h_i)²; M = Σ w_i x_i x_iᵀ; V = A M A   (HC3)
// data: rows (1, resolved, unresolved, spend) and y below →
//   beta [3.696969696969697, 8.696969696969697, -6.0, 1.878787878787879]
//   se   [1.2889063192552508, 1.192726198634631, 1.6949805584539386, 0.4207623225507889]
//   cov(b1, b2) 0.6951223494045554; var(b1 − b2) 2.905310179637131
const resolved = [0, 1, 0, 1, 0, 0, 1, 0, 0, 1];
const unresolved = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0];
const spend = [3, 1, 4, 2, 5, 2, 6, 1, 3, 4];
const y = [10, 14, 3, 15, 12, 2, 25, 6, 5, 20];
const regressors = [
  { name: 'resolved', values: resolved },
  { name: 'unresolved', values: unresolved },
  { name: 'spend', values: spend },
];

describe('olsHc3', () => {
  it('matches the exact coefficients and HC3 standard errors', () => {
    const fit = olsHc3(y, regressors);
    expect(fit.kept).toEqual(['(intercept)', 'resolved', 'unresolved', 'spend']);
    expect(fit.n).toBe(10);
    expect(fit.k).toBe(4);
    const beta = [3.696969696969697, 8.696969696969697, -6.0, 1.878787878787879];
    beta.forEach((b, j) => expectRelClose(fit.coefficients[j], b, 1e-12));
    const se = [1.2889063192552508, 1.192726198634631, 1.6949805584539386, 0.4207623225507889];
    se.forEach((s, j) => expectRelClose(Math.sqrt(fit.covariance![j]![j]!), s, 1e-11));
    expectRelClose(fit.covariance![1]![2], 0.6951223494045554, 1e-11);
  });

  it('takes a difference of coefficients its variance from the covariance', () => {
    const fit = olsHc3(y, regressors);
    const c = contrast(fit, { resolved: 1, unresolved: -1 })!;
    expectRelClose(c.estimate, 14.696969696969697, 1e-12);
    expectRelClose(c.se!, Math.sqrt(2.905310179637131), 1e-11);
    // t(0.975, 6) = 2.446911851144969 (R qt)
    expectRelClose(c.ci95![0], 14.696969696969697 - 2.446911851144969 * Math.sqrt(2.905310179637131), 1e-11);
    expect(c.p!).toBeLessThan(0.001);
  });

  it('drops a constant and an exactly collinear regressor and names them', () => {
    const fit = olsHc3(y, [
      ...regressors,
      { name: 'zero', values: new Array(10).fill(0) },
      { name: 'doubleSpend', values: spend.map((s) => 2 * s + 1) },
    ]);
    expect(fit.dropped).toEqual([
      { name: 'zero', reason: 'constant' },
      { name: 'doubleSpend', reason: 'collinear' },
    ]);
    expectRelClose(fit.coefficients[1], 8.696969696969697, 1e-11);
    expect(contrast(fit, { zero: 1 })).toBeNull();
  });

  it('matches the one-regressor example by hand', () => {
    // y = 1, 3, 2, 5 on x = 0..3: slope = Sxy/Sxx = 5.5/5 = 1.1, intercept 2.75 − 1.1·1.5 = 1.1
    const fit = olsHc3([1, 3, 2, 5], [{ name: 'x', values: [0, 1, 2, 3] }]);
    expectRelClose(fit.coefficients[0], 1.1, 1e-14);
    expectRelClose(fit.coefficients[1], 1.1, 1e-14);
  });

  it('has no covariance when a point has leverage 1 (a group of one)', () => {
    const fit = olsHc3([1, 2, 3, 9], [{ name: 'single', values: [0, 0, 0, 1] }]);
    expect(fit.covariance).toBeNull();
    const c = contrast(fit, { single: 1 })!;
    expectRelClose(c.estimate, 7, 1e-14);
    expect(c.se).toBeNull();
    expect(c.ci95).toBeNull();
  });
});

describe('olsHc3 with scratch regressors', () => {
  it('gives the same fit to the bit, and leaves regressors not marked scratch as they were', () => {
    const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const x1 = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5];
    const x2 = [0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1];
    const copied = olsHc3(y, [
      { name: 'x1', values: Float64Array.from(x1) },
      { name: 'x2', values: Float64Array.from(x2) },
    ]);
    const kept = Float64Array.from(x1);
    const scratch = Float64Array.from(x2);
    const inPlace = olsHc3(y, [
      { name: 'x1', values: kept },
      { name: 'x2', values: scratch, scratch: true },
    ]);
    expect(inPlace).toEqual(copied);
    expect([...kept]).toEqual(x1);
    expect([...scratch]).not.toEqual(x2); // overwritten, as allowed
  });
});
