import { describe, expect, it } from 'vitest';
import { independenceTest, sliceVerdicts } from '../../src/analysis/sliceSignificance.js';

// Three slices of one dimension: A 9/10 satisfied, B 4/10, C 5/5; overall 18/25.
const A = { rated: 10, satisfied: 9 };
const B = { rated: 10, satisfied: 4 };
const C = { rated: 5, satisfied: 5 };
const overall = { rated: 25, satisfied: 18 };

// Pooled two-proportion z vs all others, p = 2·scipy.stats.norm.sf(|z|):
//   A: 9/10 vs 9/15  → z =  1.6366341767699428, p = 0.10170693003109332
//   B: 4/10 vs 14/15 → z = −2.9095718698132313, p = 0.003619241629006778
//   C: 5/5 vs 13/20  → z =  1.5590239111558089, p = 0.1189907208931236
// scipy.stats.false_discovery_control([pA, pB, pC], method='bh')
//   → [0.11899072089312360, 0.010857724887020334, 0.1189907208931236]
const P = [0.10170693003109332, 0.003619241629006778, 0.1189907208931236];
const ADJ = [0.1189907208931236, 0.010857724887020334, 0.1189907208931236];

describe('sliceVerdicts', () => {
  it('tests each slice against all other rated tickets and adjusts with Benjamini–Hochberg', () => {
    const v = sliceVerdicts([A, B, C], overall, 10);
    v.forEach((verdict, i) => {
      expect(verdict.p).toBeCloseTo(P[i], 12);
      expect(verdict.adjP).toBeCloseTo(ADJ[i], 12);
    });
    expect(v.map((x) => x.flag)).toEqual([null, 'low', null]);
  });

  it('never flags a slice with fewer than min-rated ratings, however small its p', () => {
    const v = sliceVerdicts([A, B, C], overall, 11);
    expect(v[1].adjP).toBeCloseTo(ADJ[1], 12);
    expect(v.map((x) => x.flag)).toEqual([null, null, null]);
  });

  it('leaves slices without ratings out of the tests and out of the adjustment', () => {
    const empty = { rated: 0, satisfied: 0 };
    const v = sliceVerdicts([empty, A, empty, B, C], overall, 10);
    expect(v[0]).toEqual({ p: null, adjP: null, flag: null });
    expect(v[2]).toEqual({ p: null, adjP: null, flag: null });
    expect(v[3].adjP).toBeCloseTo(ADJ[1], 12);
    expect(v[4].adjP).toBeCloseTo(ADJ[2], 12);
  });

  it('flags high and low by the direction of the difference', () => {
    // 30/30 vs 10/30: z = 5.477225575051662, p = 4.320463057827465e-08 (both slices, BH leaves it)
    const v = sliceVerdicts([{ rated: 30, satisfied: 30 }, { rated: 30, satisfied: 10 }], { rated: 60, satisfied: 40 }, 30);
    expect(v[0].p).toBeCloseTo(4.320463057827465e-8, 18);
    expect(v[0].adjP).toBeCloseTo(4.320463057827465e-8, 18);
    expect(v.map((x) => x.flag)).toEqual(['high', 'low']);
  });

  it('cannot test anything when every rated ticket is satisfied', () => {
    const v = sliceVerdicts([{ rated: 40, satisfied: 40 }, { rated: 40, satisfied: 40 }], { rated: 80, satisfied: 80 }, 30);
    expect(v).toEqual([
      { p: null, adjP: null, flag: null },
      { p: null, adjP: null, flag: null },
    ]);
  });

  it('cannot test a slice that holds every rating', () => {
    expect(sliceVerdicts([{ rated: 40, satisfied: 20 }], { rated: 40, satisfied: 20 }, 30)).toEqual([
      { p: null, adjP: null, flag: null },
    ]);
  });
});

describe('independenceTest', () => {
  it('is the chi-square test of satisfied × slice over slices with ratings', () => {
    // scipy.stats.chi2_contingency([[9,1],[4,6],[5,0]], correction=False)
    //   → statistic 8.630952380952381, dof 2, pvalue 0.013360185977804329
    const t = independenceTest([A, { rated: 0, satisfied: 0 }, B, C])!;
    expect(t.chi2).toBeCloseTo(8.630952380952381, 10);
    expect(t.df).toBe(2);
    expect(t.p).toBeCloseTo(0.013360185977804329, 12);
  });

  it('is null when there is nothing to test', () => {
    expect(independenceTest([{ rated: 5, satisfied: 5 }, { rated: 3, satisfied: 3 }])).toBeNull();
    expect(independenceTest([])).toBeNull();
  });
});
