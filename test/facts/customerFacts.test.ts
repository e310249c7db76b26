import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { customerFacts } from '../../src/facts/customerFacts.js';
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
    expect(facts.members.map((m) => [m.customerId, m.group])).toEqual([
      ['a', 'no_problem'],
      ['b', 'resolved'],
      ['c', 'unresolved'],
    ]);
    expect(facts.members[0]).toEqual({
      customerId: 'a',
      group: 'no_problem',
      baselineSpend: 30,
      laterSpend: 7,
      laterPurchases: 1,
      problemTickets: 0,
      unresolvedTickets: 0,
    });
    expect(facts.problemTickets).toBe(3);
  });
});
