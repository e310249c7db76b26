import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { expectRelClose } from './close.js';

function expectAdjusted(p: number[], expected: number[]): void {
  const adjusted = benjaminiHochberg(p);
  expect(adjusted).toHaveLength(expected.length);
  expected.forEach((value, i) => expectRelClose(adjusted[i], value, 1e-14));
}

describe('benjaminiHochberg', () => {
  it('four p-values by hand, in input order', () => {
    // Sorted 0.01, 0.03, 0.04, 0.2 (m = 4) → ·4/1, ·4/2, ·4/3, ·4/4 = 0.04, 0.06, 0.0533, 0.2;
    // the step-up minimum from the top pulls 0.06 down to 0.0533.
    expectAdjusted([0.01, 0.04, 0.03, 0.2], [0.04, 0.05333333333333333, 0.05333333333333333, 0.2]);
  });

  it('matches scipy false_discovery_control(p, method="bh") on ten p-values', () => {
    expectAdjusted(
      [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216],
      [0.01, 0.04, 0.084, 0.084, 0.084, 0.1, 0.1057142857142857, 0.216, 0.216, 0.216],
    );
  });

  it('handles ties, 0 and 1 like scipy', () => {
    expectAdjusted([0.02, 0.02, 0.5, 0.001], [0.026666666666666665, 0.026666666666666665, 0.5, 0.004]);
    expectAdjusted([0.8, 0.01, 1.0, 0.0], [1, 0.02, 1, 0]);
    expectAdjusted([0.9, 0.9, 0.9], [0.9, 0.9, 0.9]);
  });

  it('leaves a single p-value alone and maps [] to []', () => {
    expect(benjaminiHochberg([0.5])).toEqual([0.5]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('caps at 1', () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([0.6, 0.7, 0.99]).every((p) => p <= 1)).toBe(true);
  });

  it('adjusted ≥ raw, ≤ 1, and monotone in the raw order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (p) => {
        const adjusted = benjaminiHochberg(p);
        p.forEach((raw, i) => {
          expect(adjusted[i]!).toBeGreaterThanOrEqual(raw);
          expect(adjusted[i]!).toBeLessThanOrEqual(1);
        });
        const order = p.map((_, i) => i).sort((i, j) => p[i]! - p[j]!);
        for (let k = 1; k < order.length; k++) {
          expect(adjusted[order[k]!]!).toBeGreaterThanOrEqual(adjusted[order[k - 1]!]!);
        }
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (p) => {
        const reversed = benjaminiHochberg([...p].reverse()).reverse();
        expect(reversed).toEqual(benjaminiHochberg(p));
      }),
    );
  });
});
