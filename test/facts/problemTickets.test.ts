import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { problemTickets, type CohortLinks, type ProblemTicketTally } from '../../src/facts/problemTickets.js';
import { ticket } from '../analysis/cohortRecords.js';
import type { TicketTable } from '../../src/model/ticketTable.js';
import { ticketTable } from '../model/ticketRecords.js';

// Cohort January 2014, grace 14d: the problem window is 2014-01-01..2014-02-14.
const window = parseCohortWindow('2014-01-01..2014-02-14');
const cohortOrders = new Map<string, ReadonlySet<string>>([
  ['a', new Set(['A1'])],
  ['b', new Set()],
]);
const names = [...cohortOrders.keys()];
const ids: CohortLinks = {
  count: names.length,
  membersOf: (keys, ks) => Int32Array.from(ks, (k) => names.indexOf(keys.text(k))),
  hasCohortOrder: (m, keys, k) => cohortOrders.get(names[m]!)!.has(keys.text(k)),
};

function of(tally: ProblemTicketTally, id: string) {
  const m = names.indexOf(id);
  return { problemTickets: tally.problems[m], unresolvedTickets: tally.unresolved[m] };
}
const solved = (t: TicketTable, i: number) => t.label('status', i) === 'solved';

describe('problemTickets', () => {
  it('counts tickets created in the window, grace boundary day included', () => {
    const tally = problemTickets(
      ticketTable([
        ticket('a', '2014-01-01 00:00', { status: 'solved' }),
        ticket('a', '2014-02-14 23:59', { status: 'solved' }),
        ticket('a', '2014-02-15 00:00', { status: 'open' }), // a day past the grace
        ticket('a', '2013-12-31 23:59', { status: 'open' }), // before the cohort
      ]),
      ids,
      window,
      solved,
    );
    expect(tally.problemTickets).toBe(2);
    expect(of(tally, 'a')).toEqual({ problemTickets: 2, unresolvedTickets: 0 });
  });

  it('ignores tickets of customers outside the cohort', () => {
    const tally = problemTickets(ticketTable([ticket('z', '2014-01-10', { status: 'open' })]), ids, window, solved);
    expect(tally.problemTickets).toBe(0);
    expect([...tally.problems]).toEqual([0, 0]);
  });

  it('a ticket naming a cohort order is a problem ticket whatever its date', () => {
    const tally = problemTickets(ticketTable([ticket('a', '2014-06-30', { orderId: 'A1', status: 'open' })]), ids, window, solved);
    expect(tally).toMatchObject({ problemTickets: 1, linkedByOrderId: 1, excludedByOrderId: 0 });
    expect(of(tally, 'a')).toEqual({ problemTickets: 1, unresolvedTickets: 1 });
  });

  it('a ticket about a follow-up order is not a problem ticket, even inside the window', () => {
    const tally = problemTickets(ticketTable([ticket('a', '2014-02-03', { orderId: 'A9', status: 'open' })]), ids, window, solved);
    expect(tally).toMatchObject({ problemTickets: 0, linkedByOrderId: 0, excludedByOrderId: 1 });
  });

  it('counts linked and excluded tickets per member too (the facts table\'s linked_tickets, excluded_tickets)', () => {
    const tally = problemTickets(
      ticketTable([
        ticket('a', '2014-06-30', { orderId: 'A1' }), // linked, outside the window
        ticket('a', '2014-01-10', { orderId: 'A1' }), // linked
        ticket('a', '2014-02-03', { orderId: 'A9' }), // excluded: another order, inside the window
        ticket('b', '2014-02-03', { orderId: 'B9' }), // excluded
        ticket('b', '2014-03-03', { orderId: 'B9' }), // neither: outside the window
      ]),
      ids,
      window,
      solved,
    );
    expect([Array.from(tally.linked), Array.from(tally.excluded)]).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect([tally.linkedByOrderId, tally.excludedByOrderId]).toEqual([2, 2]);
  });

  it('an order id of another customer does not link', () => {
    const tally = problemTickets(ticketTable([ticket('b', '2014-03-03', { orderId: 'A1', status: 'open' })]), ids, window, solved);
    expect(tally).toMatchObject({ problemTickets: 0, linkedByOrderId: 0, excludedByOrderId: 0 });
  });

  it('an empty order id falls back to the date rule', () => {
    const tally = problemTickets(ticketTable([ticket('b', '2014-01-20', { orderId: '', status: 'open' })]), ids, window, solved);
    expect(of(tally, 'b')).toEqual({ problemTickets: 1, unresolvedTickets: 1 });
  });

  it('counts unresolved tickets per member', () => {
    const tally = problemTickets(
      ticketTable([ticket('a', '2014-01-02', { status: 'solved' }), ticket('a', '2014-01-03', { status: 'open' }), ticket('b', '2014-01-04', { status: 'solved' })]),
      ids,
      window,
      solved,
    );
    expect(of(tally, 'a')).toEqual({ problemTickets: 2, unresolvedTickets: 1 });
    expect(of(tally, 'b')).toEqual({ problemTickets: 1, unresolvedTickets: 0 });
  });
});
