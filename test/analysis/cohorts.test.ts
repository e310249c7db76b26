import { describe, expect, it } from 'vitest';
import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS, type CohortOptions } from '../../src/analysis/cohortResult.js';
import { DataError, UsageError } from '../../src/errors.js';
import { bootstrapMeanCi } from '../../src/stats/bootstrap.js';
import { mannWhitneyU } from '../../src/stats/mannWhitney.js';
import { welchTTest } from '../../src/stats/welch.js';
import { EMPTY_GROUP, loadedOrders, loadedTickets, order, ticket } from './cohortRecords.js';
import { orderRecords } from '../model/orderRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

/**
 * A hand-computed cohort. January 2014, follow-up Feb–Apr, grace 14 days (problem window
 * 2014-01-01..2014-02-14); the orders end 2014-04-30, so nothing is censored.
 *
 *   member  cohort  later                 tickets                               group
 *   g1      25      40 (Apr 30)           Feb 15, one day past the grace        no_problem
 *   n1      50      100 (+ cancelled 999) –                                     no_problem
 *   n2      30      60                    –                                     no_problem
 *   n3      20      0                     –                                     no_problem
 *   n4      10      140                   –                                     no_problem
 *   r1      40      80 (order F1)         Jan 12 solved 5; Feb 5 about F1       resolved
 *   r2      60      120 − 20 refund       Feb 14 (last grace day) solved        resolved
 *   u1      70      0                     Jan 20 solved but scored 2            unresolved
 *   u2      30      20                    Mar 15 about cohort order U2, open    unresolved
 *   x1      (cancelled only: not a member)
 */
const orders = loadedOrders([
  order('g1', '2014-01-14', 25),
  order('g1', '2014-04-30 18:00', 40),
  order('n1', '2014-01-05', 50),
  order('n1', '2014-02-10', 100),
  order('n1', '2014-02-11', 999, { status: 'Cancelled' }),
  order('n2', '2014-01-06', 30),
  order('n2', '2014-03-01', 60),
  order('n3', '2014-01-07', 20),
  order('n4', '2014-01-08', 10),
  order('n4', '2014-04-30', 140),
  order('r1', '2014-01-10', 40, { id: 'R1' }),
  order('r1', '2014-02-02', 80, { id: 'F1' }),
  order('r2', '2014-01-11', 60),
  order('r2', '2014-03-03', 120),
  order('r2', '2014-04-02', -20),
  order('u1', '2014-01-12', 70),
  order('u2', '2014-01-13', 30, { id: 'U2' }),
  order('u2', '2014-02-20', 20),
  order('x1', '2014-01-15', 500, { status: 'cancelled' }),
  order('x1', '2014-02-15', 500),
]);
const tickets = loadedTickets([
  ticket('g1', '2014-02-15 00:00', { status: 'open' }),
  ticket('r1', '2014-01-12', { status: 'solved', score: 5 }),
  ticket('r1', '2014-02-05', { orderId: 'F1', status: 'open' }),
  ticket('r2', '2014-02-14 23:59', { status: 'Closed' }),
  ticket('u1', '2014-01-20', { status: 'solved', score: 2 }),
  ticket('u2', '2014-03-15', { orderId: 'U2', status: 'open' }),
  ticket('x1', '2014-01-20', { status: 'open' }),
]);
const options: CohortOptions = { ...DEFAULT_COHORT_OPTIONS };
const result = runCohortAnalysis(orders, tickets, options);

describe('runCohortAnalysis on a hand-computed cohort', () => {
  it('picks January by default: its whole follow-up ends on the last order date', () => {
    expect(result.cohort).toEqual({ start: '2014-01-01', end: '2014-01-31' });
    expect(result.cohortChoice).toBe('latest-complete');
    expect(result.followUp).toEqual({ start: '2014-02-01', end: '2014-04-30' });
    expect(result.problemWindow).toEqual({ start: '2014-01-01', end: '2014-02-14' });
    expect(result.dataRange).toEqual({ start: '2014-01-05', end: '2014-04-30' });
    expect(result.censoring).toBeNull();
    expect(result.resolutionRule).toBe('status-and-score');
    expect(result.options).toEqual(options);
  });

  it('counts members, problem tickets and order_id links', () => {
    expect(result.counts).toEqual({ members: 9, problemTickets: 4, linkedByOrderId: 1, excludedByOrderId: 1 });
  });

  it('summarises later spend per group', () => {
    expect(result.groups.no_problem).toMatchObject({
      customers: 5,
      meanSpend: 68,
      medianSpend: 60,
      repeatRate: 0.8,
      totalSpend: 340,
      baselineMeanSpend: 27,
      liftVsNoProblem: null,
    });
    expect(result.groups.resolved).toMatchObject({
      customers: 2,
      meanSpend: 90,
      medianSpend: 90,
      repeatRate: 1,
      totalSpend: 180,
      baselineMeanSpend: 50,
    });
    expect(result.groups.resolved.liftVsNoProblem).toBeCloseTo(90 / 68 - 1, 12);
    expect(result.groups.unresolved).toMatchObject({
      customers: 2,
      meanSpend: 10,
      medianSpend: 10,
      repeatRate: 0.5,
      totalSpend: 20,
      baselineMeanSpend: 50,
    });
    expect(result.groups.unresolved.liftVsNoProblem).toBeCloseTo(10 / 68 - 1, 12);
  });

  it('bootstraps each group mean with the given seed, members in customer-id order', () => {
    const boot = { resamples: 2000, seed: 1 };
    expect(result.groups.no_problem.ci95).toEqual(bootstrapMeanCi([40, 100, 60, 0, 140], boot));
    expect(result.groups.resolved.ci95).toEqual(bootstrapMeanCi([80, 100], boot));
    expect(result.groups.unresolved.ci95).toEqual(bootstrapMeanCi([0, 20], boot));
  });

  it('compares the groups with Welch and Mann–Whitney, matching the stats functions and scipy', () => {
    const np = [40, 100, 60, 0, 140];
    const r = [80, 100];
    const u = [0, 20];
    expect(result.comparisons.map((c) => [c.a, c.b])).toEqual([
      ['resolved', 'no_problem'],
      ['unresolved', 'no_problem'],
      ['resolved', 'unresolved'],
    ]);
    expect(result.comparisons[0].welchP).toBe(welchTTest(r, np)!.p);
    expect(result.comparisons[0].mannWhitneyP).toBe(mannWhitneyU(r, np)!.p);
    expect(result.comparisons[2].lift).toBe(8);
    // scipy.stats.ttest_ind(a, b, equal_var=False).pvalue and
    // scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic').pvalue
    const scipy = [
      [0.43926569415891914, 0.6959425849930814],
      [0.07832707385957934, 0.24103244438393945],
      [0.02985749985466811, 0.2452781168067728],
    ];
    result.comparisons.forEach((c, i) => {
      expect(c.welchP).toBeCloseTo(scipy[i][0], 10);
      expect(c.mannWhitneyP).toBeCloseTo(scipy[i][1], 10);
    });
  });

  it('states the gaps with their uncertainty', () => {
    expect(result.headline).toBe(
      'Customers whose problem was resolved spent 32% more than those with no problem (not significant, Welch p = 0.44), and 800% more than those left unresolved (p = 0.030).',
    );
  });

  it('does not depend on the order of rows in either file', () => {
    const shuffled = runCohortAnalysis(
      loadedOrders([...orderRecords(orders.table)].reverse()),
      loadedTickets([...ticketRecords(tickets.table)].reverse()),
      options,
    );
    expect(shuffled).toEqual(result);
  });
});

describe('runCohortAnalysis rules', () => {
  it('a month-end one-day cohort follows for one month through the next month end', () => {
    const r = runCohortAnalysis(
      loadedOrders([order('a', '2014-01-31', 10), order('a', '2014-02-28', 5), order('a', '2014-03-01', 7), order('b', '2014-01-30', 10)]),
      loadedTickets([]),
      { ...options, cohort: '2014-01-31..2014-01-31', follow: '1m' },
    );
    expect(r.followUp).toEqual({ start: '2014-02-01', end: '2014-02-28' });
    expect(r.groups.no_problem).toMatchObject({ customers: 1, meanSpend: 5 });
    expect(r.cohortChoice).toBe('given');
  });

  it('grace 0d: a ticket the day after the cohort is not a problem ticket', () => {
    const o = loadedOrders([order('a', '2014-01-10', 10), order('a', '2014-04-30', 10)]);
    const t = loadedTickets([ticket('a', '2014-02-01', { status: 'open' })]);
    expect(runCohortAnalysis(o, t, { ...options, grace: '0d' }).groups.no_problem.customers).toBe(1);
    expect(runCohortAnalysis(o, t, { ...options, grace: '1d' }).groups.unresolved.customers).toBe(1);
  });

  it('right-censoring: a follow-up past the data is flagged with the missing days and said in the headline', () => {
    const r = runCohortAnalysis(
      loadedOrders([order('a', '2014-01-10', 10), order('a', '2014-03-15', 30)]),
      loadedTickets([]),
      { ...options, cohort: '2014-01' },
    );
    expect(r.censoring).toEqual({ dataEnd: '2014-03-15', missingDays: 46 });
    expect(r.headline).toContain('(partial: the orders end 2014-03-15, 46 days before the follow-up window does)');
  });

  it('a follow-up wholly after the data misses all of its days', () => {
    const r = runCohortAnalysis(loadedOrders([order('a', '2014-01-10', 10)]), loadedTickets([]), { ...options, cohort: '2014-01' });
    expect(r.censoring).toEqual({ dataEnd: '2014-01-10', missingDays: 89 });
  });

  it('empty groups have customers 0 and null statistics, never NaN', () => {
    const r = runCohortAnalysis(loadedOrders([order('a', '2014-01-10', 10), order('a', '2014-04-30', 10)]), loadedTickets([]), options);
    for (const g of ['resolved', 'unresolved'] as const) {
      expect(r.groups[g]).toEqual(EMPTY_GROUP);
    }
    expect(r.comparisons.every((c) => c.lift === null && c.welchP === null && c.mannWhitneyP === null)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    expect(r.headline).toBe(
      'No cohort member had a problem ticket, so there is nothing to compare; the one member spent 10.00 on average in the follow-up.',
    );
  });

  it('without resolved and status columns every problem ticket counts as resolved', () => {
    const r = runCohortAnalysis(
      loadedOrders([order('a', '2014-01-10', 10), order('a', '2014-04-30', 10)]),
      loadedTickets([ticket('a', '2014-01-11', { score: 1 })], ['customer_id', 'created_at', 'satisfaction']),
      options,
    );
    expect(r.resolutionRule).toBe('assumed-all-resolved');
    expect(r.groups.resolved.customers).toBe(1);
  });

  it('a resolved column decides over status', () => {
    const r = runCohortAnalysis(
      loadedOrders([order('a', '2014-01-10', 10), order('b', '2014-01-10', 10), order('a', '2014-04-30', 10)]),
      loadedTickets(
        [ticket('a', '2014-01-11', { status: 'open', resolved: true }), ticket('b', '2014-01-11', { status: 'solved', resolved: false })],
        ['customer_id', 'created_at', 'status', 'resolved'],
      ),
      options,
    );
    expect(r.resolutionRule).toBe('resolved-column');
    expect([r.groups.resolved.customers, r.groups.unresolved.customers]).toEqual([1, 1]);
  });

  it('one unresolved problem ticket makes the member unresolved', () => {
    const r = runCohortAnalysis(
      loadedOrders([order('a', '2014-01-10', 10), order('a', '2014-04-30', 10)]),
      loadedTickets([ticket('a', '2014-01-11', { status: 'solved' }), ticket('a', '2014-01-12', { status: 'open' })]),
      options,
    );
    expect(r.groups.unresolved.customers).toBe(1);
  });

  it('an empty cohort window is a data error naming the window and the dates the data covers', () => {
    const o = loadedOrders([order('a', '2014-01-10', 10), order('a', '2014-04-30', 10)]);
    expect(() => runCohortAnalysis(o, loadedTickets([]), { ...options, cohort: '2015-01' })).toThrow(DataError);
    expect(() => runCohortAnalysis(o, loadedTickets([]), { ...options, cohort: '2015-01' })).toThrow(
      'no customer has a counted order in the cohort window 2015-01-01..2015-01-31; the counted orders in orders.csv run 2014-01-10..2014-04-30',
    );
  });

  it('orders that are all cancelled are a data error', () => {
    const o = loadedOrders([order('a', '2014-01-10', 10, { status: 'cancelled' })]);
    expect(() => runCohortAnalysis(o, loadedTickets([]), options)).toThrow(/no counted orders/);
  });

  it.each([
    [{ cohort: '2014/01' }, /--cohort 2014-01/],
    [{ follow: '3 months' }, /--follow 3m/],
    [{ grace: '-1d' }, /--grace 14d/],
    [{ bootstrap: 0 }, /--bootstrap 2000/],
    [{ seed: 1.5 }, /--seed 1/],
  ])('bad option %j is a usage error with an example', (bad, message) => {
    const o = loadedOrders([order('a', '2014-01-10', 10)]);
    expect(() => runCohortAnalysis(o, loadedTickets([]), { ...options, ...bad })).toThrow(UsageError);
    expect(() => runCohortAnalysis(o, loadedTickets([]), { ...options, ...bad })).toThrow(message);
  });
});
