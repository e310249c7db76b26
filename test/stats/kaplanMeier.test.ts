import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/stats/kaplanMeier.js';
import { survivalMedian } from '../../src/stats/survivalMedian.js';
import { expectRelClose } from './close.js';
import { PLACEBO, SIX_MP } from './survivalFreireich.js';

// References. Published: Klein & Moeschberger Table 4.1 and R `survfit(Surv(time, status) ~ 1,
// conf.type = "log-log")` on the 6-MP arm print S = 0.857 0.807 0.753 0.690 0.627 0.538 0.448,
// std.err 0.0764 0.0869 0.0963 0.1068 0.1141 0.1282 0.1346, lower 0.620 0.563 0.503 0.432 0.368
// 0.268 0.188, upper 0.952 0.923 0.889 0.849 0.805 0.747 0.680. To full precision, an
// independent computation with exact fractions for S and Greenwood's sum (python3):
//   S *= 1 - Fraction(d, n); g += Fraction(d, n*(n-d)); se = S*sqrt(g)
//   th = sqrt(g)/abs(log S); lower, upper = S**exp(1.959963984540054*th), S**exp(-…*th)
const EXPECTED_6MP = [
  // time, at risk, events, S, se, lower, upper
  [6, 21, 3, 0.8571428571428571, 0.07636035483212125, 0.6197179552659838, 0.951551747646997],
  [7, 17, 1, 0.8067226890756303, 0.0869352851800572, 0.5631465646222333, 0.9228090192028805],
  [10, 15, 1, 0.7529411764705882, 0.09634965299432051, 0.5031995107999564, 0.8893618351692656],
  [13, 12, 1, 0.6901960784313725, 0.10681470777500983, 0.431610222486184, 0.8490659633494508],
  [16, 11, 1, 0.6274509803921569, 0.11405386525675254, 0.36751085598750205, 0.8049121894718413],
  [22, 7, 1, 0.5378151260504201, 0.128233751693034, 0.26777893676713505, 0.7467907176353945],
  [23, 6, 1, 0.4481792717086835, 0.13459145675576045, 0.18805200595923235, 0.6801426284952415],
] as const;

describe('kaplanMeier', () => {
  it('matches the published 6-MP curve, Greenwood SEs and log(−log) band', () => {
    const curve = kaplanMeier(SIX_MP.times, SIX_MP.events);
    expect(curve.n).toBe(21);
    expect(curve.events).toBe(9);
    expect(curve.censored).toBe(12);
    expect(curve.steps.length).toBe(EXPECTED_6MP.length);
    EXPECTED_6MP.forEach(([time, atRisk, events, s, se, lower, upper], i) => {
      const step = curve.steps[i]!;
      expect([step.time, step.atRisk, step.events]).toEqual([time, atRisk, events]);
      expectRelClose(step.survival, s, 1e-14);
      expectRelClose(step.se!, se, 1e-13);
      expectRelClose(step.lower!, lower, 1e-12);
      expectRelClose(step.upper!, upper, 1e-12);
    });
    // A subject censored at an event time (6) is at risk then and counted as censored there.
    expect(curve.steps[0]!.censored).toBe(1);
  });

  it('ends at 0 with no interval when the last at risk has the event (placebo arm)', () => {
    const curve = kaplanMeier(PLACEBO.times, PLACEBO.events);
    const last = curve.steps.at(-1)!;
    expect(last.time).toBe(23);
    expect(last.survival).toBe(0);
    expect(last.se).toBeNull();
    expect(last.lower).toBeNull();
    expectRelClose(curve.steps[5]!.survival, 8 / 21, 1e-14); // t = 8: (21−13)/21
    expectRelClose(curve.steps[5]!.se!, 0.10597116957413082, 1e-13);
  });

  it('is empty without subjects or events', () => {
    expect(kaplanMeier([], []).steps).toEqual([]);
    expect(kaplanMeier([3, 4], [0, 0])).toEqual({ n: 2, events: 0, censored: 2, steps: [] });
  });
});

describe('survivalMedian', () => {
  // R survfit prints median 23 for 6-MP (LCL from the log-log band: first time lower ≤ 0.5 is
  // 13; the upper band never reaches 0.5 → NA) and median 8 for placebo (lower band first
  // ≤ 0.5 at 4 (0.4254), upper at 11 (0.4818)); both read off the reference band above.
  it('reads the median and its interval off the band', () => {
    expect(survivalMedian(kaplanMeier(SIX_MP.times, SIX_MP.events))).toEqual({ median: 23, ci95: [13, null] });
    expect(survivalMedian(kaplanMeier(PLACEBO.times, PLACEBO.events))).toEqual({ median: 8, ci95: [4, 11] });
  });

  it('is null when the curve never reaches one half, while the lower band may', () => {
    // S(1) = 3/4, Greenwood Σ = 1/12: lower = 0.75^exp(1.96·√(1/12)/|ln 0.75|) = 0.128 ≤ 0.5
    expect(survivalMedian(kaplanMeier([1, 2, 3, 4], [1, 0, 0, 0]))).toEqual({ median: null, ci95: [1, null] });
    expect(survivalMedian(kaplanMeier([1, 2, 3, 4], [0, 0, 0, 0]))).toEqual({ median: null, ci95: [null, null] });
  });
});

/** The estimate as first written: subjects in time order by a comparator sort, walked one by one. */
function byComparator(times: number[], events: number[]): { time: number; atRisk: number; events: number; censored: number; survival: number }[] {
  const order = Array.from({ length: times.length }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  const steps = [];
  let atRisk = times.length;
  let survival = 1;
  for (let i = 0; i < order.length; ) {
    const time = times[order[i]!]!;
    let d = 0;
    let c = 0;
    for (; i < order.length && times[order[i]!] === time; i++) {
      if (events[order[i]!]) d++;
      else c++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      steps.push({ time, atRisk, events: d, censored: c, survival });
    }
    atRisk -= d + c;
  }
  return steps;
}

describe('kaplanMeier on typed-array sorts', () => {
  it('gives the steps of the comparator walk to the bit, with ties between events and censorings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()), { maxLength: 80 }), (subjects) => {
        const times = subjects.map(([t]) => t / 4);
        const events = subjects.map(([, e]) => (e ? 1 : 0));
        const curve = kaplanMeier(Float64Array.from(times), Uint8Array.from(events));
        expect(curve.steps.map(({ time, atRisk, events: d, censored, survival }) => ({ time, atRisk, events: d, censored, survival }))).toEqual(byComparator(times, events));
      }),
    );
  });
});
