import { describe, expect, it } from 'vitest';
import { poissonRegression } from '../../src/stats/poissonRegression.js';
import { expectRelClose } from './close.js';

/**
 * Dobson (1990) "An Introduction to Generalized Linear Models", p. 93, the example of R's ?glm:
 *   counts <- c(18,17,15,20,10,20,25,13,12); outcome <- gl(3,1,9); treatment <- gl(3,3)
 *   glm(counts ~ outcome + treatment, family = poisson())
 * R prints: (Intercept) 3.045e+00 (SE 1.709e-01), outcome2 −4.543e-01 (2.022e-01), outcome3
 * −2.930e-01 (1.927e-01), treatment2 and 3 ≈ 0 (2.000e-01); residual deviance 5.1291 on 4 df.
 *
 * Full-precision values from an independent computation: the additive model of a 3×3 table is
 * the independence model, whose MLE is closed-form (μ = row total · column total / N), and the
 * inverse Fisher information is inverted exactly in rational arithmetic:
 *   python3: from fractions import Fraction as F
 *     mu = [F(r[o]*c[t], N) ...]; A = XᵀWX with W = mu; Gauss–Jordan on A with Fractions
 *     coef = log(r0·c0/N), log(r1/r0), log(r2/r0), log(c1/c0), log(c2/c0)
 *   → variances 46/1575, 103/2520, 110/2961, 1/25, 1/25; deviance 2Σ[y log(y/μ) − (y − μ)].
 */
const DOBSON_COUNTS = [18, 17, 15, 20, 10, 20, 25, 13, 12];
const DOBSON_X = DOBSON_COUNTS.map((_, i) => {
  const outcome = i % 3;
  const treatment = Math.floor(i / 3);
  return [1, outcome === 1 ? 1 : 0, outcome === 2 ? 1 : 0, treatment === 1 ? 1 : 0, treatment === 2 ? 1 : 0];
});

describe('poissonRegression', () => {
  it("reproduces Dobson's randomized controlled trial (R ?glm), to 1e-9", () => {
    const fit = poissonRegression(DOBSON_COUNTS, DOBSON_X)!;
    const coefficients = [3.044522437723423, -0.45425527227759643, -0.2929871246814741];
    coefficients.forEach((c, i) => expectRelClose(fit.coefficients[i], c, 1e-9));
    expect(Math.abs(fit.coefficients[3])).toBeLessThan(1e-9);
    expect(Math.abs(fit.coefficients[4])).toBeLessThan(1e-9);
    const variances = [46 / 1575, 103 / 2520, 110 / 2961, 1 / 25, 1 / 25];
    variances.forEach((v, i) => expectRelClose(fit.standardErrors[i], Math.sqrt(v), 1e-9));
    // The printed R values, to the digits R prints.
    expect(fit.standardErrors.map((s) => Number(s.toPrecision(4)))).toEqual([0.1709, 0.2022, 0.1927, 0.2, 0.2]);
    expectRelClose(fit.deviance, 5.129141077001145, 1e-9);
    expect(Number(fit.deviance.toFixed(4))).toBe(5.1291);
    expectRelClose(fit.pearsonChi2, 102119 / 19740, 1e-9);
    expect(fit.df).toBe(4);
  });

  it('a saturated 2×2 with exposure offsets: the interaction is the log ratio of rate ratios, SE √Σ1/y', () => {
    // Hand-solved: a saturated model fits every cell exactly (μ = y), so with offset log E the
    // interaction is log[(y11/E11)/(y10/E10) ÷ (y01/E01)/(y00/E00)], and the inverse Fisher
    // information of the four cell parameters gives Var = 1/y00 + 1/y01 + 1/y10 + 1/y11.
    // Cells: (treated, after) = (0,0) 120 over 1000, (0,1) 90 over 1100, (1,0) 400 over 1000, (1,1) 410 over 1100.
    const cells = [
      { treated: 0, after: 0, y: 400, e: 1000 },
      { treated: 0, after: 1, y: 410, e: 1100 },
      { treated: 1, after: 0, y: 120, e: 1000 },
      { treated: 1, after: 1, y: 90, e: 1100 },
    ];
    const x = cells.map((c) => [1, c.treated, c.after, c.treated * c.after]);
    const fit = poissonRegression(
      cells.map((c) => c.y),
      x,
      cells.map((c) => Math.log(c.e)),
    )!;
    const rrr = (90 / 1100 / (120 / 1000)) / (410 / 1100 / (400 / 1000));
    expectRelClose(fit.coefficients[3], Math.log(rrr), 1e-10);
    expectRelClose(fit.standardErrors[3], Math.sqrt(1 / 400 + 1 / 410 + 1 / 120 + 1 / 90), 1e-10);
    // The exposures cancel because treated and control share them: RRR = (90/120)/(410/400).
    expectRelClose(Math.exp(fit.coefficients[3]), 90 / 120 / (410 / 400), 1e-10);
    expect(fit.deviance).toBeLessThan(1e-9);
  });

  it('period effects per week give the same interaction and SE as the pooled 2×2', () => {
    // With one effect per week, the model conditions on each week's total: the treated share is
    // a logistic regression on "after" alone, whose MLE fits the pooled shares before and after,
    // so exp(interaction) = (T_after/C_after)/(T_before/C_before) and Var = Σ 1/(pooled cells).
    const treated = [30, 25, 33, 28, 20, 22, 18];
    const control = [100, 90, 110, 95, 96, 105, 92];
    const after = [0, 0, 0, 0, 1, 1, 1];
    const weeks = treated.length;
    const y: number[] = [];
    const x: number[][] = [];
    for (let w = 0; w < weeks; w++) {
      for (const [count, isTreated] of [
        [control[w], 0],
        [treated[w], 1],
      ]) {
        const row = new Array<number>(weeks + 2).fill(0);
        row[w] = 1;
        row[weeks] = isTreated;
        row[weeks + 1] = isTreated * after[w];
        y.push(count);
        x.push(row);
      }
    }
    const fit = poissonRegression(y, x)!;
    const sum = (v: number[], a: number) => v.reduce((s, c, w) => s + (after[w] === a ? c : 0), 0);
    const [tb, ta, cb, ca] = [sum(treated, 0), sum(treated, 1), sum(control, 0), sum(control, 1)];
    expectRelClose(fit.coefficients[weeks + 1], Math.log(ta / ca / (tb / cb)), 1e-9);
    expectRelClose(fit.standardErrors[weeks + 1], Math.sqrt(1 / ta + 1 / ca + 1 / tb + 1 / cb), 1e-9);
  });

  it('is null when the columns are collinear or an estimate runs off to −∞', () => {
    expect(poissonRegression([3, 4], [[1, 2], [1, 2]])).toBeNull();
    // A group with no counts at all: its coefficient has no finite MLE.
    expect(poissonRegression([0, 0, 5, 7], [[1, 1], [1, 1], [1, 0], [1, 0]])).toBeNull();
  });

  it('rejects negative counts and mismatched shapes', () => {
    expect(() => poissonRegression([-1], [[1]])).toThrow(RangeError);
    expect(() => poissonRegression([1, 2], [[1]])).toThrow(RangeError);
  });
});
