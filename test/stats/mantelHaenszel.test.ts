import { describe, expect, it } from 'vitest';
import { mantelHaenszel } from '../../src/stats/mantelHaenszel.js';
import { expectRelClose } from './close.js';

// Penicillin and rabbits (Agresti 1990, pp. 231–237; R's `Rabbits` in ?mantelhaen.test), one
// stratum per penicillin level: a = immediate & cured, b = immediate & died, c = delayed &
// cured, d = delayed & died. R 4.x prints for mantelhaen.test(Rabbits):
//   Mantel-Haenszel X-squared = 3.9286, df = 1, p-value = 0.04747
//   95 percent confidence interval: 1.026713 47.725133; common odds ratio 7
// The exact values below come from this pure-python computation in exact fractions:
//   T = [(0,6,0,5),(3,3,0,6),(6,0,2,4),(5,1,6,0),(2,0,5,0)]
//   R = Σ ad/n = 7/2, S = Σ bc/n = 1/2 → ψ = 7
//   RBG Var(log ψ) = ΣPR/2R² + Σ(PS+QR)/2RS + ΣQS/2S² = 47/49
//   O = 16, E = 13, V = 35/22 → χ² = 9·22/35 = 198/35; corrected (3 − ½)²·22/35 = 55/14
const RABBITS = [
  { a: 0, b: 6, c: 0, d: 5 },
  { a: 3, b: 3, c: 0, d: 6 },
  { a: 6, b: 0, c: 2, d: 4 },
  { a: 5, b: 1, c: 6, d: 0 },
  { a: 2, b: 0, c: 5, d: 0 },
];

describe('mantelHaenszel', () => {
  it('reproduces R mantelhaen.test(Rabbits): odds ratio 7, CI 1.026713–47.725133, X² 3.9286, p 0.04747', () => {
    const r = mantelHaenszel(RABBITS, true);
    expectRelClose(r.oddsRatio!, 7, 1e-15);
    expectRelClose(r.logSe!, Math.sqrt(47 / 49), 1e-14);
    expectRelClose(r.ci95![0], 1.0267126884616677, 1e-12);
    expectRelClose(r.ci95![1], 47.72513338022257, 1e-12);
    expectRelClose(r.chi2!, 55 / 14, 1e-14);
    expectRelClose(r.p!, 0.0474722551429182, 1e-10);
    expect(r.strata).toBe(5);
  });

  it('without continuity correction: χ² = 198/35, p = 0.01738', () => {
    const r = mantelHaenszel(RABBITS);
    expectRelClose(r.chi2!, 198 / 35, 1e-14);
    expectRelClose(r.p!, 0.017384420352066197, 1e-10);
  });

  it('one stratum: the plain odds ratio ad/bc and Woolf-like variance (1/a+1/b+1/c+1/d)', () => {
    // With a single stratum the RBG variance reduces to the Woolf variance.
    const r = mantelHaenszel([{ a: 10, b: 20, c: 30, d: 40 }]);
    expectRelClose(r.oddsRatio!, (10 * 40) / (20 * 30), 1e-15);
    expectRelClose(r.logSe!, Math.sqrt(1 / 10 + 1 / 20 + 1 / 30 + 1 / 40), 1e-14);
  });

  it('gives no odds ratio when every stratum has b·c = 0, and skips strata of fewer than two', () => {
    const r = mantelHaenszel([{ a: 5, b: 0, c: 0, d: 5 }, { a: 1, b: 0, c: 0, d: 0 }]);
    expect(r.oddsRatio).toBeNull();
    expect(r.ci95).toBeNull();
    expect(r.strata).toBe(1);
    expect(r.chi2).toBeGreaterThan(0);
  });

  it('gives no test when no stratum varies', () => {
    const r = mantelHaenszel([{ a: 5, b: 0, c: 5, d: 0 }]);
    expect(r.chi2).toBeNull();
    expect(r.p).toBeNull();
  });
});
