import { runCohortAnalysis } from '../../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS, type CohortResult } from '../../src/analysis/cohortResult.js';
import { loadedOrders, loadedTickets, order, ticket } from '../analysis/cohortRecords.js';

/**
 * The small cohort the renderer tests share: January 2014, a and b no problem (later $100
 * and $60: mean $80), c resolved (later $120), d unresolved (later $0); 200 resamples.
 */
export const smallCohort: CohortResult = runCohortAnalysis(
  loadedOrders([
    order('a', '2014-01-02', 10),
    order('a', '2014-02-02', 100),
    order('b', '2014-01-03', 10),
    order('b', '2014-03-02', 60),
    order('c', '2014-01-04', 10),
    order('c', '2014-04-30', 120),
    order('d', '2014-01-05', 10),
  ]),
  loadedTickets([ticket('c', '2014-01-06', { status: 'solved' }), ticket('d', '2014-01-06', { status: 'open' })]),
  { ...DEFAULT_COHORT_OPTIONS, bootstrap: 200 },
);
