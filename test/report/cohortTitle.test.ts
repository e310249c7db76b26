import { describe, expect, it } from 'vitest';
import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { cohortSample, cohortTitle } from '../../src/report/cohortTitle.js';
import { loadedOrders, loadedTickets, order, ticket } from '../analysis/cohortRecords.js';

/** Ten customers per group; each buys $10 in January and `later(i)` on 2014-04-30 (the follow-up's last day). */
function cohort(groups: { noProblem: (i: number) => number; resolved?: (i: number) => number; unresolved?: (i: number) => number }, lastOrder = '2014-04-30') {
  const orders = [];
  const tickets = [];
  for (const [name, later] of Object.entries(groups)) {
    for (let i = 0; i < 10; i++) {
      const id = `${name}${i}`;
      orders.push(order(id, '2014-01-10', 10), order(id, lastOrder, later(i)));
      if (name === 'resolved') tickets.push(ticket(id, '2014-01-12', { status: 'solved' }));
      if (name === 'unresolved') tickets.push(ticket(id, '2014-01-12', { status: 'open' }));
    }
  }
  return runCohortAnalysis(loadedOrders(orders), loadedTickets(tickets), { ...DEFAULT_COHORT_OPTIONS, bootstrap: 100 });
}

const alternate = (a: number, b: number) => (i: number) => (i % 2 === 0 ? a : b);

describe('cohortTitle', () => {
  it('says "not significant" in the title when Welch p ≥ 0.05', () => {
    // Means 100 and 106, sd 10.5 each: t ≈ 1.27, p ≈ 0.22.
    const result = cohort({ noProblem: alternate(90, 110), resolved: alternate(96, 116) });
    expect(cohortTitle(result)).toBe('Resolved problems: +6% later spend vs no problem (not significant)');
  });

  it('gives the p-value of a significant gap', () => {
    const result = cohort({ noProblem: alternate(90, 110), resolved: alternate(190, 210) });
    expect(cohortTitle(result)).toBe('Resolved problems: +100% later spend vs no problem (p < 0.001)');
  });

  it('falls back to unresolved vs no problem when nobody was resolved', () => {
    const result = cohort({ noProblem: alternate(90, 110), unresolved: alternate(10, 30) });
    expect(cohortTitle(result)).toBe('Unresolved problems: −80% later spend vs no problem (p < 0.001)');
  });

  it('marks a censored follow-up as partial', () => {
    const result = cohort({ noProblem: alternate(90, 110), resolved: alternate(96, 116) }, '2014-04-20');
    expect(cohortTitle(result)).toBe('Resolved problems: +6% later spend vs no problem (not significant, partial follow-up)');
  });

  it('has no gap to state when only one group has members', () => {
    expect(cohortTitle(cohort({ noProblem: alternate(90, 110) }))).toBe('Mean later spend by group');
  });

  it('states the sample and both windows', () => {
    const result = cohort({ noProblem: alternate(90, 110), resolved: alternate(96, 116) });
    expect(cohortSample(result)).toBe('20 customers who bought 2014-01-01..2014-01-31; later spend 2014-02-01..2014-04-30');
  });
});
