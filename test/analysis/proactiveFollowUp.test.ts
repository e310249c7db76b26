import { describe, expect, it } from 'vitest';
import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { proactiveFollowUp } from '../../src/analysis/proactiveFollowUp.js';
import { expectRelClose } from '../stats/close.js';
import { loadedOrders, loadedTickets, order, ticket } from './cohortRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

/**
 * January 2014 cohort, follow-up Feb–Apr. Resolved members (status solved, scored 4–5 or
 * unrated) with a follow-up call: a1 (later 100), a2 (60), a3 (0); without: b1 (30), b2 (10,
 * follow_up empty), b3 (20, follow_up false). u1 was called back but not resolved: left out.
 * n1 had no problem: left out.
 */
const orders = loadedOrders([
  ...['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'u1', 'n1'].map((c) => order(c, '2014-01-10', 50)),
  order('a1', '2014-02-10', 100),
  order('a2', '2014-03-10', 60),
  order('b1', '2014-02-11', 30),
  order('b2', '2014-04-01', 10),
  order('b3', '2014-04-02', 20),
  order('u1', '2014-02-02', 500),
  order('n1', '2014-04-30', 40),
]);
const tickets = loadedTickets(
  [
    ticket('a1', '2014-01-12 10:00', { status: 'solved', score: 5, followUp: true }),
    ticket('a2', '2014-01-12 10:00', { status: 'solved', score: 4, followUp: true }),
    ticket('a3', '2014-01-12 10:00', { status: 'solved', followUp: true }),
    ticket('a3', '2014-01-20 10:00', { status: 'solved', score: 5, followUp: false }),
    ticket('b1', '2014-01-12 10:00', { status: 'solved', score: 5, followUp: false }),
    ticket('b2', '2014-01-12 10:00', { status: 'solved', score: 5 }),
    ticket('b3', '2014-01-12 10:00', { status: 'closed', followUp: false }),
    ticket('u1', '2014-01-12 10:00', { status: 'open', score: 1, followUp: true }),
  ],
  ['customer_id', 'created_at', 'status', 'satisfaction', 'follow_up'],
);

describe('the proactive follow-up comparison', () => {
  it('compares resolved members with and without a follow-up on later spend, repeat rate and CSAT', () => {
    const f = runCohortAnalysis(orders, tickets, { ...DEFAULT_COHORT_OPTIONS, bootstrap: 50 }).proactiveFollowUp!;
    expect(f.with).toEqual({ customers: 3, meanSpend: 160 / 3, repeatRate: 2 / 3, csat: 1, rated: 3 });
    expect(f.without).toEqual({ customers: 3, meanSpend: 20, repeatRate: 1, csat: 1, rated: 2 });
    // The adjusted gap (followUpAdjustment.test.ts) comes first; the raw Welch gap stays beside it.
    expect(f.adjusted).toBe(true);
    expectRelClose(f.rawDifference!, 160 / 3 - 20, 1e-12);
    // Welch by hand (python3, exact fractions, then qt by numerical integration as in
    // test/stats/studentTQuantile.test.ts): variances 7600/3 and 100, se² = 7900/9,
    // df = se⁴/((7600/9)²/2 + (100/3)²/2) = 2.157649092480553, qt(0.975, df) = 4.01499681993924.
    expectRelClose(f.rawCi95![0], -85.62024106841267, 1e-9);
    expectRelClose(f.rawCi95![1], 152.28690773507932, 1e-9);
    expect(f.rawP!).toBeGreaterThan(0.05);
  });

  it('is absent when the tickets have no follow_up column', () => {
    const without = loadedTickets(ticketRecords(tickets.table), ['customer_id', 'created_at', 'status', 'satisfaction']);
    expect(runCohortAnalysis(orders, without, { ...DEFAULT_COHORT_OPTIONS, bootstrap: 50 }).proactiveFollowUp).toBeUndefined();
  });

  it('an empty side gives null statistics, never NaN', () => {
    const f = proactiveFollowUp({ laterSpend: [5, 7], laterPurchases: [1, 1], problems: [1, 1], unresolved: [0, 0], followedUp: [0, 0], rated: [0, 0], satisfied: [0, 0] });
    expect(f.with).toEqual({ customers: 0, meanSpend: null, repeatRate: null, csat: null, rated: 0 });
    expect(f.without.customers).toBe(2);
    expect([f.difference, f.ci95, f.p]).toEqual([null, null, null]);
  });
});
