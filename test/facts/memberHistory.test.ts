import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { memberHistory } from '../../src/facts/memberHistory.js';
import { memberSpend } from '../../src/facts/memberSpend.js';
import { order } from '../analysis/cohortRecords.js';
import { orderTable } from '../model/orderRecords.js';

/** Cohort January 2014; baseline 2013; pre-window (3m) 2013-10-01..2013-12-31. */
const cohort = parseCohortWindow('2014-01');
const windows = { cohort, baseline: parseCohortWindow('2013-01-01..2013-12-31'), pre: parseCohortWindow('2013-10-01..2013-12-31'), nextFrom: cohort.end + 1 };

describe('memberHistory', () => {
  it('sums prior and pre-window spend exactly, whatever the order of the rows', () => {
    // As floats in file order the pre-window's 0.1 + 0.2 is 0.30000000000000004, and the
    // baseline's 0.1 + 0.2 + 0.4 is 0.7000000000000001.
    const orders = [order('a', '2014-01-05', 5), order('a', '2013-11-02', 0.1), order('a', '2013-12-03', 0.2), order('a', '2013-03-01', 0.4)];
    const spend = memberSpend(orderTable(orders), cohort, parseCohortWindow('2014-02-01..2014-04-30'));
    const h = memberHistory(spend, windows);
    expect([0.1 + 0.2, 0.1 + 0.2 + 0.4]).toEqual([0.30000000000000004, 0.7000000000000001]);
    expect([h.priorSpend[0], h.preSpend[0], h.priorOrders[0]]).toEqual([0.7, 0.3, 3]);
  });
});
