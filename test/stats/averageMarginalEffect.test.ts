import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageMarginalEffect, averageMarginalEffectOf, averageMarginalEffectOfColumns, averageMarginalEffectsOfBlock } from '../../src/stats/averageMarginalEffect.js';
import { fitLogistic } from '../../src/stats/logisticRegression.js';
import { expectRelClose } from './close.js';
import { SPECTOR_GRADE, spectorDesign } from './spector.js';

// Reference: statsmodels/discrete/tests/results/results_discrete.py, class Spector, logit():
// margeff_dummy_dydx[2] = .35751515254729 and margeff_dummy_dydx_se[2] = .1420034, the
// average discrete change of PSI 0 → 1 from Stata 11 `margins, dydx(i.psi)` (delta method).
describe('averageMarginalEffect', () => {
  it('reproduces Stata margins for PSI on the Spector data: AME 0.357515, SE 0.1420034', () => {
    const fit = fitLogistic(spectorDesign(), SPECTOR_GRADE);
    const effect = averageMarginalEffect(spectorDesign(1), spectorDesign(0), fit.coefficients!, fit.covariance!);
    expectRelClose(effect.ame, 0.35751515254729, 1e-7);
    expectRelClose(effect.se, 0.1420034, 1e-6);
    expectRelClose(effect.ci95[1] - effect.ame, 1.959963984540054 * effect.se, 1e-12);
    // p from z = AME/SE, two-sided normal.
    expect(effect.p).toBeGreaterThan(0.01);
    expect(effect.p).toBeLessThan(0.02);
  });

  it('with one binary regressor it is the difference of the two sample proportions', () => {
    // Saturated model: fitted probabilities are the group proportions 6/10 and 3/10, and the
    // delta-method SE equals the unpooled Wald SE √(p₁q₁/n₁ + p₀q₀/n₀).
    const rows: Float64Array[] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) {
      rows.push(Float64Array.from([1, 1]));
      y.push(i < 6 ? 1 : 0);
      rows.push(Float64Array.from([1, 0]));
      y.push(i < 3 ? 1 : 0);
    }
    const fit = fitLogistic(rows, y);
    const effect = averageMarginalEffect(
      rows.map(() => Float64Array.from([1, 1])),
      rows.map(() => Float64Array.from([1, 0])),
      fit.coefficients!,
      fit.covariance!,
    );
    expectRelClose(effect.ame, 0.3, 1e-9);
    expectRelClose(effect.se, Math.sqrt((0.6 * 0.4) / 10 + (0.3 * 0.7) / 10), 1e-8);
  });
});

describe('averageMarginalEffectOfColumns', () => {
  it('equals the dense computation to the bit on 0/1 rows', () => {
    const k = 9;
    const cell = fc.constantFrom(0, 1);
    const observation = fc.tuple(fc.array(cell, { minLength: k, maxLength: k }), fc.array(cell, { minLength: k, maxLength: k }));
    fc.assert(
      fc.property(
        fc.array(observation, { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: k, maxLength: k }),
        (observations, beta) => {
          const covariance = beta.map((_, a) => beta.map((__, b) => (a === b ? 0.5 : 0.1 * Math.sin(a + b))));
          const dense = averageMarginalEffectOf(
            observations.length,
            (i, on, off) => {
              on.set(observations[i]![0]);
              off.set(observations[i]![1]);
            },
            beta,
            covariance,
          );
          const sparse = averageMarginalEffectOfColumns(
            observations.length,
            (i, on, off) => {
              let na = 0;
              let nb = 0;
              observations[i]![0].forEach((x, j) => x === 1 && (on[na++] = j));
              observations[i]![1].forEach((x, j) => x === 1 && (off[nb++] = j));
              return na + 65536 * nb;
            },
            beta,
            covariance,
          );
          expect(Object.is(sparse.ame, dense.ame) && Object.is(sparse.se, dense.se) && Object.is(sparse.p, dense.p)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('averageMarginalEffectsOfBlock', () => {
  it('gives each change of a block the one-change computation\'s numbers to the bit', () => {
    const k = 10;
    // Columns 3…6 are the block: a row holds at most one of them, as a factor's dummies.
    const rowOf = fc.tuple(fc.array(fc.constantFrom(0, 1), { minLength: k, maxLength: k }), fc.integer({ min: -1, max: 3 })).map(([bits, level]) =>
      bits.map((x, j) => (j >= 3 && j <= 6 ? (j - 3 === level ? 1 : 0) : x)),
    );
    fc.assert(
      fc.property(
        fc.array(rowOf, { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: k, maxLength: k }),
        fc.array(fc.integer({ min: -1, max: 6 }).map((c) => (c < 3 ? -1 : c)), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: -1, max: 6 }).map((c) => (c < 3 ? -1 : c)),
        (rows, beta, onColumns, offColumn) => {
          const covariance = beta.map((_, a) => beta.map((__, b) => (a === b ? 0.5 : 0.1 * Math.sin(a + b))));
          const own = rows.map((r) => r.flatMap((x, j) => (x === 1 ? [j] : [])));
          const together = averageMarginalEffectsOfBlock(
            rows.length,
            (i, cols) => {
              own[i]!.forEach((j, c) => (cols[c] = j));
              return own[i]!.length;
            },
            [3, 4],
            onColumns,
            offColumn,
            beta,
            covariance,
          );
          onColumns.forEach((on, e) => {
            const one = averageMarginalEffectOfColumns(
              rows.length,
              (i, a, b) => {
                const outside = own[i]!.filter((j) => j < 3 || j > 6);
                const withOn = [...outside, ...(on >= 0 ? [on] : [])].sort((x, y) => x - y);
                const withOff = [...outside, ...(offColumn >= 0 ? [offColumn] : [])].sort((x, y) => x - y);
                withOn.forEach((j, c) => (a[c] = j));
                withOff.forEach((j, c) => (b[c] = j));
                return withOn.length + 65536 * withOff.length;
              },
              beta,
              covariance,
            );
            const got = together[e]!;
            expect(got).toEqual(one);
            expect(Object.is(got.ame, one.ame) && Object.is(got.se, one.se)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
