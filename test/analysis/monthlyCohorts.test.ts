import { describe, expect, it } from 'vitest';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { monthlyCohorts } from '../../src/analysis/monthlyCohorts.js';
import { parseMonthRange } from '../../src/analysis/windows.js';
import { isoDay } from '../../src/time/calendar.js';
import { loadedOrders, loadedTickets, order, ticket } from './cohortRecords.js';

/**
 * Four monthly cohorts (2014-01..2014-04, --follow 1m), 12 buyers each, by i % 3: no problem,
 * resolved, unresolved. Later spend is 40 + i plus, for the resolved, a bonus of 10 in January,
 * 20 in February, 30 in March and 40 in April, and for everyone a wobble (i·7 mod 5): so the
 * resolved − unresolved gap grows by about 10 a month. The last counted order is 2014-05-31,
 * so April's follow-up (May) is complete.
 */
function data() {
  const orders = [order('z', '2014-05-31', 1)];
  const tickets = [];
  for (let k = 0; k < 4; k++) {
    const month = `2014-0${k + 1}`;
    const next = `2014-0${k + 2}`;
    for (let i = 0; i < 12; i++) {
      const id = `m${k}-${i}`;
      orders.push(order(id, `${month}-05`, 50 + i));
      const bonus = i % 3 === 1 ? 10 * (k + 1) : 0;
      orders.push(order(id, `${next}-15`, 40 + i + bonus + ((i * 7) % 5)));
      if (i % 3 === 1) tickets.push(ticket(id, `${month}-10`, { status: 'solved' }));
      if (i % 3 === 2) tickets.push(ticket(id, `${month}-10`, { status: 'open' }));
    }
  }
  return { orders: loadedOrders(orders), tickets: loadedTickets(tickets, ['customer_id', 'created_at', 'status']) };
}

describe('monthlyCohorts', () => {
  it('parses a month range into its months, and rejects a backwards one', () => {
    expect(parseMonthRange('2014-01..2014-04')!.map(isoDay)).toEqual(['2014-01-01', '2014-02-01', '2014-03-01', '2014-04-01']);
    expect(parseMonthRange('2014-01')).toBeNull();
    expect(() => parseMonthRange('2014-04..2014-01')).toThrow(/ends before it starts/);
  });

  it('runs every complete month and finds the growing gap a worsening trend', () => {
    const { orders, tickets } = data();
    const options = { ...DEFAULT_COHORT_OPTIONS, follow: '1m', bootstrap: 10 };
    const m = monthlyCohorts(orders, tickets, options, parseMonthRange('2014-01..2014-05')!);
    expect(m.months.map((r) => [r.cohort.start, r.complete])).toEqual([
      ['2014-01-01', true],
      ['2014-02-01', true],
      ['2014-03-01', true],
      ['2014-04-01', true],
      ['2014-05-01', false],
    ]);
    // Raw gaps by hand: resolved i = 1, 4, 7, 10 and unresolved i = 2, 5, 8, 11 differ by −1 in
    // 40 + i (means 5.5 vs 6.5), by the bonus, and by +0.5 in the wobble (i·7 mod 5: 2, 3, 4, 0
    // → 2.25 vs 4, 0, 1, 2 → 1.75): bonus − 0.5.
    expect(m.months.slice(0, 4).map((r) => r.raw!.difference)).toEqual([9.5, 19.5, 29.5, 39.5]);
    expect(m.trend!.direction).toBe('worsening');
    expect(m.trend!.months).toBe(4);
    expect(m.trend!.slope).toBeGreaterThan(5);
    expect(m.trend!.p).toBeLessThan(0.05);
  });
});
