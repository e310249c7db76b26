import { describe, expect, it } from 'vitest';
import { cohortFromFacts } from '../../src/analysis/cohortFromFacts.js';
import { DEFAULT_COHORT_OPTIONS } from '../../src/analysis/cohortResult.js';
import { cohortAnalysis } from '../../src/analysis/cohorts.js';
import { readOrders } from '../../src/ingest/readOrders.js';
import { readTickets } from '../../src/ingest/readTickets.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/records.js';

describe('cohortFromFacts', () => {
  it('gives the CSV path its result from the facts table alone, though that path starts the bootstraps before the table is built', async () => {
    const orders = await readOrders('fixtures/orders.csv', DEFAULT_INGEST_OPTIONS);
    const tickets = await readTickets('fixtures/tickets.csv', DEFAULT_INGEST_OPTIONS);
    const options = { ...DEFAULT_COHORT_OPTIONS, bootstrap: 300 };
    let ranMeanwhile = 0;
    const { result, facts } = cohortAnalysis(orders, tickets, options, () => ranMeanwhile++);
    expect(ranMeanwhile).toBe(1);
    const again = cohortFromFacts(facts, { options, choice: result.cohortChoice });
    expect(again).toEqual({ ...result, proactiveFollowUp: again.proactiveFollowUp });
    expect(result.groups.resolved.ci95).not.toBeNull();
  });
});
