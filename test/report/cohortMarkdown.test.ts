import { describe, expect, it } from 'vitest';
import { cohortMarkdown } from '../../src/report/cohortMarkdown.js';
import { quality } from '../analysis/cohortRecords.js';
import { smallCohort } from './cohortExample.js';

describe('cohortMarkdown', () => {
  const md = cohortMarkdown(smallCohort, { orders: quality('orders.csv'), tickets: quality('tickets.csv') }, [
    { title: 'Mean later spend by group', file: 'cohorts.vl.json' },
  ]);

  it('has the sections in reading order and links the chart', () => {
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Service recovery: later spend of the 2014-01-01..2014-01-31 cohort',
      '## Later spend by group',
      '## Comparisons',
      // Added with the adjusted comparison (cohortExample.ts builds its result with the analysis).
      '## What resolving a problem is worth, adjusted for who complains',
      '## Repurchase',
      '## Charts',
      '## Method',
      '## Method: the adjusted comparison',
      '## Caveats',
      '## Data quality',
      '### orders.csv',
      '### tickets.csv',
    ]);
    expect(md).toContain('\n- [Mean later spend by group](cohorts.vl.json)\n');
  });

  it('says how the cohort window was chosen in a sentence', () => {
    expect(md).toContain(
      '- Cohort window 2014-01-01..2014-01-31 (inclusive), chosen by default as the latest calendar month with counted orders whose whole follow-up window ends on or before the last counted order date. Members: customers with at least one counted order dated in it (4).',
    );
  });

  it('lists the small groups among the caveats, label quoted', () => {
    expect(md).toContain('- The “Problem resolved” group has only 1 customer; its mean and interval are fragile.');
  });
});
