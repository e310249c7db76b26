import { describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { memberSpend } from '../../src/facts/memberSpend.js';
import { order } from '../analysis/cohortRecords.js';

const cohort = parseCohortWindow('2014-01');
const followUp = parseCohortWindow('2014-02-01..2014-04-30');

describe('memberSpend', () => {
  it('members have a counted cohort-window order; spend is split by window', () => {
    const members = memberSpend(
      [
        order('a', '2014-01-10', 50),
        order('a', '2014-01-31 23:59', 25),
        order('a', '2014-02-01', 30),
        order('a', '2014-04-30 23:59', 20),
        order('a', '2014-05-01', 999), // after the follow-up
        order('a', '2013-12-31 23:59', 999), // before the cohort
        order('b', '2014-02-10', 40), // no cohort order: not a member
      ],
      cohort,
      followUp,
    );
    expect([...members.keys()]).toEqual(['a']);
    const a = members.get('a')!;
    expect(a.baselineSpend).toBe(75);
    expect(a.laterSpend).toBe(50);
    expect(a.laterPurchases).toBe(2);
  });

  it('a customer whose only cohort order was cancelled is not a member', () => {
    const members = memberSpend([order('c', '2014-01-05', 80, { status: 'Cancelled' }), order('c', '2014-02-05', 60)], cohort, followUp);
    expect(members.size).toBe(0);
  });

  it('cancelled, refunded, voided and failed orders add no spend in either window', () => {
    const members = memberSpend(
      [
        order('a', '2014-01-05', 100),
        order('a', '2014-01-06', 70, { status: 'refunded' }),
        order('a', '2014-02-05', 60, { status: 'canceled' }),
        order('a', '2014-02-06', 60, { status: 'VOIDED' }),
        order('a', '2014-02-07', 60, { status: 'failed' }),
        order('a', '2014-02-08', 10, { status: 'completed' }),
      ],
      cohort,
      followUp,
    );
    expect(members.get('a')).toMatchObject({ baselineSpend: 100, laterSpend: 10, laterPurchases: 1 });
  });

  it('a refund row lowers later spend and is not a repeat purchase', () => {
    const members = memberSpend([order('a', '2014-01-05', 100), order('a', '2014-02-05', -30)], cohort, followUp);
    expect(members.get('a')).toMatchObject({ laterSpend: -30, laterPurchases: 0 });
  });

  it('a member with no follow-up orders has later spend 0', () => {
    expect(memberSpend([order('a', '2014-01-05', 100)], cohort, followUp).get('a')).toMatchObject({ laterSpend: 0, laterPurchases: 0 });
  });

  it('keeps every cohort-window order id for linking, cancelled ones too, but no follow-up ids', () => {
    const members = memberSpend(
      [
        order('a', '2014-01-05', 100, { id: 'A1' }),
        order('a', '2014-01-06', 100, { id: 'A2', status: 'cancelled' }),
        order('a', '2014-02-06', 100, { id: 'A3' }),
        order('a', '2014-01-07', 5),
      ],
      cohort,
      followUp,
    );
    expect([...members.get('a')!.cohortOrderIds].sort()).toEqual(['A1', 'A2']);
  });

  it('does not depend on whether the follow-up order comes first in the file', () => {
    const members = memberSpend([order('a', '2014-03-01', 30), order('a', '2014-01-05', 100)], cohort, followUp);
    expect(members.get('a')).toMatchObject({ baselineSpend: 100, laterSpend: 30 });
  });
});
