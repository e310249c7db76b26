import { describe, expect, it } from 'vitest';
import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { cohortCaveats } from '../../src/report/cohortCaveats.js';
import { loadedOrders, loadedTickets, order, ticket } from '../analysis/cohortRecords.js';

describe('cohortCaveats', () => {
  it('names a small group by its label in quotes, with the right plural', () => {
    const result = runCohortAnalysis(
      loadedOrders([order('a', '2014-01-02', 10), order('b', '2014-01-03', 10), order('c', '2014-01-04', 10), order('a', '2014-05-01', 5)]),
      loadedTickets([ticket('c', '2014-01-06', { status: 'open' })]),
      { ...DEFAULT_COHORT_OPTIONS, cohort: '2014-01', bootstrap: 50 },
    );
    expect(cohortCaveats(result).warnings).toEqual([
      'the “No problem” group has only 2 customers; its mean and interval are fragile.',
      'the “Problem unresolved” group has only 1 customer; its mean and interval are fragile.',
    ]);
  });

  it('puts the censoring warning first', () => {
    const result = runCohortAnalysis(
      loadedOrders([order('a', '2014-01-02', 10), order('a', '2014-03-31', 10)]),
      loadedTickets([]),
      { ...DEFAULT_COHORT_OPTIONS, cohort: '2014-01', bootstrap: 50 },
    );
    expect(cohortCaveats(result).warnings[0]).toBe(
      'the follow-up window 2014-02-01..2014-04-30 runs 30 days past the last counted order (2014-03-31): later spend and repeat rates are partial and understated. Use an earlier --cohort or a shorter --follow for a complete window.',
    );
  });
});
