import { describe, expect, it } from 'vitest';
import { quintileCuts, stratifiedDifference } from '../../src/stats/stratifiedDifference.js';

describe('stratifiedDifference', () => {
  it('weights each stratum by the smaller sample (hand-computed)', () => {
    // cuts [10, 20] → strata (≤10], (10, 20], (20, ∞)
    // stratum 0: a {4, 6} mean 5, b {1} mean 1 → diff 4, weight min(2, 1) = 1
    // stratum 1: a {10} mean 10, b {2, 4, 6} mean 4 → diff 6, weight 1
    // stratum 2: a {20, 30, 40} mean 30, b {5, 15} mean 10 → diff 20, weight 2
    // combined (4·1 + 6·1 + 20·2) / 4 = 50 / 4 = 12.5
    const a = { strata: [1, 10, 15, 25, 30, 40], outcome: [4, 6, 10, 20, 30, 40] };
    const b = { strata: [2, 11, 12, 20, 21, 50], outcome: [1, 2, 4, 6, 5, 15] };
    expect(stratifiedDifference(a, b, [10, 20])).toEqual({ difference: 12.5, strataUsed: 3 });
  });

  it('skips a stratum holding one sample only', () => {
    const a = { strata: [1, 30], outcome: [3, 100] };
    const b = { strata: [2, 3], outcome: [1, 2] };
    // only stratum 0 has both: 3 − 1.5
    expect(stratifiedDifference(a, b, [10])).toEqual({ difference: 1.5, strataUsed: 1 });
  });

  it('is null with no shared stratum or an empty sample', () => {
    expect(stratifiedDifference({ strata: [1], outcome: [1] }, { strata: [50], outcome: [2] }, [10])).toEqual({ difference: null, strataUsed: 0 });
    expect(stratifiedDifference({ strata: [], outcome: [] }, { strata: [1], outcome: [2] }, [])).toEqual({ difference: null, strataUsed: 0 });
  });
});

describe('quintileCuts', () => {
  it('gives the type-7 20/40/60/80th percentiles (R quantile(0:10, c(.2,.4,.6,.8)) = 2 4 6 8)', () => {
    expect(quintileCuts([10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([2, 4, 6, 8]);
    expect(quintileCuts([])).toEqual([]);
    expect(quintileCuts([0, 0, 0])).toEqual([0, 0, 0, 0]);
  });
});
