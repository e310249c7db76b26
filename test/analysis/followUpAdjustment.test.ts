import { describe, expect, it } from 'vitest';
import { adjustFollowUp } from '../../src/analysis/followUpAdjustment.js';
import type { ProactiveFollowUp } from '../../src/analysis/cohortResult.js';
import type { CustomerFactsTable } from '../../src/model/customerFacts.js';
import type { Group } from '../../src/model/groups.js';
import { studentTCritical } from '../../src/stats/studentTQuantile.js';
import { expectRelClose } from '../stats/close.js';

function table(rows: { group: Group; later: number; cohort: number; prior?: number }[]): CustomerFactsTable {
  const n = rows.length;
  const f64 = (read: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => read(i));
  return {
    count: n,
    customerId: rows.map((_, i) => `c${i}`),
    group: rows.map((r) => r.group),
    cohortSpend: f64((i) => rows[i].cohort),
    cohortOrders: new Int32Array(n).fill(1),
    priorSpend: f64((i) => rows[i].prior ?? 0),
    priorOrders: new Int32Array(n),
    newCustomer: new Uint8Array(n).fill(1),
    laterSpend: f64((i) => rows[i].later),
    laterOrders: new Int32Array(n),
    daysToNextOrder: new Float64Array(n).fill(NaN),
    problemTickets: new Int32Array(n).fill(1),
    unresolvedTickets: new Int32Array(n),
    firstProblemAt: new Float64Array(n),
    extra: { preSpend: new Float64Array(n), lastProblemAt: new Float64Array(n), observedDays: 90 },
  };
}

const side = (customers: number) => ({ customers, meanSpend: 0, repeatRate: 0, csat: null, rated: 0 });
const raw = (withN: number, withoutN: number): ProactiveFollowUp => ({ with: side(withN), without: side(withoutN), difference: 1, ci95: [0, 2], p: 0.5, adjusted: false });

describe('adjustFollowUp', () => {
  it('with nothing to adjust for, is the difference of means with the HC3 (jackknife) variance s1²/(n1−1) + s0²/(n0−1)', () => {
    // Followed up: 10, 14, 18 (mean 14, s² 16); not: 4, 6, 11, 3 (mean 6, s² = 38/3 ≈ 12.667).
    // Every covariate is constant here and dropped, so the model is intercept + indicator, whose
    // HC3 variance for a binary regressor is Σ_g s_g²/(n_g − 1) (leverage 1/n_g in group g):
    // 16/2 + (38/3)/3 = 8 + 38/9 = 110/9; df = 7 − 2 = 5.
    const later = [10, 14, 18, 4, 6, 11, 3];
    const facts = table(later.map((v) => ({ group: 'resolved' as const, later: v, cohort: 50 })));
    const followed = [1, 1, 1, 0, 0, 0, 0];
    const r = adjustFollowUp(raw(3, 4), facts, followed);
    expect(r.adjusted).toBe(true);
    expectRelClose(r.difference!, 8, 1e-12);
    const half = studentTCritical(0.05, 5) * Math.sqrt(110 / 9);
    expectRelClose(r.ci95![0], 8 - half, 1e-10);
    expectRelClose(r.ci95![1], 8 + half, 1e-10);
    expect(r.rawDifference).toBe(1);
    expect(r.covariates).toEqual([]);
  });

  it('holds cohort spend fixed: a follow-up that only went to big spenders shows no gap once spend is adjusted for', () => {
    // later = 2 × cohort exactly; follow-ups went to the members with cohort spend ≥ 40.
    const cohort = [10, 20, 30, 40, 50, 60];
    const facts = table(cohort.map((c) => ({ group: 'resolved' as const, later: 2 * c + (c % 20 === 0 ? 1 : -1), cohort: c })));
    const followed = cohort.map((c) => (c >= 40 ? 1 : 0));
    const r = adjustFollowUp(raw(3, 3), facts, followed);
    expect(r.adjusted).toBe(true);
    expect(r.covariates).toEqual(['cohort_spend']);
    expect(Math.abs(r.difference!)).toBeLessThan(2);
    expect(r.ci95![0]).toBeLessThan(0);
    expect(r.ci95![1]).toBeGreaterThan(0);
  });

  it('leaves members of other groups out, and a side with fewer than 2 members raw', () => {
    const facts = table([
      { group: 'resolved', later: 5, cohort: 1 },
      { group: 'resolved', later: 7, cohort: 1 },
      { group: 'unresolved', later: 900, cohort: 1 },
    ]);
    expect(adjustFollowUp(raw(1, 1), facts, [1, 0, 1]).adjusted).toBe(false);
  });
});
