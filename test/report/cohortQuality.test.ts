import { describe, expect, it } from 'vitest';
import { dataQualitySection } from '../../src/report/cohortQuality.js';
import { markdownBlocks } from '../../src/report/docMarkdown.js';
import { quality } from '../analysis/cohortRecords.js';

describe('dataQualitySection', () => {
  it('mentions repeated order ids only when there are some', () => {
    const none = { ...quality('orders.csv'), rowsRead: 3, rowsUsed: 3, duplicateOrderIds: 0 };
    const one = { ...none, rowsUsed: 2, rowsSkipped: 1, duplicateOrderIds: 1, skipped: { 'duplicate order_id': { count: 1, firstLines: [4], examples: ['A1'] } } };
    expect(markdownBlocks(dataQualitySection([none]))).toBe('## Data quality\n\n### orders.csv\n\nFormat canonical: 3 rows read, 3 used, 0 skipped.\n');
    expect(markdownBlocks(dataQualitySection([one], 3))).toBe(
      '### Data quality\n\n#### orders.csv\n\nFormat canonical: 3 rows read, 2 used, 1 skipped; 1 row repeated an order_id already seen and counted once.\n\n' +
        '| Skipped because | Rows | First lines |\n| --- | ---: | --- |\n| duplicate order_id | 1 | 4 |\n',
    );
  });
});
