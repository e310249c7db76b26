import { describe, expect, it } from 'vitest';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { markdownBlocks } from '../../src/report/docMarkdown.js';
import { slicesMarkdown, slicesSection } from '../../src/report/slicesMarkdown.js';
import { loaded, many, rated } from '../analysis/sliceTickets.js';

const records = [
  ...rated(80, 70, { weekday: 0, reason: 'billing' }),
  ...many(10, { weekday: 0, reason: null, score: null }),
  ...rated(40, 10, { weekday: 2, reason: 'order status' }),
];
const tickets = loaded(records, ['reason']);
tickets.quality.skipped = { 'unrecognised satisfaction score': { count: 2, firstLines: [7, 19], examples: ['meh', '11'] } };
tickets.quality.rowsSkipped = 2;
const result = analyzeSlices(tickets, { by: ['weekday', 'reason'], minRated: 30 });

describe('slicesMarkdown', () => {
  const md = slicesMarkdown(result, tickets.quality, [{ title: 'CSAT by weekday', file: 'csat-by-weekday.vl.json' }]);

  it('opens with what to fix first and the ranked findings', () => {
    expect(md.startsWith(
      [
        '# Satisfaction by slice: tickets.csv',
        '',
        '**Fix first: tickets opened on Wed, which fall 17 satisfied tickets short of the overall CSAT.**',
        '',
        '## Findings',
        '',
        '1. Tickets opened on Wed have 25% CSAT (95% CI 14–40%) vs 67% overall (40 rated; adjusted p < 0.001).',
        '2. Contacts about order status have 25% CSAT (95% CI 14–40%) vs 67% overall (40 rated; adjusted p < 0.001).',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('has a table per dimension, the chart links, the method with the options, and data quality', () => {
    expect(md).toContain('## By weekday\n\n| Weekday | Tickets | Share | Rated | CSAT | 95% CI | Mean score | Adj. p | Flag |');
    expect(md).toContain('| Wed | 40 | 30.8% | 40 | 25.0% | 14.2–40.2% | 2.75 | <0.001 | ▼ low |');
    expect(md).toContain('| (none) | 10 | 7.7% | 0 | – | – | – | – |  |');
    expect(md).toContain('## Charts\n\n- [CSAT by weekday](csat-by-weekday.vl.json)\n');
    expect(md).toContain('- Options: --by weekday,reason --min-rated 30 --top 25.');
    expect(md).toContain('| unrecognised satisfaction score | 2 | 7, 19 |');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('offers the findings and tables as a section at any heading level', () => {
    const section = markdownBlocks(slicesSection(result, 3));
    expect(section).toContain('### Findings');
    expect(section).toContain('### By reason');
    expect(section).not.toContain('## Method');
  });

  it('does not repeat itself when nothing is flagged', () => {
    const calm = analyzeSlices(loaded(rated(40, 30)), { by: ['hour'], minRated: 30 });
    const section = markdownBlocks(slicesSection(calm));
    expect(section.startsWith('## Findings\n\nNo slice differs significantly from the overall CSAT of 75% (n = 40 rated).\n')).toBe(true);
  });
});
