import { describe, expect, it } from 'vitest';
import type { WeeklyTrends } from '../../src/analysis/weeklyTrends.js';
import { strong } from '../../src/report/doc.js';
import { markdownBlocks } from '../../src/report/docMarkdown.js';
import { trendsSection, trendsSummary } from '../../src/report/trendsMarkdown.js';

const week = (label: string, start: string, end: string, tickets: number) => ({ label, start, end, tickets, rated: 0, satisfied: 0, csat: null, reasons: [] });
const trends: WeeklyTrends = {
  week: week('2014-W17', '2014-04-21', '2014-04-27', 503),
  previous: week('2014-W16', '2014-04-14', '2014-04-20', 513),
  previousSource: 'computed',
  topReasons: [
    { reason: 'shipping delay', thisWeek: 98, previousWeek: 84, change: 14, changePct: 1 / 6 },
    { reason: 'order status', thisWeek: 81, previousWeek: 98, change: -17, changePct: -17 / 98 },
    { reason: 'gift | card', thisWeek: 3, previousWeek: 0, change: 3, changePct: null },
  ],
  csat: { thisWeek: null, previousWeek: null, changePoints: null, p: null, significant: null, sentence: 'CSAT sentence.' },
  volume: { thisWeek: 503, previousWeek: 513, change: -10, changePct: -10 / 513, p: 0.78, significant: false },
  volumeSentence: 'Volume sentence.',
};

describe('trendsSection', () => {
  it('lists the top reasons with both weeks, signed change and change %, and says where last week came from', () => {
    expect(markdownBlocks(trendsSection(trends, 2))).toBe(
      [
        '## This week: 2014-W17 vs 2014-W16',
        '',
        'Volume sentence.',
        '',
        'CSAT sentence.',
        '',
        '### Top contact reasons',
        '',
        '| Reason | 2014-W17 | 2014-W16 | Change | Change % |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| shipping delay | 98 | 84 | +14 | +17% |',
        '| order status | 81 | 98 | −17 | −17% |',
        '| gift \\| card | 3 | 0 | +3 | – |',
        '',
        'The 3 most frequent reasons of 2014-W17 (ties by name), with their tickets in 2014-W16; change % is – when 2014-W16 had none. 2014-W16 is counted from the same tickets file.',
        '',
      ].join('\n'),
    );
  });

  it('names --compare-to as the source, and says so when the week has no tickets', () => {
    const empty = markdownBlocks(trendsSection({ ...trends, topReasons: [], previousSource: 'compare-to' }, 2));
    expect(empty).toContain('\nNo tickets in 2014-W17.\n\n2014-W16 is read from the previous report\'s summary.json (--compare-to).\n');
  });

  it('gives the summary its volume and CSAT lines', () => {
    expect(trendsSummary(trends)).toEqual([
      [strong('Volume.'), ' ', 'Volume sentence.'],
      [strong('CSAT week over week.'), ' ', 'CSAT sentence.'],
    ]);
  });
});
