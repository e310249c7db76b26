import { describe, expect, it } from 'vitest';
import { runPreventionAnalysis } from '../../src/analysis/prevention.js';
import { DEFAULT_PREVENTION_OPTIONS, type PreventionOptions } from '../../src/analysis/preventionResult.js';
import { UsageError } from '../../src/errors.js';
import { isoDay } from '../../src/time/calendar.js';
import { expectRelClose } from '../stats/close.js';
import { loadedOrders, loadedTickets, order, ticket, wall } from './cohortRecords.js';
import type { TicketRecord } from '../../src/model/ticketRecord.js';

/** Monday 2014-01-06 is the first day of ISO week 2014-W02. */
const MONDAY = wall('2014-01-06') / 86_400_000;
const day = (week: number, weekday = 2) => isoDay(MONDAY + 7 * week + weekday);

/** n tickets of `reason` in week `week` (0 = 2014-W02), the first `satisfied` of `rated` rated 5 and the rest of the rated 2. */
function contacts(n: number, reason: string | null, week: number, rated = 0, satisfied = 0): TicketRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    ...ticket(`c${week}-${i}`, `${day(week)} 10:00`, i < rated ? { score: i < satisfied ? 5 : 2 } : {}),
    reason,
  }));
}

const options = (extra: Partial<PreventionOptions>): PreventionOptions => ({ ...DEFAULT_PREVENTION_OPTIONS, ...extra });

describe('runPreventionAnalysis: weekly contact rate', () => {
  it('is contacts per 100 counted orders per ISO week, every week listed, cancelled orders not counted', () => {
    const tickets = [...contacts(3, 'billing', 0), ...contacts(1, 'returns', 0), ...contacts(2, 'billing', 2)];
    const orders = [
      ...Array.from({ length: 8 }, (_, i) => order(`o${i}`, day(0), 10)),
      order('x', day(0), 10, { status: 'cancelled' }),
      ...Array.from({ length: 5 }, (_, i) => order(`p${i}`, day(1), 10)),
      order('late', day(9), 10),
    ];
    const r = runPreventionAnalysis(loadedOrders(orders), loadedTickets(tickets), DEFAULT_PREVENTION_OPTIONS);
    expect(r.denominator).toBe('orders');
    expect(r.weeks).toEqual([
      { week: '2014-W02', orders: 8, contacts: 4, rate: 50 },
      { week: '2014-W03', orders: 5, contacts: 0, rate: 0 },
      { week: '2014-W04', orders: 0, contacts: 2, rate: null },
    ]);
    expect(r.reasons.map((x) => x.key)).toEqual(['billing', 'returns']);
    expect(r.reasons[0].weeks.map((w) => w.rate)).toEqual([37.5, 0, null]);
  });

  it('is tickets per week without an orders file, and an empty reason is "(none)"', () => {
    const r = runPreventionAnalysis(null, loadedTickets([...contacts(2, null, 0), ...contacts(1, 'billing', 1)]), DEFAULT_PREVENTION_OPTIONS);
    expect(r.denominator).toBe('tickets');
    expect(r.weeks).toEqual([
      { week: '2014-W02', orders: null, contacts: 2, rate: 2 },
      { week: '2014-W03', orders: null, contacts: 1, rate: 1 },
    ]);
    expect(r.reasons.map((x) => x.key)).toEqual(['(none)', 'billing']);
  });
});

describe('runPreventionAnalysis: last week\'s top reasons', () => {
  it('compares last week with the mean of the four weeks before, by the exact Poisson test', () => {
    // billing: 25 a week in weeks 1–4 (100), 12 in week 5; weeks 0 is outside the four.
    const tickets = [0, 1, 2, 3, 4].flatMap((w) => contacts(25, 'billing', w));
    tickets.push(...contacts(12, 'billing', 5), ...contacts(3, 'returns', 5), ...contacts(1, 'returns', 2));
    const r = runPreventionAnalysis(null, loadedTickets(tickets), DEFAULT_PREVENTION_OPTIONS);
    expect(r.lastWeek).toBe('2014-W07');
    expect(r.top.map((t) => t.key)).toEqual(['billing', 'returns']);
    const billing = r.top[0];
    expect(billing).toMatchObject({ contacts: 12, rate: 12, previousRate: 25, previousWeeks: 4 });
    expectRelClose(billing.change!, 12 / 25 - 1, 1e-15);
    // python3 exact binomial (see test/stats/poissonRateTest.test.ts): 12 vs 100 over 1 vs 4 weeks.
    expectRelClose(billing.p!, 0.012644968576653112, 1e-9);
    expect(r.top[1]).toMatchObject({ key: 'returns', contacts: 3, previousRate: 0.25 });
  });

  it('weighs weeks by their counted orders when an orders file is given', () => {
    const tickets = [...contacts(6, 'billing', 0), ...contacts(9, 'billing', 1)];
    const orders = [...Array.from({ length: 200 }, (_, i) => order(`a${i}`, day(0), 1)), ...Array.from({ length: 300 }, (_, i) => order(`b${i}`, day(1), 1))];
    const r = runPreventionAnalysis(loadedOrders(orders), loadedTickets(tickets), DEFAULT_PREVENTION_OPTIONS);
    expect(r.top[0]).toMatchObject({ key: 'billing', contacts: 9, rate: 3, previousRate: 3, previousWeeks: 1, change: 0 });
    expect(r.top[0].p).toBe(1);
  });
});

describe('runPreventionAnalysis: root causes', () => {
  it('sums contacts and CSAT by the configured category, in the fixed order, with unmapped reasons listed', () => {
    const tickets = [
      ...contacts(6, 'Order Status', 0, 4, 1),
      ...contacts(3, 'password', 0, 2, 2),
      ...contacts(2, 'returns', 0, 2, 1),
      ...contacts(1, null, 0),
    ];
    const r = runPreventionAnalysis(null, loadedTickets(tickets), options({ rootCauses: { 'order status ': 'tooling', password: 'customer-mistake' } }));
    expect(r.rootCauses).toEqual([
      { category: 'customer-mistake', reasons: ['password'], contacts: 3, share: 3 / 12, csat: 1 },
      { category: 'tooling', reasons: ['Order Status'], contacts: 6, share: 6 / 12, csat: 0.25 },
      { category: 'unmapped', reasons: ['returns', '(none)'], contacts: 3, share: 3 / 12, csat: 0.5 },
    ]);
    expect(r.unmapped).toEqual(['returns', '(none)']);
  });
});

describe('runPreventionAnalysis: the effect of a change', () => {
  // Weeks 0–3 before, week 4 holds the change date (a Wednesday, left out), weeks 5–8 after.
  const weekly = (reason: string, counts: number[], rated = 0, satisfied = 0) => counts.flatMap((n, w) => contacts(n, reason, w, Math.min(rated, n), Math.min(satisfied, n)));
  const treated = [40, 44, 38, 42, 30, 28, 30, 26, 29];
  const others = [100, 108, 95, 104, 101, 99, 103, 97, 100];
  const data = () => loadedTickets([...weekly('order status', treated, 10, 6), ...weekly('billing', others)]);

  it('is the ratio of rate ratios of the pooled counts, with contacts avoided and their cost', () => {
    const wednesday = day(4);
    const r = runPreventionAnalysis(null, data(), options({ changes: [{ reason: 'order status', date: wednesday }], costPerContact: 4.5 }));
    const c = r.changes[0];
    const [tb, ta] = [40 + 44 + 38 + 42, 28 + 30 + 26 + 29];
    const [cb, ca] = [100 + 108 + 95 + 104, 99 + 103 + 97 + 100];
    expect(c.counts).toEqual({ reasonBefore: tb, reasonAfter: ta, othersBefore: cb, othersAfter: ca });
    expect([c.beforeWeeks, c.afterWeeks]).toEqual([4, 4]);
    const rrr = ta / ca / (tb / cb);
    expectRelClose(c.relativeChange!, rrr - 1, 1e-9);
    expectRelClose(c.avoided!, ta * (1 / rrr - 1), 1e-9);
    expectRelClose(c.cost!, 4.5 * ta * (1 / rrr - 1), 1e-9);
    // The model SE is √Σ1/count (test/stats/poissonRegression.test.ts), scaled by the dispersion.
    const se = Math.sqrt((1 / ta + 1 / ca + 1 / tb + 1 / cb) * c.dispersion!);
    expectRelClose(c.ci95![0], Math.exp(Math.log(rrr) - 1.959963984540054 * se) - 1, 1e-8);
    expectRelClose(c.ci95![1], Math.exp(Math.log(rrr) + 1.959963984540054 * se) - 1, 1e-8);
    expect(c.p!).toBeLessThan(0.05);
    expect(c.caveat).toBeNull();
    // CSAT: 6 of 10 rated each week, before and after: no change.
    expect(c.csatChange).toBe(0);
  });

  it('a change on a Monday starts the after period that week', () => {
    const r = runPreventionAnalysis(null, data(), options({ changes: [{ reason: 'order status', date: day(4, 0) }] }));
    expect([r.changes[0].beforeWeeks, r.changes[0].afterWeeks]).toEqual([4, 5]);
  });

  it('one week after the change gives the estimate with a caveat; none gives no estimate', () => {
    const one = runPreventionAnalysis(null, data(), options({ changes: [{ reason: 'order status', date: day(8, 0) }] })).changes[0];
    expect(one.afterWeeks).toBe(1);
    expect(one.caveat).toBe('after-too-short');
    expect(one.relativeChange).not.toBeNull();
    const none = runPreventionAnalysis(null, data(), options({ changes: [{ reason: 'order status', date: day(8, 3) }] })).changes[0];
    expect(none.afterWeeks).toBe(0);
    expect(none.caveat).toBe('no-after-week');
    expect(none.relativeChange).toBeNull();
  });

  it('a date outside the weeks, without a full week before, or an unknown reason is a usage error', () => {
    const run = (reason: string, date: string) => () => runPreventionAnalysis(null, data(), options({ changes: [{ reason, date }] }));
    expect(run('order status', '2014-01-05')).toThrow(UsageError);
    expect(run('order status', day(9, 0))).toThrow(/outside the weeks/);
    expect(run('order status', day(0, 6))).toThrow(/no full week before/);
    expect(run('shipping', day(4))).toThrow(/no ticket in tickets.csv has the reason "shipping"/);
    // Reasons match ignoring case.
    expect(run('ORDER STATUS', day(4))).not.toThrow();
  });
});

describe('the prevention fixtures (fixtures/prevention/)', () => {
  it('recover the planted −28% within the 95% interval, and 0 on the control', async () => {
    const { readOrders } = await import('../../src/ingest/readOrders.js');
    const { readTickets } = await import('../../src/ingest/readTickets.js');
    const { DEFAULT_INGEST_OPTIONS } = await import('../../src/ingest/records.js');
    const orders = await readOrders('fixtures/prevention/orders.csv', DEFAULT_INGEST_OPTIONS);
    const change = options({ changes: [{ reason: 'order status', date: '2014-04-07' }] });
    const planted = runPreventionAnalysis(orders, await readTickets('fixtures/prevention/tickets.csv', DEFAULT_INGEST_OPTIONS), change).changes[0];
    expect(planted.ci95![0]).toBeLessThan(-0.28);
    expect(planted.ci95![1]).toBeGreaterThan(-0.28);
    expect(planted.ci95![1]).toBeLessThan(0);
    expect([planted.beforeWeeks, planted.afterWeeks]).toEqual([13, 13]);
    const control = runPreventionAnalysis(orders, await readTickets('fixtures/prevention/control-tickets.csv', DEFAULT_INGEST_OPTIONS), change).changes[0];
    expect(control.ci95![0]).toBeLessThan(0);
    expect(control.ci95![1]).toBeGreaterThan(0);
  });
});
