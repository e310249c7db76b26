import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { customerFacts, memberGroup } from '../../src/facts/customerFacts.js';
import { order, ticket } from '../analysis/cohortRecords.js';

const windows = {
  cohort: parseCohortWindow('2014-01'),
  followUp: parseCohortWindow('2014-02-01..2014-04-30'),
  problem: parseCohortWindow('2014-01-01..2014-02-14'),
};

describe('customerFacts', () => {
  it('groups members by their problem tickets and sorts them by customer id', () => {
    const facts = customerFacts(
      [order('c', '2014-01-03', 10), order('b', '2014-01-02', 20), order('a', '2014-01-01', 30), order('a', '2014-02-01', 7)],
      [
        ticket('b', '2014-01-05', { status: 'solved' }),
        ticket('c', '2014-01-05', { status: 'solved' }),
        ticket('c', '2014-01-06', { status: 'open' }),
      ],
      windows,
      (t) => t.status === 'solved',
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
