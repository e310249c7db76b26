import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { customerFacts, memberGroup } from '../../src/facts/customerFacts.js';
import { order, ticket } from '../analysis/cohortRecords.js';
import { orderTable } from '../model/orderRecords.js';
import { ticketTable } from '../model/ticketRecords.js';

const windows = {
  cohort: parseCohortWindow('2014-01'),
  followUp: parseCohortWindow('2014-02-01..2014-04-30'),
  problem: parseCohortWindow('2014-01-01..2014-02-14'),
};

describe('customerFacts', () => {
  it('groups members by their problem tickets and sorts them by customer id', () => {
    const facts = customerFacts(
      orderTable([order('c', '2014-01-03', 10), order('b', '2014-01-02', 20), order('a', '2014-01-01', 30), order('a', '2014-02-01', 7)]),
      ticketTable([
        ticket('b', '2014-01-05', { status: 'solved' }),
        ticket('c', '2014-01-05', { status: 'solved' }),
        ticket('c', '2014-01-06', { status: 'open' }),
      ]),
      windows,
      (t, i) => t.label('status', i) === 'solved',
    );
    const { spend, tally } = facts;
    const members = Array.from({ length: spend.count }, (_, m) => [spend.id(m), memberGroup(tally.problems[m]!, tally.unresolved[m]!)]);
    expect(members).toEqual([
      ['a', 'no_problem'],
      ['b', 'resolved'],
      ['c', 'unresolved'],
    ]);
    expect([spend.baselineSpend[0], spend.laterSpend[0], spend.laterPurchases[0], tally.problems[0], tally.unresolved[0]]).toEqual([30, 7, 1, 0, 0]);
    expect([...tally.problems]).toEqual([0, 1, 2]);
    expect([...tally.unresolved]).toEqual([0, 0, 1]);
    expect(tally.problemTickets).toBe(3);
  });
});

describe('exact spend sums', () => {
  it('sums amounts exactly, so the order of the rows does not change a sum', () => {
    // In floating point 0.1 + 0.2 = 0.30000000000000004 and (0.7 + 0.1) + 0.2 = 0.9999999999999999;
    // the exact decimal sums are 0.3 and 1, and the double nearest each is what a SQL engine's
    // DECIMAL sum gives (src/engines).
    const facts = customerFacts(
      orderTable([
        order('a', '2014-01-03', 0.1),
        order('a', '2014-01-04', 0.2),
        order('b', '2014-01-05', 1),
        order('b', '2014-02-01', 0.7),
        order('b', '2014-02-02', 0.1),
        order('b', '2014-02-03', 0.2),
      ]),
      ticketTable([]),
      windows,
      () => true,
    );
    expect(facts.spend.baselineSpend[0]).toBe(0.3);
    expect(facts.spend.laterSpend[1]).toBe(1);
    expect(0.1 + 0.2).not.toBe(0.3); // the float sum this replaces
  });
});
