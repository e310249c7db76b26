import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRank } from '../../src/stats/logRank.js';
import { expectRelClose } from './close.js';
import { PLACEBO, SIX_MP } from './survivalFreireich.js';

// References. Published: R `survdiff(Surv(time, status) ~ group)` on the Freireich data:
// observed 9 / 21, expected 19.3 / 10.7, "Chisq= 16.8 on 1 degrees of freedom, p= 4e-05".
// To full precision, an independent computation in exact fractions (python3): per distinct
// event time, E_g += d·n_g/n, V_gh += d(n−d)/(n−1)·(n_g/n)(δ_gh − n_h/n); χ² = uᵀ V⁻¹ u over
// the first k−1 groups by Gauss–Jordan on Fractions; p = erfc(√(χ²/2)) for 1 df,
// exp(−χ²/2) for 2 df:
//   2 groups: χ² 16.792940989216532, E [19.25050094803113, 10.74949905196887], p 4.16880910933455e-05
//   3 groups (+ G3 below): χ² 19.869593800202743, O [9, 21, 5],
//     E [18.568991255286527, 9.806996785195572, 6.624011959517899], p 4.845878572752877e-05
const G3 = { times: [4, 9, 9, 12, 14, 20, 26, 30], events: [1, 0, 1, 1, 0, 1, 0, 1] };

describe('logRank', () => {
  it('matches survdiff on 6-MP vs placebo', () => {
    const r = logRank([SIX_MP, PLACEBO])!;
    expect(r.df).toBe(1);
    expect(r.observed).toEqual([9, 21]);
    expectRelClose(r.expected[0], 19.25050094803113, 1e-13);
    expectRelClose(r.chi2, 16.792940989216532, 1e-12);
    expectRelClose(r.p, 4.16880910933455e-5, 1e-9);
  });

  it('matches the exact three-group statistic on 2 df', () => {
    const r = logRank([SIX_MP, PLACEBO, G3])!;
    expect(r.df).toBe(2);
    expect(r.observed).toEqual([9, 21, 5]);
    expectRelClose(r.expected[2], 6.624011959517899, 1e-13);
    expectRelClose(r.chi2, 19.869593800202743, 1e-12);
    expectRelClose(r.p, 4.845878572752877e-5, 1e-9);
  });

  it('leaves empty groups out of df and is null with one group or no event', () => {
    const r = logRank([SIX_MP, { times: [], events: [] }, PLACEBO])!;
    expect(r.df).toBe(1);
    expectRelClose(r.chi2, 16.792940989216532, 1e-12);
    expect(r.observed).toEqual([9, 0, 21]);
    expect(logRank([SIX_MP, { times: [], events: [] }])).toBeNull();
    expect(logRank([{ times: [1, 2], events: [0, 0] }, { times: [3], events: [0] }])).toBeNull();
  });
});

/** χ² as first written: every subject pooled as an object, sorted by a comparator (two groups: V is 1×1). */
function pooledChi2(groups: { times: number[]; events: number[] }[]): number | null {
  const pool = groups.flatMap((g, gi) => g.times.map((time, i) => ({ time, g: gi, event: g.events[i] !== 0 }))).sort((a, b) => a.time - b.time);
  const atRisk = groups.map((g) => g.times.length);
  let o = 0;
  let e = 0;
  let v = 0;
  for (let i = 0; i < pool.length; ) {
    const time = pool[i]!.time;
    const d = [0, 0];
    const left = [0, 0];
    for (; i < pool.length && pool[i]!.time === time; i++) {
      if (pool[i]!.event) d[pool[i]!.g]++;
      left[pool[i]!.g]++;
    }
    const dAll = d[0]! + d[1]!;
    const nAll = atRisk[0]! + atRisk[1]!;
    if (dAll > 0) {
      const spread = nAll > 1 ? (dAll * (nAll - dAll)) / (nAll - 1) : 0;
      o += d[0]!;
      e += (dAll * atRisk[0]!) / nAll;
      v += spread * (atRisk[0]! / nAll) * (1 - atRisk[0]! / nAll);
    }
    atRisk[0] -= left[0]!;
    atRisk[1] -= left[1]!;
  }
  return v > 0 ? Math.max(0, ((o - e) * (o - e)) / v) : null;
}

describe('logRank on typed-array sorts', () => {
  it('gives the pooled walk\'s observed, expected and χ² for two groups with ties', () => {
    const group = fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.boolean()), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const groups = [a, b].map((g) => ({ times: g.map(([t]) => t), events: g.map(([, ev]) => (ev ? 1 : 0)) }));
        const result = logRank(groups.map((g) => ({ times: Float64Array.from(g.times), events: Uint8Array.from(g.events) })));
        const chi2 = pooledChi2(groups);
        if (result === null) expect(chi2 === null || groups.every((g) => g.events.every((x) => x === 0))).toBe(true);
        else expect(result.chi2).toBeCloseTo(chi2!, 10);
      }),
    );
  });
});
